package io.booker.venue;

import io.booker.common.access.Caller;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.proto.common.EventHeaders;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.booker.proto.common.TableLayoutUpdated;
import io.booker.proto.common.VenueCreated;
import io.booker.proto.common.VenueDeleted;
import io.booker.proto.common.VenueEvent;
import io.booker.proto.common.VenueScheduleUpdated;
import io.booker.proto.common.VenueUpdated;
import io.booker.proto.venue.Venue;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Builds the venue service's Kafka events; every topic is keyed by venue id, and every event names
 * the caller who made the change as its actor.
 */
public final class VenueEvents {

  public static final String VENUE_CREATED = "venue.created";
  public static final String VENUE_UPDATED = "venue.updated";
  public static final String VENUE_DELETED = "venue.deleted";
  public static final String LAYOUT_UPDATED = "table.layout.updated";
  public static final String SCHEDULE_UPDATED = "venue.schedule.updated";

  private final Clock clock;

  public VenueEvents(Clock clock) {
    this.clock = clock;
  }

  public OutboxEvent venueCreated(Caller by, Venue venue) {
    return event(by, VENUE_CREATED, venue.getId(), b -> b.setVenueCreated(
      VenueCreated.newBuilder().setName(venue.getName()).setTimezone(venue.getTimezone())
        .setLanguage(venue.getLanguage())));
  }

  public OutboxEvent venueUpdated(Caller by, Venue venue) {
    return event(by, VENUE_UPDATED, venue.getId(), b -> b.setVenueUpdated(
      VenueUpdated.newBuilder().setName(venue.getName()).setTimezone(venue.getTimezone())
        .setLanguage(venue.getLanguage())));
  }

  public OutboxEvent venueDeleted(Caller by, String venueId) {
    return event(by, VENUE_DELETED, venueId, b -> b.setVenueDeleted(VenueDeleted.getDefaultInstance()));
  }

  /** A room's tables changed (created, updated or deleted); {@code tableIds} are the tables concerned. */
  public OutboxEvent layoutUpdated(Caller by, String venueId, String roomId, List<String> tableIds) {
    return event(by, LAYOUT_UPDATED, venueId, b -> b.setLayoutUpdated(
      TableLayoutUpdated.newBuilder().setRoomId(roomId).addAllTableIds(tableIds)));
  }

  /** The weekly hours ({@code date} empty) or the special hours of {@code date} changed. */
  public OutboxEvent scheduleUpdated(Caller by, String venueId, String date) {
    return event(by, SCHEDULE_UPDATED, venueId, b -> b.setScheduleUpdated(VenueScheduleUpdated.newBuilder().setDate(date)));
  }

  private OutboxEvent event(Caller by, String type, String venueId, java.util.function.Consumer<VenueEvent.Builder> payload) {
    UUID eventId = UUID.randomUUID();
    Tracing.currentSpan().setAttribute(TraceAttributes.VENUE_ID, venueId);
    VenueEvent.Builder b = VenueEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder()
        .setTraceId(Tracing.traceId())
        .setEventId(eventId.toString())
        .setEventType(type)
        .setSource("venue")
        .setTimestamp(clock.instant().getEpochSecond())
        .setActorId(by.userId() == null ? "" : by.userId()))
      .setVenueId(venueId);
    payload.accept(b);
    return OutboxEvent.of(eventId, type, venueId, b.build());
  }
}
