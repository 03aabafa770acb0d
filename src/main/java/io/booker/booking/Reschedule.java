package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.Lifecycle;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.SlotTaken;
import io.booker.booking.domain.TableBlocked;
import io.booker.booking.domain.Transition;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Moves a held or confirmed booking to another time and/or table(s): the venue checks the new
 * place as it does for a new booking, and one transaction swaps the tables the booking occupies
 * under the same constraint, so a conflict leaves the booking exactly as it was. A held booking
 * takes the holds of its new place and gives back those of the old one.
 *
 * <p>As for a status change, the caller must see the booking's venue (checked on the booking as
 * read, before the venue is asked), and is the author of the move.
 */
final class Reschedule {

  private final BookingDeps deps;
  private final HoldGuard guard;
  private final IdempotentAnswers answers;
  private final ChangeStatus status;

  Reschedule(BookingDeps deps, HoldGuard guard, IdempotentAnswers answers, ChangeStatus status) {
    this.deps = deps;
    this.guard = guard;
    this.answers = answers;
    this.status = status;
  }

  Future<Booking> reschedule(Caller caller, UUID id, Move move, IdempotencyKey key) {
    return answers.once(caller, key, () -> attempt(caller, id, move, key, ChangeStatus.ATTEMPTS));
  }

  private Future<Booking> attempt(Caller caller, UUID id, Move move, IdempotencyKey key, int attemptsLeft) {
    return Bookings.load(deps.store(), id).compose(loaded -> {
      Booking booking = BookingAccess.require(caller, Permission.WRITE_BOOKINGS, loaded.booking());
      Transition allowed = Lifecycle.reschedule(booking, loaded.now());
      if (allowed instanceof Transition.Refused refused) {
        return status.refuse(refused, booking, loaded.now());
      }
      return deps.venues().resolve(booking.venueId(), move.tableFor(booking), move.mergedFor(booking), move.combinationFor(booking),
        move.slotFor(booking), booking.partySize()).compose(placement -> {
          if (placement.tables().equals(booking.tables()) && placement.slot().equals(booking.slot())
            && Objects.equals(placement.combinationId(), booking.combinationId())) {
            BookingLog.unchanged(booking, "reschedule");
            return Future.succeededFuture(booking);
          }
          Booking after = booking.movedTo(placement.tables(), placement.combinationId(), placement.slot(), placement.period(),
            loaded.now());
          BookingChange change = new BookingChange(booking, after, BookingAction.RESCHEDULED_EVENT, caller.userId(), "");
          return move(placement, change, move.overridePacing(), key).compose(done -> done ? Future.succeededFuture(after)
            : attemptsLeft > 1 ? attempt(caller, id, move, key, attemptsLeft - 1)
            : Future.failedFuture(ChangeStatus.keepsChanging(id)));
        });
    });
  }

  /** The store's refusal, told with the placement's table names and times. */
  private static Throwable placed(Placement placement, Throwable refusal) {
    if (refusal instanceof SlotTaken st) {
      return SlotTaken.of(placement, st.tableId());
    }
    if (refusal instanceof TableBlocked tb) {
      return TableBlocked.of(placement, tb.tableId(), tb.blocked());
    }
    return refusal;
  }

  /** True when the booking moved; false when it changed meanwhile (nothing was written). */
  private Future<Boolean> move(Placement placement, BookingChange change, boolean overridePacing, IdempotencyKey key) {
    Booking before = change.before();
    boolean held = before.status() == BookingStatus.HELD;
    List<String> oldKeys = HoldKeys.of(before);
    Future<HoldGuard.Held> holds = held ? guard.take(placement, before.id())
      : Future.succeededFuture(new HoldGuard.Held(List.of(), List.of()));
    return holds.compose(taken -> deps.store().applyReschedule(change, placement.pacing(), overridePacing, key)
      .transform(ar -> {
        if (ar.failed() || ar.result().isEmpty()) {
          // Give back only what this attempt took; the holds of the old place stay the booking's.
          List<String> fresh = new ArrayList<>(taken.taken());
          fresh.removeAll(oldKeys);
          deps.holds().release(fresh, before.id());
          return ar.failed()
            ? Future.failedFuture(placed(placement, ar.cause()))
            : Future.succeededFuture(false);
        }
        List<String> gone = new ArrayList<>(oldKeys);
        gone.removeAll(HoldKeys.of(change.after()));
        if (held) {
          deps.holds().release(gone, before.id());
        }
        BookingMetrics.expired(ar.result().get());
        BookingLog.changed(change);
        for (Booking lapsed : ar.result().get()) {
          BookingLog.expired(lapsed);
          BookingLog.holdTakenOver(lapsed, before.id());
        }
        deps.holds().releaseAll(ar.result().get());
        deps.eventsWritten().run();
        return Future.succeededFuture(true);
      }));
  }
}
