package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * The booking state machine:
 *
 * <pre>
 * held      → confirmed | cancelled | expired
 * confirmed → seated | cancelled | no_show
 * seated    → finished
 * </pre>
 *
 * A hold past its expiry cannot be confirmed or moved (HOLD_EXPIRED, also once it was expired) and
 * only the system expires holds, once they are due; a no-show can only be marked once the booking's start time has passed. Asking for
 * the status a booking already has is not an error: it is {@link Transition.Unchanged}. Anything
 * else is INVALID_TRANSITION, naming the current status.
 */
public final class Lifecycle {

  private Lifecycle() {
  }

  /**
   * @param now the clock the decision is made by (the database's, so every node agrees)
   */
  public static Transition decide(Booking booking, BookingAction action, Instant now) {
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(now, "now");
    BookingStatus current = booking.status();
    if (current == action.target()) {
      return new Transition.Unchanged(current);
    }
    boolean holdLapsed = current == BookingStatus.HELD && booking.holdLapsed(now);
    switch (action) {
      case CONFIRM:
        if (current == BookingStatus.HELD) {
          return holdLapsed ? holdExpired(booking) : apply(current, action);
        }
        if (current == BookingStatus.EXPIRED) {
          return holdExpired(booking); // the same answer as just before the sweeper got to it
        }
        break;
      case CANCEL:
        if (current == BookingStatus.HELD || current == BookingStatus.CONFIRMED) {
          return apply(current, action);
        }
        break;
      case EXPIRE:
        if (current == BookingStatus.HELD) {
          return holdLapsed ? apply(current, action)
            : refuse("booking is held until " + booking.expiresAt() + "; it cannot expire before");
        }
        break;
      case SEAT:
        if (current == BookingStatus.CONFIRMED) {
          return apply(current, action);
        }
        break;
      case FINISH:
        if (current == BookingStatus.SEATED) {
          return apply(current, action);
        }
        break;
      case NO_SHOW:
        if (current == BookingStatus.CONFIRMED) {
          return now.isBefore(booking.period().start())
            ? refuse("booking is confirmed; a no-show can only be marked once it has started (" + booking.period().start() + ")")
            : apply(current, action);
        }
        break;
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
    return refuse("booking is " + current.wire() + "; it cannot become " + action.target().wire());
  }

  /**
   * Whether a booking may move to another time or table: held (and not lapsed) and confirmed ones
   * may. The answer is {@code Apply(status, status)} when it may.
   */
  public static Transition reschedule(Booking booking, Instant now) {
    BookingStatus current = booking.status();
    if (current == BookingStatus.HELD) {
      return booking.holdLapsed(now) ? holdExpired(booking) : new Transition.Apply(current, current);
    }
    if (current == BookingStatus.CONFIRMED) {
      return new Transition.Apply(current, current);
    }
    if (current == BookingStatus.EXPIRED) {
      return holdExpired(booking);
    }
    return refuse("booking is " + current.wire() + "; only held and confirmed bookings can be rescheduled");
  }

  private static Transition apply(BookingStatus from, BookingAction action) {
    return new Transition.Apply(from, action.target());
  }

  private static Transition holdExpired(Booking booking) {
    return new Transition.Refused(ErrorCode.HOLD_EXPIRED, "booking is " + booking.status().wire() + ": the hold expired at "
      + booking.expiresAt());
  }

  private static Transition refuse(String reason) {
    return new Transition.Refused(ErrorCode.INVALID_TRANSITION, reason);
  }
}
