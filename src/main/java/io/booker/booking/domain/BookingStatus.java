package io.booker.booking.domain;

import io.booker.common.ServiceException;
import java.util.Locale;

/** Where a booking is in its life; the wire name is the lower-case name ({@code no_show}). */
public enum BookingStatus {
  HELD, CONFIRMED, SEATED, FINISHED, CANCELLED, EXPIRED, NO_SHOW;

  /** {@code held}, {@code no_show}, ...: the name on the wire and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a booking in this status occupies its tables (blocks other bookings). */
  public boolean occupiesTables() {
    return this == HELD || this == CONFIRMED || this == SEATED;
  }

  /** The status named {@code wire}; anything else is INVALID_ARGUMENT naming {@code field}. */
  public static BookingStatus parse(String field, String wire) {
    for (BookingStatus s : values()) {
      if (s.wire().equals(wire)) {
        return s;
      }
    }
    throw ServiceException.invalid(field, "must be one of held, confirmed, seated, finished, cancelled, expired, no_show");
  }
}
