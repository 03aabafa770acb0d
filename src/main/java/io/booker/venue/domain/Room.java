package io.booker.venue.domain;

import java.time.Instant;
import java.util.Objects;

/** A room of a venue, as stored; times are whole seconds. */
public record Room(String id, String venueId, String name, Instant createdAt, Instant updatedAt) {

  public Room {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(venueId, "venueId");
    name = Venue.orEmpty(name);
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }
}
