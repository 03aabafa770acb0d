package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Tables, or a whole room, taken out of service for {@code [from, to)} ("private event", "broken
 * chair"). A block names either tables or a room, never both.
 *
 * @param tableIds the tables blocked; empty when the whole room is
 * @param roomId the room blocked as a whole; null when tables are named
 */
public record Block(UUID id, Set<UUID> tableIds, UUID roomId, Instant from, Instant to,
    String reason) {

  public static final Duration MAX_LENGTH = Duration.ofDays(31);
  public static final int MAX_REASON_LENGTH = 200;
  public static final int MAX_TABLES = 100;

  public Block {
    Objects.requireNonNull(id, "id");
    tableIds = tableIds == null ? Set.of() : Set.copyOf(tableIds);
    if (tableIds.isEmpty() && roomId == null) {
      throw ServiceException.invalid("table_ids", "name the tables or a room_id to block");
    }
    if (!tableIds.isEmpty() && roomId != null) {
      throw ServiceException.invalid("room_id",
          "a block names tables or a whole room, not both (leave room_id out to block tables)");
    }
    if (tableIds.size() > MAX_TABLES) {
      throw ServiceException.invalid("table_ids", "at most " + MAX_TABLES + " tables");
    }
    if (from == null) {
      throw ServiceException.invalid("from", "is required");
    }
    if (to == null) {
      throw ServiceException.invalid("to", "is required");
    }
    if (!to.isAfter(from)) {
      throw ServiceException.invalid("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
      throw ServiceException.invalid("to", "a block lasts at most 31 days");
    }
    reason = reason == null ? "" : reason.strip();
    if (reason.isEmpty()) {
      throw ServiceException.invalid("reason", "is required");
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw ServiceException.invalid("reason",
          "must be at most " + MAX_REASON_LENGTH + " characters");
    }
  }

  public boolean wholeRoom() {
    return roomId != null;
  }

  /** True when the block and {@code [start, end)} share a moment; touching ends do not. */
  public boolean overlaps(Instant start, Instant end) {
    return from.isBefore(end) && start.isBefore(to);
  }

  /** True when the block takes this table (of this room) out of service. */
  public boolean covers(UUID tableId, UUID tableRoomId) {
    return tableIds.contains(tableId) || (roomId != null && roomId.equals(tableRoomId));
  }

  /** True when the block keeps this table from a booking of {@code [start, end)}. */
  public boolean blocks(UUID tableId, UUID tableRoomId, Instant start, Instant end) {
    return covers(tableId, tableRoomId) && overlaps(start, end);
  }
}
