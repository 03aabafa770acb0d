package io.booker.booking.domain;

import io.booker.common.ServiceException;

/**
 * Where a reschedule moves a booking. A null slot keeps the booking's slot; a null table keeps its
 * tables (a merged pair stays a pair); a table without {@code mergedWith} books that table alone.
 * {@code overridePacing}: staff move past the service period's pacing (recorded in the history).
 */
public record Move(BookingSlot slot, TableRequest table, TableRequest mergedWith, boolean overridePacing) {

  /** A move that keeps to the venue's pacing. */
  public Move(BookingSlot slot, TableRequest table, TableRequest mergedWith) {
    this(slot, table, mergedWith, false);
  }

  public Move {
    if (table == null && mergedWith != null) {
      throw ServiceException.invalid("table", "is required with merged_with_table");
    }
    if (slot == null && table == null) {
      throw ServiceException.invalid("slot", "a new slot or table is required");
    }
  }

  /** The slot to book: the new one, or the booking's. */
  public BookingSlot slotFor(Booking booking) {
    return slot != null ? slot : booking.slot();
  }

  /** The table to book: the new one, or the booking's first, in its room. */
  public TableRequest tableFor(Booking booking) {
    if (table != null) {
      return table;
    }
    BookedTable first = booking.tables().get(0);
    return new TableRequest(first.tableId(), first.roomId());
  }

  /** The table merged with it: the new one (or none), or the booking's second when the tables stay. */
  public TableRequest mergedFor(Booking booking) {
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
