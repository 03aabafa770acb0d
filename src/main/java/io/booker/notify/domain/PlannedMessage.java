package io.booker.notify.domain;

import java.time.Instant;

/**
 * A notification to create: who gets what through which channel, and when. {@code bookingStartsAt}
 * is the start a reminder reminds of (null for event messages); the sender re-checks it.
 */
public record PlannedMessage(String channel, String recipient, String template, Instant dueAt, Instant bookingStartsAt) {

  public static final String REMINDER = "reminder";

  public boolean reminder() {
    return REMINDER.equals(template);
  }
}
