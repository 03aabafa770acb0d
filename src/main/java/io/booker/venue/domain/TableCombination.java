package io.booker.venue.domain;

import io.booker.venue.domain.seating.Combination;
import java.time.Instant;
import java.util.Objects;

/**
 * A combination of tables as stored: the {@link Combination} itself, the venue of its room and
 * when it was created and last changed (whole seconds).
 */
public record TableCombination(String venueId, Combination combination, Instant createdAt, Instant updatedAt) {

  public TableCombination {
    Objects.requireNonNull(venueId, "venueId");
    Objects.requireNonNull(combination, "combination");
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }

  public String id() {
    return combination.id().toString();
  }

  public String roomId() {
    return combination.roomId().toString();
  }
}
