package io.booker.booking.adapter;

import io.booker.booking.domain.Block;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.TableBlockCreated;
import io.booker.proto.common.TableBlockDeleted;
import io.booker.proto.common.TableBlockEvent;

import java.time.Instant;
import java.util.UUID;

/** The Kafka events of blocks: topics {@value #CREATED} and {@value #DELETED}, keyed by the block's id. */
final class BlockEvents {

  static final String CREATED = "block.created";
  static final String DELETED = "block.deleted";

  private BlockEvents() {
  }

  static OutboxEvent created(Block k) {
    return event(k, CREATED, k.createdBy(), k.createdAt());
  }

  static OutboxEvent deleted(Block k, String actorId, Instant at) {
    return event(k, DELETED, actorId, at);
  }

  private static OutboxEvent event(Block k, String type, String actorId, Instant at) {
    UUID eventId = UUID.randomUUID();
    Tracing.currentSpan().setAttribute(TraceAttributes.VENUE_ID, k.venueId().toString());
    TableBlockEvent.Builder e = TableBlockEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder()
        .setTraceId(Tracing.traceId())
        .setEventId(eventId.toString())
        .setEventType(type)
        .setSource(BookingEvents.SOURCE)
        .setTimestamp(at.getEpochSecond())
        .setActorId(actorId))
      .setVenueId(k.venueId().toString())
      .setBlockId(k.id().toString())
      .setRoomId(k.roomId() == null ? "" : k.roomId().toString())
      .setStartsAt(k.period().start().getEpochSecond())
      .setEndsAt(k.period().end().getEpochSecond())
      .setReason(k.reason())
      .setCreatedBy(k.createdBy())
      .setCreatedAt(k.createdAt().getEpochSecond());
    k.tableIds().forEach(t -> e.addTableIds(t.toString()));
    if (CREATED.equals(type)) {
      e.setCreated(TableBlockCreated.getDefaultInstance());
    } else {
      e.setDeleted(TableBlockDeleted.getDefaultInstance());
    }
    return OutboxEvent.of(eventId, type, k.id().toString(), e.build());
  }
}
