package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.Times;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A table of the booking is blocked over an overlapping time: TABLE_BLOCKED. The message names the
 * table and the block's time, never its reason (which is for staff, and answers may reach guests).
 */
public final class TableBlocked extends ServiceException {

  private final UUID tableId;
  private final Period blocked;

  /** @param blocked the time the block takes */
  public TableBlocked(UUID tableId, Period blocked, String message) {
    super(ErrorCode.TABLE_BLOCKED, message);
    this.tableId = tableId;
    this.blocked = blocked;
  }

  public UUID tableId() {
    return tableId;
  }

  public Period blocked() {
    return blocked;
  }

  /**
   * The message for a placement: "table T1 is blocked from 19:00 to 21:00", in the venue's time of
   * the slot (the offset of its start), with the dates when the block does not lie within the slot's day.
   */
  public static TableBlocked of(Placement placement, UUID tableId, Period blocked) {
    LocalDateTime slotStart = placement.slot().date().atTime(placement.slot().start());
    ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) Duration.between(placement.period().start(),
      slotStart.toInstant(ZoneOffset.UTC)).getSeconds());
    LocalDateTime from = LocalDateTime.ofInstant(blocked.start(), offset);
    LocalDateTime to = LocalDateTime.ofInstant(blocked.end(), offset);
    boolean sameDay = from.toLocalDate().equals(placement.slot().date()) && to.toLocalDate().equals(placement.slot().date());
    String when = sameDay
      ? "from " + Times.formatTime(from.toLocalTime()) + " to " + Times.formatTime(to.toLocalTime())
      : "from " + Times.formatDate(from.toLocalDate()) + " " + Times.formatTime(from.toLocalTime())
        + " to " + Times.formatDate(to.toLocalDate()) + " " + Times.formatTime(to.toLocalTime());
    return new TableBlocked(tableId, blocked, "table " + placement.nameOf(tableId) + " is blocked " + when);
  }
}
