package io.booker.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;

import java.util.concurrent.atomic.AtomicInteger;

/** The use cases wired to in-memory fakes of their ports, and helpers to read their (already complete) futures. */
final class Fakes {

  final FakeBookingStore store = new FakeBookingStore();
  final FakeHoldStore holds = new FakeHoldStore();
  final FakeVenueSlots venues = new FakeVenueSlots();
  /** How often the use cases said that outbox events were written. */
  final AtomicInteger eventsWritten = new AtomicInteger();
  final BookingDeps deps = new BookingDeps(store, holds, venues, eventsWritten::incrementAndGet, TestBookings.HOLD_TTL);

  private final HoldGuard guard = new HoldGuard(holds, store, deps.holdTtl());
  private final IdempotentAnswers answers = new IdempotentAnswers(store);
  final CreateBooking create = new CreateBooking(deps, guard, answers);
  final ChangeStatus status = new ChangeStatus(deps, answers);
  final Reschedule reschedule = new Reschedule(deps, guard, answers, status);
  final HoldExpiry expiry = new HoldExpiry(deps);

  /** The value of a future that must have succeeded by now. */
  static <T> T succeeded(Future<T> f) {
    assertTrue(f.isComplete(), "the future should be complete: every fake answers at once");
    if (f.failed()) {
      fail("expected success, got " + f.cause(), f.cause());
    }
    return f.result();
  }

  /** The failure of a future that must have failed by now with {@code code}. */
  static ServiceException failed(ErrorCode code, Future<?> f) {
    assertTrue(f.isComplete(), "the future should be complete: every fake answers at once");
    assertTrue(f.failed(), () -> "expected " + code + ", got " + f.result());
    ServiceException e = assertInstanceOf(ServiceException.class, f.cause());
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }
}
