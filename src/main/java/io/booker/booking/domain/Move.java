package io.booker.booking.domain;

import io.booker.common.ServiceException;
import java.util.UUID;

/**
 * Where a reschedule moves a booking. A null slot keeps the booking's slot; a null table and
 * combination keep its tables (a merged pair stays a pair, a combination stays that combination);
 * a table without {@code mergedWith} books that table alone; a combination books its tables.
 * {@code overridePacing}: staff move past the service period's pacing (recorded in the history).
 */
public record Move(BookingSlot slot, TableRequest table, TableRequest mergedWith, boolean overridePacing, UUID combinationId) {

  /** A move to a slot and/or table(s) that keeps to the venue's pacing. */
  public Move(BookingSlot slot, TableRequest table, TableRequest mergedWith) {
    this(slot, table, mergedWith, false, null);
  }

  /** A move to a slot and/or table(s), not onto a combination. */
  public Move(BookingSlot slot, TableRequest table, TableRequest mergedWith, boolean overridePacing) {
    this(slot, table, mergedWith, overridePacing, null);
  }

  /** A move that keeps to the venue's pacing, onto {@code combinationId} when not null. */
  public Move(BookingSlot slot, TableRequest table, TableRequest mergedWith, UUID combinationId) {
    this(slot, table, mergedWith, false, combinationId);
  }

  public Move {
    if (table == null && mergedWith != null) {
      throw ServiceException.invalid("table", "is required with merged_with_table");
    }
    if (combinationId != null && table != null) {
      throw ServiceException.invalid("combination_id", "give either combination_id or table (and merged_with_table), not both");
    }
    if (slot == null && table == null && combinationId == null) {
      throw ServiceException.invalid("slot", "a new slot, table or combination_id is required");
    }
  }

  /** The combination to book: the new one, or the booking's when no table is named; null for none. */
  public UUID combinationFor(Booking booking) {
    if (combinationId != null) {
      return combinationId;
    }
    return table == null ? booking.combinationId() : null;
  }

  /** The slot to book: the new one, or the booking's. */
  public BookingSlot slotFor(Booking booking) {
    return slot != null ? slot : booking.slot();
  }

  /** The table to book: the new one, or the booking's first, in its room; null when a combination is booked. */
  public TableRequest tableFor(Booking booking) {
    if (combinationFor(booking) != null) {
      return null;
    }
    if (table != null) {
      return table;
    }
    BookedTable first = booking.tables().get(0);
    return new TableRequest(first.tableId(), first.roomId());
  }

  /** The table merged with it: the new one (or none), or the booking's second when the tables stay. */
  public TableRequest mergedFor(Booking booking) {
    if (combinationFor(booking) != null) {
      return null;
    }
    if (table != null) {
      return mergedWith;
    }
    if (booking.tables().size() < 2) {
      return null;
    }
    BookedTable second = booking.tables().get(1);
    return new TableRequest(second.tableId(), second.roomId());
  }
}
