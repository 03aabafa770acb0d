package io.booker.venue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A venue as stored. Text fields are never null (empty when not set); {@code language} is a BCP 47
 * tag or empty; times are whole seconds.
 */
public record Venue(String id, String name, String timezone, String address, String phone, String email, String description,
    String language, Instant createdAt, Instant updatedAt) {

  public Venue {
    Objects.requireNonNull(id, "id");
    name = orEmpty(name);
    timezone = orEmpty(timezone);
    address = orEmpty(address);
    phone = orEmpty(phone);
    email = orEmpty(email);
    description = orEmpty(description);
    language = orEmpty(language);
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
