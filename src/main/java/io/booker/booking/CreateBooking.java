package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.SlotTaken;
import io.vertx.core.Future;

import java.util.UUID;

/**
 * A new booking, held for a few minutes: one venue call to place it, the Redis holds (at most one
 * round trip on the way in), and one database transaction that decides. When the database says
 * the table is taken, whatever Redis said, the holds taken are given back.
 */
final class CreateBooking {

  private final BookingDeps deps;
  private final HoldGuard guard;
  private final IdempotentAnswers answers;

  CreateBooking(BookingDeps deps, HoldGuard guard, IdempotentAnswers answers) {
    this.deps = deps;
    this.guard = guard;
    this.answers = answers;
  }

  Future<Booking> create(NewBooking request, IdempotencyKey key) {
    return answers.once(key, () -> deps.venues()
      .resolve(request.venueId(), request.table(), request.mergedWith(), request.slot(), request.partySize())
      .compose(placement -> book(placement, request, key)));
  }

  private Future<Booking> book(Placement placement, NewBooking request, IdempotencyKey key) {
    UUID id = UUID.randomUUID();
    return guard.take(placement, id).compose(held -> deps.store().insertHold(id, placement, request, deps.holdTtl(), key)
      .recover(t -> {
        deps.holds().release(held.taken(), id);
        return Future.failedFuture(t instanceof SlotTaken st ? SlotTaken.of(placement, st.tableId()) : t);
      }))
      .map(created -> {
        deps.eventsWritten().run();
        deps.holds().releaseAll(created.expired());
        return created.booking();
      });
  }
}
