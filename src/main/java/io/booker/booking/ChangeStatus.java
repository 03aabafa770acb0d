package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.Lifecycle;
import io.booker.booking.domain.Transition;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Confirm, cancel, seat, finish, no-show. The state machine decides on the booking as read (by the
 * database's clock); the write is one conditional update of that version, with its tables, audit
 * row and event. If someone else changed the booking in between, it is read again and decided
 * anew: a repeated action then finds it done (and answers it unchanged), anything else is refused.
 *
 * <p>The caller must see the booking's venue, checked on the booking as read (before any decision);
 * the conditional write is of that very version, and a booking never changes venue, so no extra
 * round trip is needed. A booking of another venue is NOT_FOUND like a missing one. The caller is
 * the change's author.
 */
final class ChangeStatus {

  /** Reads and decides again at most this often when the booking keeps changing underneath. */
  static final int ATTEMPTS = 3;

  private final BookingDeps deps;
  private final IdempotentAnswers answers;

  ChangeStatus(BookingDeps deps, IdempotentAnswers answers) {
    this.deps = deps;
    this.answers = answers;
  }

  Future<Booking> apply(Caller caller, UUID id, BookingAction action, String reason, IdempotencyKey key) {
    return answers.once(caller, key, () -> attempt(caller, id, action, reason, key, ATTEMPTS));
  }

  private Future<Booking> attempt(Caller caller, UUID id, BookingAction action, String reason, IdempotencyKey key, int attemptsLeft) {
    return Bookings.load(deps.store(), id).compose(loaded -> {
      Booking booking = BookingAccess.require(caller, Permission.WRITE_BOOKINGS, loaded.booking());
      Transition decision = Lifecycle.decide(booking, action, loaded.now());
      if (decision instanceof Transition.Unchanged) {
        BookingLog.unchanged(booking, action.name().toLowerCase(Locale.ROOT));
        return Future.succeededFuture(booking);
      }
      if (decision instanceof Transition.Refused refused) {
        return refuse(refused, booking, loaded.now());
      }
      BookingStatus to = ((Transition.Apply) decision).to();
      Booking after = booking.moveTo(to, loaded.now(), reason);
      BookingChange change = new BookingChange(booking, after, action.eventType(), caller.userId(), reason);
      return deps.store().applyChange(change, key).compose(applied -> {
        if (applied) {
          written(change);
          return Future.succeededFuture(after);
        }
        return attemptsLeft > 1 ? attempt(caller, id, action, reason, key, attemptsLeft - 1)
          : Future.failedFuture(keepsChanging(id));
      });
    });
  }

  /**
   * The refusal as the caller's failure; a hold refused because it lapsed is expired first, so the
   * booking is in the state the refusal names.
   */
  <T> Future<T> refuse(Transition.Refused refused, Booking booking, Instant now) {
    return refused.code() == ErrorCode.HOLD_EXPIRED
      ? expire(booking, now).transform(ignored -> Future.failedFuture(refused.exception()))
      : Future.failedFuture(refused.exception());
  }

  /** After {@link #ATTEMPTS} reads, each overtaken by another change before its write. */
  static ServiceException keepsChanging(UUID id) {
    return new ServiceException(ErrorCode.UNAVAILABLE, "booking " + id + " keeps changing; try again");
  }

  /**
   * Expires a lapsed hold now, as the sweeper would, so that a refused confirm leaves the booking in
   * the state the refusal names. Losing a race to the sweeper (or anyone) is fine.
   */
  Future<Void> expire(Booking booking, Instant now) {
    if (booking.status() != BookingStatus.HELD) {
      return Future.succeededFuture(); // expired already (HOLD_EXPIRED is also the answer then)
    }
    BookingChange change = BookingChange.expiry(booking, now);
    return deps.store().applyChange(change, null).map(applied -> {
      if (applied) {
        written(change);
      }
      return null;
    });
  }

  private void written(BookingChange change) {
    deps.eventsWritten().run();
    BookingMetrics.changed(change.fromStatus(), change.after().status());
    BookingLog.changed(change);
    if (change.fromStatus() == BookingStatus.HELD && change.after().status() != BookingStatus.HELD) {
      deps.holds().release(HoldKeys.of(change.before()), change.before().id());
    }
  }
}
