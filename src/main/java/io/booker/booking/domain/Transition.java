package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;

/** What {@link Lifecycle} decides about an action on a booking. */
public sealed interface Transition {

  /** The booking moves from {@code from} to {@code to}. */
  record Apply(BookingStatus from, BookingStatus to) implements Transition {
  }

  /** The action already happened: the booking is returned as it is, and nothing is emitted. */
  record Unchanged(BookingStatus status) implements Transition {
  }

  /** The action is not allowed now; {@code code} is INVALID_TRANSITION or HOLD_EXPIRED. */
  record Refused(ErrorCode code, String reason) implements Transition {

    public ServiceException exception() {
      return new ServiceException(code, reason);
    }
  }
}
