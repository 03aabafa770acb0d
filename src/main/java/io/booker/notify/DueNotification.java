package io.booker.notify;

import io.booker.notify.template.BookingMessage;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed notification and what writing it needs: the booking as notify knows it now, the venue's
 * language ({@code language}, may be empty). {@code remindsOf} is the start a reminder was scheduled
 * for; {@code bookingStatus}/{@code startsAt} are the booking's current ones, for the re-check.
 * {@code venueKnown} says whether notify's venue projection had the venue. {@code traceparent} is the
 * trace context of the event handling that planned it (null when not traced).
 */
public record DueNotification(UUID id, UUID bookingId, UUID venueId, String channel, String recipient, String template, int attempts,
                              Instant remindsOf, String bookingStatus, Instant startsAt, String language,
                              BookingMessage message, boolean venueKnown, String traceparent) {

  /** The same notification, written for {@code venue} (looked up when the projection lacked it). */
  public DueNotification withVenue(VenueDirectory.KnownVenue venue) {
    BookingMessage m = message;
    BookingMessage named = new BookingMessage(m.bookingId(), venue.name(), venue.timezone(), m.date(), m.time(), m.durationMinutes(),
      m.partySize(), m.customerName(), m.expiresAt(), m.eventTime(), m.reason());
    return new DueNotification(id, bookingId, venueId, channel, recipient, template, attempts, remindsOf, bookingStatus, startsAt,
      venue.language(), named, true, traceparent);
  }
}
