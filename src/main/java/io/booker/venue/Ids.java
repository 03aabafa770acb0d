package io.booker.venue;

import io.booker.common.ServiceException;

import java.util.UUID;

/** Identifiers on the wire are UUID strings. */
final class Ids {

  private Ids() {
  }

  static UUID uuid(String field, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServiceException.invalid(field, value == null || value.isEmpty() ? "is required" : "must be a UUID");
    }
  }
}
