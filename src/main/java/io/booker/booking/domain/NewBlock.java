package io.booker.booking.domain;

import io.booker.common.ServiceException;
import io.booker.common.Text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A block as asked for, validated: the tables of a venue ({@code tableIds}) or every table of one
 * of its rooms ({@code roomId}), when ({@link BlockTime}), why, and whether it may overlap active
 * bookings (which are then listed in the answer; without the flag such a block is refused).
 */
public record NewBlock(UUID venueId, UUID roomId, List<UUID> tableIds, BlockTime time, String reason, boolean allowOverlap) {

  public static final int REASON_MAX = 200;
  public static final int MAX_TABLES = 500;

  public NewBlock {
    Objects.requireNonNull(venueId, "venueId");
    Objects.requireNonNull(time, "time");
    tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
    if (roomId != null && !tableIds.isEmpty()) {
      throw ServiceException.invalid("table_ids", "give table_ids or room_id, not both");
    }
    if (roomId == null && tableIds.isEmpty()) {
      throw ServiceException.invalid("table_ids", "table_ids or room_id is required");
    }
    if (tableIds.size() > MAX_TABLES) {
      throw ServiceException.invalid("table_ids", "at most " + MAX_TABLES + " tables");
    }
    if (new LinkedHashSet<>(tableIds).size() != tableIds.size()) {
      throw ServiceException.invalid("table_ids", "must not name a table twice");
    }
    reason = reason(reason);
  }

  /** 1 to {@value #REASON_MAX} characters on one line, trimmed. */
  public static String reason(String value) {
    return Text.name("reason", value, REASON_MAX);
  }
}
