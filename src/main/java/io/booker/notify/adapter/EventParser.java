package io.booker.notify.adapter;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.booker.notify.ParsedEvent;
import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.UnreadableEvent;
import io.booker.notify.domain.VenueFacts;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.TableBlockEvent;
import io.booker.proto.common.VenueEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a Kafka record of the booking, venue and block topics (canonical protobuf JSON of
 * {@code common.BookingEvent} / {@code common.VenueEvent} / {@code common.TableBlockEvent}) into the facts notify works with. A
 * record that is not such an event, or lacks its event id or aggregate ids, is {@link UnreadableEvent}.
 */
public final class EventParser {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final Pattern UUID_TEXT =
    Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private EventParser() {
  }

  /** Whether records of {@code topic} carry booking events (else venue events). */
  public static boolean isBookingTopic(String topic) {
    return topic.startsWith("booking.");
  }

  /**
   * Reads one record: its facts and its WebSocket message. {@code received} stands in for a
   * missing event timestamp.
   */
  public static ParsedEvent parse(String topic, String value, Instant received) {
    if (isBlockTopic(topic)) {
      TableBlockEvent.Builder b = TableBlockEvent.newBuilder();
      merge(value, b);
      TableBlockEvent e = b.build();
      VenueFacts facts = block(e, topic, received);
      return new ParsedEvent(null, facts, LiveMessages.block(facts, e));
    }
    if (isBookingTopic(topic)) {
      BookingEvent.Builder b = BookingEvent.newBuilder();
      merge(value, b);
      BookingEvent e = b.build();
      BookingFacts facts = booking(e, topic, received);
      return new ParsedEvent(facts, null, LiveMessages.booking(facts, e));
    }
    VenueEvent.Builder b = VenueEvent.newBuilder();
    merge(value, b);
    VenueEvent e = b.build();
    VenueFacts facts = venue(e, topic, received);
    return new ParsedEvent(null, facts, LiveMessages.venue(facts));
  }

  /** Whether records of {@code topic} carry block events (block.created, block.deleted). */
  public static boolean isBlockTopic(String topic) {
    return topic.startsWith("block.");
  }

  /** A block's event is, to notify, an event of its venue: fed live to the venue's subscribers, nothing else. */
  static VenueFacts block(TableBlockEvent e, String topic, Instant received) {
    EventHeaders h = e.getHeaders();
    UUID eventId = uuid("headers.event_id", h.getEventId());
    UUID venueId = uuid("venue_id", e.getVenueId());
    uuid("block_id", e.getBlockId());
    return new VenueFacts(eventId, type(h, topic), time(h, received), venueId, "", "", "", e.getRoomId(), e.getTableIdsList(), "");
  }

  static BookingFacts booking(BookingEvent e, String topic, Instant received) {
    EventHeaders h = e.getHeaders();
    UUID eventId = uuid("headers.event_id", h.getEventId());
    UUID bookingId = uuid("booking_id", e.getBookingId());
    UUID venueId = uuid("table.venue_id", e.getTable().getVenueId());
    if (e.getVersion() <= 0) {
      throw new UnreadableEvent("version is missing");
    }
    return new BookingFacts(eventId, type(h, topic), time(h, received), bookingId, venueId, e.getVersion(), e.getStatus(),
      date(e.getSlot().getDate()), time(e.getSlot().getStartTime()), e.getSlot().getDurationMinutes(),
      seconds(e.getStartsAt()), seconds(e.getEndsAt()), e.getPartySize(), e.getCustomerName(), e.getCustomerEmail(),
      e.getCustomerPhone(), e.hasHeld() ? seconds(e.getHeld().getExpiresAt()) : null, reason(e));
  }

  static VenueFacts venue(VenueEvent e, String topic, Instant received) {
    EventHeaders h = e.getHeaders();
    UUID eventId = uuid("headers.event_id", h.getEventId());
    UUID venueId = uuid("venue_id", e.getVenueId());
    String name = "";
    String zone = "";
    String language = "";
    if (e.hasVenueCreated()) {
      name = e.getVenueCreated().getName();
      zone = e.getVenueCreated().getTimezone();
      language = e.getVenueCreated().getLanguage();
    } else if (e.hasVenueUpdated()) {
      name = e.getVenueUpdated().getName();
      zone = e.getVenueUpdated().getTimezone();
      language = e.getVenueUpdated().getLanguage();
    }
    return new VenueFacts(eventId, type(h, topic), time(h, received), venueId, name, zone, language,
      e.hasLayoutUpdated() ? e.getLayoutUpdated().getRoomId() : "",
      e.hasLayoutUpdated() ? e.getLayoutUpdated().getTableIdsList() : null,
      e.hasScheduleUpdated() ? e.getScheduleUpdated().getDate() : "");
  }

  private static void merge(String value, com.google.protobuf.Message.Builder builder) {
    if (value == null || value.isBlank()) {
      throw new UnreadableEvent("empty payload");
    }
    try {
      PARSER.merge(value, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new UnreadableEvent("not a " + builder.getDescriptorForType().getName() + " in protobuf JSON");
    }
  }

  private static String type(EventHeaders h, String topic) {
    return h.getEventType().isEmpty() ? topic : h.getEventType();
  }

  private static Instant time(EventHeaders h, Instant received) {
    return h.getTimestamp() > 0 ? Instant.ofEpochSecond(h.getTimestamp()) : received;
  }

  private static String reason(BookingEvent e) {
    if (e.hasCancelled()) {
      return e.getCancelled().getReason();
    }
    if (e.hasExpired()) {
      return e.getExpired().getReason();
    }
    return "";
  }

  private static UUID uuid(String field, String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw new UnreadableEvent(field + " is missing or not a UUID");
    }
    return UUID.fromString(value);
  }

  private static Instant seconds(long s) {
    return s > 0 ? Instant.ofEpochSecond(s) : null;
  }

  private static LocalDate date(String s) {
    try {
      return s.isEmpty() ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalTime time(String s) {
    try {
      return s.isEmpty() ? null : LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
