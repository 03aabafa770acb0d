package io.booker.notify;

import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.UnreadableEvent;
import io.booker.notify.domain.VenueFacts;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events as the reader hands them to the consumer, and a reader that knows them by the record
 * value they were registered under (anything else is unreadable, as a malformed payload is).
 */
final class TestEvents {

  static final UUID VENUE = UUID.fromString("20000000-0000-4000-8000-000000000001");
  static final Instant NOW = Instant.now();
  /** A booking three days from now, so that reminders are still ahead. */
  static final Instant STARTS_AT = NOW.plusSeconds(3 * 86_400).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

  private final Map<String, ParsedEvent> byValue = new ConcurrentHashMap<>();

  /** Reads a registered value; anything else fails as {@link io.booker.notify.adapter.EventParser} does on a bad payload. */
  final EventReader reader = (topic, value, received) -> {
    ParsedEvent e = value == null ? null : byValue.get(value);
    if (e == null) {
      throw new UnreadableEvent("not a BookingEvent in protobuf JSON");
    }
    return e;
  };

  /** A booking event of {@code type} that leaves the booking at {@code version} and {@code status}; registered under {@code value}. */
  ParsedEvent booking(String value, UUID eventId, UUID bookingId, long version, String type, String status) {
    BookingFacts facts = new BookingFacts(eventId, type, NOW, bookingId, VENUE, version, status,
      LocalDate.ofInstant(STARTS_AT, ZoneOffset.UTC), LocalTime.ofInstant(STARTS_AT, ZoneOffset.UTC), 90, STARTS_AT,
      STARTS_AT.plusSeconds(5400), 2, "Ada Lovelace", "ada@example.com", "", null, "");
    return register(value, new ParsedEvent(facts, null, message(type, eventId)));
  }

  /** A venue event of {@code type}; registered under {@code value}. */
  ParsedEvent venue(String value, UUID eventId, String type) {
    VenueFacts facts = new VenueFacts(eventId, type, NOW, VENUE, "Chez Ada", "Europe/Paris", "fr", "", null, "");
    return register(value, new ParsedEvent(null, facts, message(type, eventId)));
  }

  private ParsedEvent register(String value, ParsedEvent event) {
    byValue.put(value, event);
    return event;
  }

  private static JsonObject message(String type, UUID eventId) {
    return new JsonObject().put("type", type).put("event_id", eventId.toString()).put("venue_id", VENUE.toString());
  }
}
