package io.booker.venue.adapter;

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
import io.booker.venue.VenueEvents;
import io.booker.venue.domain.Venue;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The venue service's Kafka events as the contract's {@code common.VenueEvent} messages (the
 * outbox relays their bytes): headers with the trace, event id, type, source, time and actor, the
 * venue id, and the payload of the type.
 */
public final class KafkaVenueEvents implements VenueEvents {

  private final Clock clock;

  public KafkaVenueEvents(Clock clock) {
    this.clock = clock;
  }

  @Override
  public OutboxEvent venueCreated(Caller by, Venue venue) {
    return event(by, VENUE_CREATED, venue.id(), b -> b.setVenueCreated(
      VenueCreated.newBuilder().setName(venue.name()).setTimezone(venue.timezone())
        .setLanguage(venue.language())));
  }

  @Override
  public OutboxEvent venueUpdated(Caller by, Venue venue) {
    return event(by, VENUE_UPDATED, venue.id(), b -> b.setVenueUpdated(
      VenueUpdated.newBuilder().setName(venue.name()).setTimezone(venue.timezone())
        .setLanguage(venue.language())));
  }

  @Override
  public OutboxEvent venueDeleted(Caller by, String venueId) {
    return event(by, VENUE_DELETED, venueId, b -> b.setVenueDeleted(VenueDeleted.getDefaultInstance()));
  }

  @Override
  public OutboxEvent layoutUpdated(Caller by, String venueId, String roomId, List<String> tableIds) {
    return event(by, LAYOUT_UPDATED, venueId, b -> b.setLayoutUpdated(
      TableLayoutUpdated.newBuilder().setRoomId(roomId).addAllTableIds(tableIds)));
  }

  @Override
  public OutboxEvent scheduleUpdated(Caller by, String venueId, String date) {
    return event(by, SCHEDULE_UPDATED, venueId, b -> b.setScheduleUpdated(VenueScheduleUpdated.newBuilder().setDate(date)));
  }

  private OutboxEvent event(Caller by, String type, String venueId, Consumer<VenueEvent.Builder> payload) {
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
