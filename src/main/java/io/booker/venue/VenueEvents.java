package io.booker.venue;

import io.booker.common.access.Caller;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Venue;

import java.util.List;

/**
 * The venue service's Kafka events, built for the outbox: every topic is keyed by venue id, and
 * every event names the caller who made the change as its actor. The topics are the event types.
 */
public interface VenueEvents {

  String VENUE_CREATED = "venue.created";
  String VENUE_UPDATED = "venue.updated";
  String VENUE_DELETED = "venue.deleted";
  String LAYOUT_UPDATED = "table.layout.updated";
  String SCHEDULE_UPDATED = "venue.schedule.updated";

  OutboxEvent venueCreated(Caller by, Venue venue);

  OutboxEvent venueUpdated(Caller by, Venue venue);

  OutboxEvent venueDeleted(Caller by, String venueId);

  /** A room's tables changed (created, updated or deleted); {@code tableIds} are the tables concerned. */
  OutboxEvent layoutUpdated(Caller by, String venueId, String roomId, List<String> tableIds);

  /** The weekly hours ({@code date} empty) or the special hours of {@code date} changed. */
  OutboxEvent scheduleUpdated(Caller by, String venueId, String date);
}
