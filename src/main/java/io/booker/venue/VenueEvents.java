package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.VenueCreated;
import io.booker.proto.common.VenueEvent;
import io.booker.proto.venue.Venue;

import java.time.Clock;
import java.util.UUID;

/** Builds the venue service's Kafka events (topics keyed by venue id). */
final class VenueEvents {

  static final String VENUE_CREATED = "venue.created";

  private final Clock clock;

  VenueEvents(Clock clock) {
    this.clock = clock;
  }

  OutboxEvent venueCreated(Venue venue) {
    UUID eventId = UUID.randomUUID();
    VenueEvent event = VenueEvent.newBuilder()
      .setHeaders(headers(eventId, VENUE_CREATED))
      .setVenueId(venue.getId())
      .setVenueCreated(VenueCreated.newBuilder().setName(venue.getName()).setTimezone(venue.getTimezone()))
      .build();
    return OutboxEvent.of(eventId, VENUE_CREATED, venue.getId(), event);
  }

  private EventHeaders headers(UUID eventId, String type) {
    return EventHeaders.newBuilder()
      .setEventId(eventId.toString())
      .setEventType(type)
      .setSource("venue")
      .setTimestamp(clock.instant().getEpochSecond())
      .build();
  }
}
