package io.booker.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.vertx.core.Future;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The use cases wired to in-memory fakes of their ports, and helpers to read their (already complete) futures. */
final class Fakes {

  /** Another venue than {@link TestBookings#VENUE}. */
  static final UUID OTHER_VENUE = UUID.fromString("10000000-0000-4000-8000-000000000002");
  /** A host of the test venue: the caller of most tests. */
  static final Caller HOST = new Caller("host-2", Role.HOST, Set.of(TestBookings.VENUE.toString()));
  /** A host of another venue only: to them, the test venue and its bookings do not exist. */
  static final Caller STRANGER = new Caller("host-9", Role.HOST, Set.of(OTHER_VENUE.toString()));
  /** A manager of the test venue: may create and delete its blocks. */
  static final Caller MANAGER = new Caller("manager-3", Role.MANAGER, Set.of(TestBookings.VENUE.toString()));
  /** An admin, who sees every venue without being given any. */
  static final Caller ADMIN = new Caller("admin-1", Role.ADMIN, Set.of());

  final FakeBookingStore store = new FakeBookingStore();
  final FakeHoldStore holds = new FakeHoldStore();
  final FakeVenueSlots venues = new FakeVenueSlots();
  final FakeBlockStore blocks = new FakeBlockStore(store);
  /** How often the use cases said that outbox events were written. */
  final AtomicInteger eventsWritten = new AtomicInteger();
  final BookingDeps deps = new BookingDeps(store, holds, venues, eventsWritten::incrementAndGet, TestBookings.HOLD_TTL,
    blocks);

  private final HoldGuard guard = new HoldGuard(holds, store, deps.holdTtl());
  private final IdempotentAnswers answers = new IdempotentAnswers(store);
  final CreateBooking create = new CreateBooking(deps, guard, answers);
  final ChangeStatus status = new ChangeStatus(deps, answers);
  final Reschedule reschedule = new Reschedule(deps, guard, answers, status);
  final HoldExpiry expiry = new HoldExpiry(deps);
  final BookingQueries queries = new BookingQueries(store);
  final TableBlocks tableBlocks = new TableBlocks(blocks, venues, eventsWritten::incrementAndGet);

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
