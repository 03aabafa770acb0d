package io.booker.notify.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a guest's message says about a booking: the facts only; {@link MessageRenderer} formats
 * them for the language. {@code date} and {@code time} are venue-local (the booking's slot);
 * {@code expiresAt} is set for a hold, {@code reason} for a cancellation or expiry (may be empty).
 */
public record BookingMessage(String bookingId, String venueName, String timezone, LocalDate date, LocalTime time,
                             int durationMinutes, int partySize, String customerName, Instant expiresAt,
                             Instant eventTime, String reason) {
}
