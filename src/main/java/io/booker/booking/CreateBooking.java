package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.SlotTaken;
import io.booker.booking.domain.TableBlocked;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/**
 * A new booking, held for a few minutes: one venue call to place it, the Redis holds (at most one
 * round trip on the way in), and one database transaction that decides. When the database says
 * the table is taken, whatever Redis said, the holds taken are given back. A block of a table over
 * the slot is found by that transaction too (TABLE_BLOCKED, naming the table and the block's time).
 *
 * <p>The caller must see the venue, checked before anything else is asked (the stored answer of
 * a key, the venue, Redis); the booking's author is the caller, whoever the request names.
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

  Future<Booking> create(Caller caller, NewBooking request, IdempotencyKey key) {
    NewBooking authored = request.authoredBy(caller.userId());
    return BookingAccess.venue(caller, Permission.WRITE_BOOKINGS, request.venueId())
      .compose(allowed -> answers.once(caller, key, () -> deps.venues()
        .resolve(authored.venueId(), authored.table(), authored.mergedWith(), authored.combinationId(), authored.slot(),
          authored.partySize())
        .compose(placement -> book(placement, authored, key))));
  }

  /**
   * The database gave the table to another booking: point the holds this request took at the
   * winner instead of dropping them, so that the next requests for that slot are turned away by
   * Redis and one read, not by a whole transaction each. Done in the background, best effort.
   */
  private void handOver(Placement placement, UUID loser, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    deps.store().occupants(placement.tableIds(), placement.period()).onComplete(ar -> {
      for (String k : keys) {
        UUID winner = ar.succeeded() ? ar.result().get(HoldKeys.tableOf(k)) : null;
        if (winner != null) {
          deps.holds().takeOver(k, loser, winner, deps.holdTtl());
        } else {
          deps.holds().release(List.of(k), loser);
        }
      }
    });
  }

  private Future<Booking> book(Placement placement, NewBooking request, IdempotencyKey key) {
    UUID id = UUID.randomUUID();
    return guard.take(placement, id).compose(held -> deps.store().insertHold(id, placement, request, deps.holdTtl(), key)
      .recover(t -> {
        if (t instanceof SlotTaken st) {
          handOver(placement, id, held.taken());
          return Future.failedFuture(SlotTaken.of(placement, st.tableId()));
        }
        if (t instanceof TableBlocked tb) {
          deps.holds().release(held.taken(), id);
          return Future.failedFuture(TableBlocked.of(placement, tb.tableId(), tb.blocked()));
        }
        deps.holds().release(held.taken(), id);
        return Future.failedFuture(t);
      }))
      .map(created -> {
        deps.eventsWritten().run();
        BookingMetrics.created();
        BookingMetrics.expired(created.expired());
        BookingLog.created(created.booking());
        for (Booking lapsed : created.expired()) {
          BookingLog.expired(lapsed);
          BookingLog.holdTakenOver(lapsed, created.booking().id());
        }
        deps.holds().releaseAll(created.expired());
        return created.booking();
      });
  }
}
