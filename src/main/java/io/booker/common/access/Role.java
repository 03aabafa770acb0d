package io.booker.common.access;

import io.booker.common.ServiceException;

import java.util.Locale;

/** What a user may do; which venues they may do it on is {@link Caller#venueIds()}. */
public enum Role {
  /** Every venue, and the users. */
  ADMIN,
  /** Structure, schedule and bookings of their venues. */
  MANAGER,
  /** Bookings of their venues; reads structure and schedule. */
  HOST;

  /** The name on the wire and in the database: {@code admin}, {@code manager}, {@code host}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; anything else is an invalid {@code field}. */
  public static Role parse(String field, String value) {
    if (value != null) {
      for (Role r : values()) {
        if (r.wireName().equals(value)) {
          return r;
        }
      }
    }
    throw ServiceException.invalid(field, "must be one of admin, manager, host");
  }
}
