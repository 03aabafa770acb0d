package io.booker.booking.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the venue confirmed for a booking: its tables (the one asked for first, or a combination's
 * in its order) with their names, the slot in normal form and the real time it takes, the pacing
 * its start counts against (null when none), and the combination booked ({@code combinationId},
 * null for a table or a pair).
 */
public record Placement(UUID venueId, List<BookedTable> tables, List<String> tableNames, BookingSlot slot, Period period,
    PacingLimit pacing, UUID combinationId) {

  /** A table or a pair, whose start counts against {@code pacing} (null: none). */
  public Placement(UUID venueId, List<BookedTable> tables, List<String> tableNames, BookingSlot slot, Period period,
      PacingLimit pacing) {
    this(venueId, tables, tableNames, slot, period, pacing, null);
  }

  public Placement {
    Objects.requireNonNull(venueId, "venueId");
    tables = List.copyOf(tables);
    tableNames = List.copyOf(tableNames);
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(period, "period");
    if (tables.isEmpty() || tables.size() != tableNames.size()) {
      throw new IllegalArgumentException("one name per table, at least one table");
    }
  }

  /** A table or a pair, whose start counts against no pacing. */
  public Placement(UUID venueId, List<BookedTable> tables, List<String> tableNames, BookingSlot slot, Period period) {
    this(venueId, tables, tableNames, slot, period, null, null);
  }

  public List<UUID> tableIds() {
    return tables.stream().map(BookedTable::tableId).toList();
  }

  /** The name of a table of this placement, or its id when it is not one of them. */
  public String nameOf(UUID tableId) {
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).tableId().equals(tableId)) {
        return tableNames.get(i);
      }
    }
    return String.valueOf(tableId);
  }
}
