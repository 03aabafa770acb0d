package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.util.UUID;

/** Another active booking has the table over an overlapping time: SLOT_TAKEN, naming the table. */
public final class SlotTaken extends ServiceException {

  private final UUID tableId;

  /** @param tableId the table that is taken, or null when the database did not say which */
  public SlotTaken(UUID tableId, String message) {
    super(ErrorCode.SLOT_TAKEN, message);
    this.tableId = tableId;
  }

  public UUID tableId() {
    return tableId;
  }

  /** The message for a placement: names the table (by name) and the slot. */
  public static SlotTaken of(Placement placement, UUID tableId) {
    String table = tableId == null ? String.join(" or ", placement.tableNames()) : placement.nameOf(tableId);
    return new SlotTaken(tableId, "table " + table + " is already booked at " + placement.slot().date() + " "
      + io.booker.common.Times.formatTime(placement.slot().start()) + " for an overlapping time");
  }
}
