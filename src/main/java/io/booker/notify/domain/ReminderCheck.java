package io.booker.notify.domain;

import java.time.Instant;

/**
 * At send time a reminder is only still right when the booking is still confirmed and still starts
 * when the reminder says: a cancellation or a move that raced with the send makes it obsolete.
 */
public final class ReminderCheck {

  private ReminderCheck() {
  }

  /** Null when the reminder may go; otherwise why it is cancelled. */
  public static String obsolete(String status, Instant startsAt, Instant remindsOf) {
    if (!NotificationPlanner.CONFIRMED.equals(status)) {
      return "booking is " + (status == null || status.isEmpty() ? "unknown" : status);
    }
    if (startsAt == null || !startsAt.equals(remindsOf)) {
      return "booking was moved";
    }
    return null;
  }
}
