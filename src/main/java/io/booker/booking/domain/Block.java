package io.booker.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Tables taken out of service over {@code period}: bookings of them that overlap it cannot be made
 * or moved there, and availability skips them. {@code roomId} is set when the block was asked for
 * a whole room (its tables at that moment are {@code tableIds}). The reason is for staff only.
 */
public record Block(UUID id, UUID venueId, UUID roomId, List<UUID> tableIds, Period period, String reason,
                    String createdBy, Instant createdAt) {

  public Block {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(venueId, "venueId");
    tableIds = List.copyOf(tableIds);
    if (tableIds.isEmpty()) {
      throw new IllegalArgumentException("a block takes at least one table");
    }
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(reason, "reason");
    createdBy = createdBy == null ? "" : createdBy;
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The block a request makes, of the tables it resolved to, over its period in the venue's zone. */
  public static Block of(UUID id, NewBlock request, List<UUID> tableIds, Period period, String createdBy, Instant createdAt) {
    return new Block(id, request.venueId(), request.roomId(), tableIds, period, request.reason(), createdBy, createdAt);
  }

  public boolean overlaps(Period other) {
    return period.start().isBefore(other.end()) && other.start().isBefore(period.end());
  }
}
