package io.booker.notify.adapter;

import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.VenueFacts;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.booking.Booking;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.common.TableBlockEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The WebSocket message of an event, in the REST shape (snake_case, Unix seconds): type, event id,
 * venue id, version (bookings), time, and the booking as REST shows it, the block, or what changed of the venue.
 */
public final class LiveMessages {

  private LiveMessages() {
  }

  static JsonObject booking(BookingFacts facts, BookingEvent e) {
    return header(facts.eventType(), facts.eventId().toString(), facts.venueId().toString(), facts.time().getEpochSecond())
      .put("version", facts.version())
      .put("booking", ProtoJson.toJson(restBooking(facts, e)));
  }

  /** The booking as the REST API shows it, as far as the event tells. */
  static Booking restBooking(BookingFacts facts, BookingEvent e) {
    Booking.Builder b = Booking.newBuilder()
      .setId(e.getBookingId())
      .setVenueId(e.getTable().getVenueId())
      .setPartySize(e.getPartySize())
      .setCustomerName(e.getCustomerName())
      .setCustomerPhone(e.getCustomerPhone())
      .setCustomerEmail(e.getCustomerEmail())
      .setStatus(e.getStatus())
      .setComment(e.getComment())
      .setVersion(e.getVersion())
      .setStartsAt(e.getStartsAt())
      .setEndsAt(e.getEndsAt())
      .setUpdatedAt(facts.time().getEpochSecond())
      .setCreatedAt(e.getCreatedAt())
      .setAdminId(e.getAdminId())
      .addAllTables(e.getTablesList());
    if (e.hasTable()) {
      b.setTable(e.getTable());
    }
    if (e.hasSlot()) {
      b.setSlot(e.getSlot());
    }
    if (e.hasHeld()) {
      b.setExpiresAt(e.getHeld().getExpiresAt());
    }
    if (e.hasCancelled()) {
      b.setCancelReason(e.getCancelled().getReason());
    }
    return b.build();
  }

  static JsonObject venue(VenueFacts facts) {
    JsonObject m = header(facts.eventType(), facts.eventId().toString(), facts.venueId().toString(), facts.time().getEpochSecond());
    if (facts.describesVenue()) {
      JsonObject venue = new JsonObject().put("id", facts.venueId().toString()).put("name", facts.name())
        .put("timezone", facts.timezone());
      if (!facts.language().isEmpty()) {
        venue.put("language", facts.language());
      }
      m.put("venue", venue);
    } else if (VenueFacts.LAYOUT_UPDATED.equals(facts.eventType())) {
      m.put("layout", new JsonObject().put("room_id", facts.roomId()).put("table_ids", new JsonArray(facts.tableIds())));
    } else if (VenueFacts.SCHEDULE_UPDATED.equals(facts.eventType())) {
      m.put("schedule", new JsonObject().put("date", facts.scheduleDate()));
    }
    return m;
  }

  /** A block created or deleted: the block as REST shows it (its reason too: live feeds are staff's). */
  static JsonObject block(VenueFacts facts, TableBlockEvent e) {
    JsonObject block = new JsonObject().put("id", e.getBlockId()).put("venue_id", e.getVenueId()).put("room_id", e.getRoomId())
      .put("table_ids", new JsonArray(e.getTableIdsList())).put("starts_at", e.getStartsAt()).put("ends_at", e.getEndsAt())
      .put("reason", e.getReason()).put("created_by", e.getCreatedBy()).put("created_at", e.getCreatedAt());
    return header(facts.eventType(), facts.eventId().toString(), facts.venueId().toString(), facts.time().getEpochSecond())
      .put("block", block);
  }

  private static JsonObject header(String type, String eventId, String venueId, long time) {
    return new JsonObject().put("type", type).put("event_id", eventId).put("venue_id", venueId).put("time", time);
  }
}
