package io.booker.venue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A table of a room, as stored, with the room's venue. {@code zone} is empty when not set;
 * {@code position} is null when the table is not placed on the floor plan; times are whole seconds.
 */
public record Table(String id, String roomId, String venueId, String name, int capacity, boolean canMerge, String zone,
    TablePosition position, Instant createdAt, Instant updatedAt) {

  public Table {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(venueId, "venueId");
    name = Venue.orEmpty(name);
    zone = Venue.orEmpty(zone);
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }

  public boolean placed() {
    return position != null;
  }
}
