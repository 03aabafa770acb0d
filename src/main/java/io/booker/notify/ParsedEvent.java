package io.booker.notify;

import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.VenueFacts;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * One record of the booking and venue topics as notify read it ({@link EventReader}): a booking
 * event or a venue event (the other is null), and the WebSocket message it becomes.
 */
public record ParsedEvent(BookingFacts booking, VenueFacts venue, JsonObject message) {

  public UUID eventId() {
    return booking != null ? booking.eventId() : venue.eventId();
  }

  public String eventType() {
    return booking != null ? booking.eventType() : venue.eventType();
  }

  public UUID venueId() {
    return booking != null ? booking.venueId() : venue.venueId();
  }
}
