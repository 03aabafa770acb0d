package io.booker.common;

import java.util.UUID;

/** Identifiers on the wire are UUID strings. */
public final class Ids {

  private Ids() {
  }

  public static UUID uuid(String field, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServiceException.invalid(field, value == null || value.isEmpty() ? "is required" : "must be a UUID");
    }
  }
}
