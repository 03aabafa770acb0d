package io.booker.notify.channel;

/**
 * One message to one recipient. {@code notificationId} is stable across retries, so a provider can
 * de-duplicate; {@code subject} is empty for SMS.
 */
public record OutgoingMessage(String notificationId, String channel, String recipient, String subject, String text,
                              String bookingId, String template) {
}
