package io.booker.notify.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification as stored: what a booking's event caused to be sent to its guest, and how far
 * it got. Text fields are never null (empty when not set); {@code dueAt} and {@code sentAt} are
 * null while not set (a notification not yet sent); times are whole seconds.
 *
 * @param status pending, sent, failed or cancelled
 * @param subject the email subject once written; empty for SMS
 */
public record Notification(String id, String bookingId, String venueId, String eventId, String eventType, String channel,
    String recipient, String template, String language, String status, int attempts, String lastError, Instant dueAt,
    Instant sentAt, Instant createdAt, Instant updatedAt, String subject) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(venueId, "venueId");
    eventId = orEmpty(eventId);
    eventType = orEmpty(eventType);
    channel = orEmpty(channel);
    recipient = orEmpty(recipient);
    template = orEmpty(template);
    language = orEmpty(language);
    status = orEmpty(status);
    lastError = orEmpty(lastError);
    subject = orEmpty(subject);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
