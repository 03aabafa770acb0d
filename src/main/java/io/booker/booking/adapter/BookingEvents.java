package io.booker.booking.adapter;

import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingChange;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.common.BookingCancelled;
import io.booker.proto.common.BookingConfirmed;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.common.BookingExpired;
import io.booker.proto.common.BookingFinished;
import io.booker.proto.common.BookingHeld;
import io.booker.proto.common.BookingNoShow;
import io.booker.proto.common.BookingRescheduled;
import io.booker.proto.common.BookingSeated;
import io.booker.proto.common.EventHeaders;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The record of a change: its Kafka event (topic = event type, key = booking id, the full booking
 * with its version) and the payload of its audit row.
 */
final class BookingEvents {

  static final String SOURCE = "booking";

  private BookingEvents() {
  }

  static OutboxEvent outbox(BookingChange change) {
    Booking b = change.after();
    UUID eventId = UUID.randomUUID();
    // The call's span says what it changed (never who the guest is); the event names the trace.
    Tracing.currentSpan()
      .setAttribute(TraceAttributes.BOOKING_ID, b.id().toString())
      .setAttribute(TraceAttributes.VENUE_ID, b.venueId().toString())
      .setAttribute(TraceAttributes.BOOKING_STATUS, b.status().wire());
    BookingEvent.Builder e = BookingEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder()
        .setTraceId(Tracing.traceId())
        .setEventId(eventId.toString())
        .setEventType(change.eventType())
        .setSource(SOURCE)
        .setTimestamp(b.updatedAt().getEpochSecond())
        .setActorId(change.actorId()))
      .setBookingId(b.id().toString())
      .setTable(BookingProtos.ref(b.venueId(), b.tables().get(0)))
      .setSlot(BookingProtos.slot(b.slot()))
      .setPartySize(b.partySize())
      .setCustomerName(b.guest().name())
      .setCustomerPhone(b.guest().phone())
      .setCustomerEmail(b.guest().email())
      .setVersion(b.version())
      .setStatus(b.status().wire())
      .setComment(b.comment())
      .setStartsAt(b.period().start().getEpochSecond())
      .setEndsAt(b.period().end().getEpochSecond())
      .setCreatedAt(b.createdAt().getEpochSecond())
      .setAdminId(b.adminId());
    for (BookedTable t : b.tables()) {
      e.addTables(BookingProtos.ref(b.venueId(), t));
    }
    String actor = change.actorId();
    switch (change.eventType()) {
      case BookingAction.HELD_EVENT -> e.setHeld(BookingHeld.newBuilder().setExpiresAt(b.expiresAt().getEpochSecond()));
      case "booking.confirmed" -> e.setConfirmed(BookingConfirmed.newBuilder().setAdminId(actor));
      case "booking.cancelled" -> e.setCancelled(BookingCancelled.newBuilder().setAdminId(actor).setReason(change.reason()));
      case "booking.expired" -> e.setExpired(BookingExpired.newBuilder().setReason(change.reason()));
      case "booking.seated" -> e.setSeated(BookingSeated.newBuilder().setAdminId(actor));
      case "booking.finished" -> e.setFinished(BookingFinished.newBuilder().setAdminId(actor));
      case "booking.no_show" -> e.setNoShow(BookingNoShow.newBuilder().setAdminId(actor));
      case BookingAction.RESCHEDULED_EVENT -> {
        BookingRescheduled.Builder r = BookingRescheduled.newBuilder().setAdminId(actor)
          .setPreviousSlot(BookingProtos.slot(change.before().slot()));
        change.before().tables().forEach(t -> r.addPreviousTables(BookingProtos.ref(b.venueId(), t)));
        e.setRescheduled(r);
      }
      default -> throw new IllegalArgumentException("unknown booking event " + change.eventType());
    }
    return OutboxEvent.of(eventId, change.eventType(), b.id().toString(), e.build(), b.version());
  }

  /** What the audit row keeps besides who/when/statuses: the details a person needs to read the change. */
  static JsonObject auditPayload(BookingChange change) {
    Booking b = change.after();
    JsonObject out = new JsonObject();
    switch (change.eventType()) {
      case BookingAction.HELD_EVENT -> pacingOverride(change, out
        .put("slot", slot(b)).put("tables", tables(b)).put("party_size", b.partySize())
        .put("customer_name", b.guest().name()).put("expires_at", b.expiresAt().getEpochSecond()));
      case BookingAction.RESCHEDULED_EVENT -> pacingOverride(change, out
        .put("from", new JsonObject().put("slot", slot(change.before())).put("tables", tables(change.before())))
        .put("to", new JsonObject().put("slot", slot(b)).put("tables", tables(b))));
      default -> {
        if (!change.reason().isEmpty()) {
          out.put("reason", change.reason());
        }
      }
    }
    return out;
  }

  /** A creation or move past the pacing, by staff who said so: the history names what was overridden. */
  private static JsonObject pacingOverride(BookingChange change, JsonObject out) {
    return change.reason().isEmpty() ? out : out.put("pacing_override", change.reason());
  }

  /** The slot as the REST shape has it: {date, start_time, duration_minutes}. */
  private static JsonObject slot(Booking b) {
    return ProtoJson.toJson(BookingProtos.slot(b.slot()));
  }

  private static JsonArray tables(Booking b) {
    JsonArray out = new JsonArray();
    b.tables().forEach(t -> out.add(t.tableId().toString()));
    return out;
  }
}
