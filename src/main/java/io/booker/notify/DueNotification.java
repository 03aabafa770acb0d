package io.booker.notify;

import io.booker.notify.template.BookingMessage;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed notification and what writing it needs: the booking as notify knows it now, the venue's
 * language ({@code language}, may be empty). {@code remindsOf} is the start a reminder was scheduled
 * for; {@code bookingStatus}/{@code startsAt} are the booking's current ones, for the re-check.
 */
public record DueNotification(UUID id, UUID bookingId, String channel, String recipient, String template, int attempts,
                              Instant remindsOf, String bookingStatus, Instant startsAt, String language,
                              BookingMessage message) {
}
