package io.booker.notify.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a booking event says, as notify needs it: the event (id, type, time) and the booking's state
 * after it (version, status, slot, guest). {@code expiresAt} is set for a hold, {@code reason} for a
 * cancellation or expiry (may be empty); {@code date}, {@code startTime} and times may be null when
 * an event lacks them.
 */
public record BookingFacts(UUID eventId, String eventType, Instant time, UUID bookingId, UUID venueId, long version,
                           String status, LocalDate date, LocalTime startTime, int durationMinutes, Instant startsAt,
                           Instant endsAt, int partySize, String customerName, String customerEmail, String customerPhone,
                           Instant expiresAt, String reason) {

  public BookingFacts {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(venueId, "venueId");
    status = status == null ? "" : status;
    customerName = customerName == null ? "" : customerName;
    customerEmail = customerEmail == null ? "" : customerEmail.trim();
    customerPhone = customerPhone == null ? "" : customerPhone.trim();
    reason = reason == null ? "" : reason;
  }

  /** The short name of the event type, as templates are named: {@code booking.no_show} → {@code no_show}. */
  public String action() {
    int dot = eventType.indexOf('.');
    return dot < 0 ? eventType : eventType.substring(dot + 1);
  }
}
