package io.booker.notify.adapter;

import com.google.protobuf.util.JsonFormat;
import io.booker.notify.ParsedEvent;
import io.booker.notify.domain.BookingFacts;
import io.booker.notify.domain.UnreadableEvent;
import io.booker.proto.common.BookingCancelled;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.common.BookingHeld;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableBlockCreated;
import io.booker.proto.common.TableBlockDeleted;
import io.booker.proto.common.TableBlockEvent;
import io.booker.proto.common.TableLayoutUpdated;
import io.booker.proto.common.TableRef;
import io.booker.proto.common.VenueCreated;
import io.booker.proto.common.VenueDeleted;
import io.booker.proto.common.VenueEvent;
import io.booker.proto.common.VenueScheduleUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.*;

/** Kafka records (canonical protobuf JSON, int64 as strings) into facts and WebSocket messages. */
class EventParserTest {

  static final String EVENT = "0b8a6b3e-41a4-4c67-a3b8-0b3f4c2f0a11";
  static final String BOOKING = "6f1c2f0e-9f41-4d55-8a65-3c2b7d0e5a22";
  static final String VENUE = "9a7e1d3c-1111-4c4c-9d9d-2f2f2f2f2f33";
  static final String ROOM = "1a7e1d3c-1111-4c4c-9d9d-2f2f2f2f2f44";
  static final String TABLE = "2a7e1d3c-1111-4c4c-9d9d-2f2f2f2f2f55";
  static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");

  static String json(com.google.protobuf.Message m) throws Exception {
    return JsonFormat.printer().preservingProtoFieldNames().print(m);
  }

  static BookingEvent.Builder booking() {
    TableRef table = TableRef.newBuilder().setVenueId(VENUE).setRoomId(ROOM).setTableId(TABLE).build();
    return BookingEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder().setEventId(EVENT).setEventType("booking.held").setTimestamp(1_796_000_000L))
      .setBookingId(BOOKING).setTable(table).addTables(table)
      .setSlot(Slot.newBuilder().setDate("2026-12-24").setStartTime("19:30").setDurationMinutes(90))
      .setPartySize(4).setCustomerName("Jane").setCustomerPhone("+4412345678").setCustomerEmail("jane@example.com")
      .setVersion(1).setStatus("held").setComment("window").setStartsAt(1_798_138_800L).setEndsAt(1_798_144_200L)
      .setHeld(BookingHeld.newBuilder().setExpiresAt(1_796_000_900L));
  }

  @Test
  void aBookingEventBecomesFactsAndTheRestShapedMessage() throws Exception {
    ParsedEvent e = EventParser.parse("booking.held", json(booking().build()), RECEIVED);
    BookingFacts f = e.booking();
    assertNull(e.venue());
    assertEquals(EVENT, f.eventId().toString());
    assertEquals("held", f.action());
    assertEquals(VENUE, e.venueId().toString());
    assertEquals(1, f.version());
    assertEquals(LocalDate.of(2026, 12, 24), f.date());
    assertEquals(LocalTime.of(19, 30), f.startTime());
    assertEquals(Instant.ofEpochSecond(1_798_138_800L), f.startsAt());
    assertEquals(Instant.ofEpochSecond(1_796_000_900L), f.expiresAt());
    assertEquals(Instant.ofEpochSecond(1_796_000_000L), f.time());

    JsonObject m = e.message();
    assertEquals("booking.held", m.getString("type"));
    assertEquals(EVENT, m.getString("event_id"));
    assertEquals(VENUE, m.getString("venue_id"));
    assertEquals(1L, m.getLong("version"));
    assertEquals(1_796_000_000L, m.getLong("time"));
    JsonObject b = m.getJsonObject("booking");
    assertEquals(BOOKING, b.getString("id"));
    assertEquals(VENUE, b.getString("venue_id"));
    assertEquals(new JsonObject().put("venue_id", VENUE).put("room_id", ROOM).put("table_id", TABLE), b.getJsonObject("table"));
    assertEquals(new JsonArray().add(b.getJsonObject("table")), b.getJsonArray("tables"));
    assertEquals(new JsonObject().put("date", "2026-12-24").put("start_time", "19:30").put("duration_minutes", 90), b.getJsonObject("slot"));
    assertEquals("held", b.getString("status"));
    assertEquals(1_796_000_900L, b.getLong("expires_at"), "numbers, not strings");
    assertEquals(1_796_000_000L, b.getLong("updated_at"));
    assertEquals(1_798_138_800L, b.getLong("starts_at"));
    assertEquals("jane@example.com", b.getString("customer_email"));
    assertEquals("window", b.getString("comment"));
    assertEquals("", b.getString("cancel_reason"));
  }

  @Test
  void aCancellationCarriesItsReasonAndAMissingTimestampIsTheArrival() throws Exception {
    BookingEvent.Builder b = booking().setVersion(3).setStatus("cancelled")
      .setCancelled(BookingCancelled.newBuilder().setReason("ill"));
    b.getHeadersBuilder().setEventType("booking.cancelled").setTimestamp(0);
    ParsedEvent e = EventParser.parse("booking.cancelled", json(b.build()), RECEIVED);
    assertEquals("ill", e.booking().reason());
    assertNull(e.booking().expiresAt());
    assertEquals(RECEIVED, e.booking().time());
    assertEquals("ill", e.message().getJsonObject("booking").getString("cancel_reason"));
    assertEquals(0L, e.message().getJsonObject("booking").getLong("expires_at"));
  }

  @Test
  void unknownFieldsAreIgnoredAndTheTopicNamesAnUntypedEvent() throws Exception {
    JsonObject raw = new JsonObject(json(booking().build())).put("added_later", true);
    raw.getJsonObject("headers").remove("event_type");
    assertEquals("booking.held", EventParser.parse("booking.held", raw.encode(), RECEIVED).eventType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not json", "[1,2]", "{\"version\": {}}"})
  void whatIsNotABookingEventIsUnreadable(String value) {
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("booking.held", value, RECEIVED));
  }

  @Test
  void aBookingEventWithoutItsIdsOrVersionIsUnreadable() throws Exception {
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("booking.held", json(booking().clearBookingId().build()), RECEIVED));
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("booking.held", json(booking().clearTable().build()), RECEIVED));
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("booking.held", json(booking().clearHeaders().build()), RECEIVED));
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("booking.held", json(booking().setBookingId("42").build()), RECEIVED));
    UnreadableEvent noVersion = assertThrows(UnreadableEvent.class,
      () -> EventParser.parse("booking.held", json(booking().setVersion(0).build()), RECEIVED));
    assertFalse(noVersion.getMessage().contains("jane"), "never the payload");
  }

  static VenueEvent.Builder venue(String type) {
    return VenueEvent.newBuilder().setVenueId(VENUE)
      .setHeaders(EventHeaders.newBuilder().setEventId(EVENT).setEventType(type).setTimestamp(1_796_000_000L));
  }

  @Test
  void venueEventsBecomeTheirMessages() throws Exception {
    ParsedEvent created = EventParser.parse("venue.created", json(venue("venue.created")
      .setVenueCreated(VenueCreated.newBuilder().setName("Noodles").setTimezone("Asia/Tokyo")).build()), RECEIVED);
    assertEquals("Noodles", created.venue().name());
    assertEquals(new JsonObject().put("type", "venue.created").put("event_id", EVENT).put("venue_id", VENUE).put("time", 1_796_000_000L)
      .put("venue", new JsonObject().put("id", VENUE).put("name", "Noodles").put("timezone", "Asia/Tokyo")), created.message());

    ParsedEvent layout = EventParser.parse("table.layout.updated", json(venue("table.layout.updated")
      .setLayoutUpdated(TableLayoutUpdated.newBuilder().setRoomId(ROOM).addTableIds(TABLE)).build()), RECEIVED);
    assertEquals(new JsonObject().put("room_id", ROOM).put("table_ids", new JsonArray().add(TABLE)), layout.message().getJsonObject("layout"));

    ParsedEvent schedule = EventParser.parse("venue.schedule.updated", json(venue("venue.schedule.updated")
      .setScheduleUpdated(VenueScheduleUpdated.newBuilder().setDate("2026-12-24")).build()), RECEIVED);
    assertEquals(new JsonObject().put("date", "2026-12-24"), schedule.message().getJsonObject("schedule"));

    ParsedEvent deleted = EventParser.parse("venue.deleted", json(venue("venue.deleted")
      .setVenueDeleted(VenueDeleted.getDefaultInstance()).build()), RECEIVED);
    assertTrue(deleted.venue().deletesVenue());
    assertEquals(java.util.Set.of("type", "event_id", "venue_id", "time"), deleted.message().fieldNames());
  }

  @Test
  void aVenuesLanguageIsReadWhenTheEventCarriesIt() throws Exception {
    JsonObject raw = new JsonObject(json(venue("venue.updated")
      .setVenueUpdated(io.booker.proto.common.VenueUpdated.newBuilder().setName("Bistro").setTimezone("Europe/Berlin")).build()));
    raw.getJsonObject("venue_updated").put("language", "de");
    ParsedEvent e = EventParser.parse("venue.updated", raw.encode(), RECEIVED);
    assertEquals("de", e.venue().language());
    assertEquals("de", e.message().getJsonObject("venue").getString("language"));
  }

  @Test
  void aVenueEventWithoutIdsIsUnreadable() throws Exception {
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("venue.created", json(venue("venue.created").clearVenueId().build()), RECEIVED));
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("venue.created", "{\"venue_id\": 5}", RECEIVED));
  }

  @Test
  void aBlockEventIsAnEventOfItsVenueFedLiveWithTheBlock() throws Exception {
    String block = "3a7e1d3c-1111-4c4c-9d9d-2f2f2f2f2f66";
    TableBlockEvent event = TableBlockEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder().setEventId(EVENT).setEventType("block.created").setTimestamp(1_796_000_000L).setActorId("manager-1"))
      .setVenueId(VENUE).setBlockId(block).setRoomId(ROOM).addTableIds(TABLE).setStartsAt(1_798_138_800L).setEndsAt(1_798_146_000L)
      .setReason("private event").setCreatedBy("manager-1").setCreatedAt(1_796_000_000L)
      .setCreated(TableBlockCreated.getDefaultInstance()).build();

    ParsedEvent e = EventParser.parse("block.created", json(event), RECEIVED);

    assertNull(e.booking());
    assertEquals(EVENT, e.eventId().toString());
    assertEquals("block.created", e.eventType());
    assertEquals(VENUE, e.venueId().toString());
    assertFalse(e.venue().describesVenue(), "it names no venue: notify's venue projection is left alone");
    assertFalse(e.venue().deletesVenue());
    JsonObject m = e.message();
    assertEquals("block.created", m.getString("type"));
    assertEquals(VENUE, m.getString("venue_id"));
    assertEquals(1_796_000_000L, m.getLong("time"));
    assertEquals(new JsonObject().put("id", block).put("venue_id", VENUE).put("room_id", ROOM)
      .put("table_ids", new JsonArray().add(TABLE)).put("starts_at", 1_798_138_800L).put("ends_at", 1_798_146_000L)
      .put("reason", "private event").put("created_by", "manager-1").put("created_at", 1_796_000_000L), m.getJsonObject("block"));

    ParsedEvent deleted = EventParser.parse("block.deleted", json(event.toBuilder().clearCreated()
      .setHeaders(event.getHeaders().toBuilder().setEventType("block.deleted"))
      .setDeleted(TableBlockDeleted.getDefaultInstance()).build()), RECEIVED);
    assertEquals("block.deleted", deleted.message().getString("type"));
    assertEquals(block, deleted.message().getJsonObject("block").getString("id"));
  }

  @Test
  void aBlockEventWithoutItsIdsIsUnreadable() throws Exception {
    String noBlock = json(TableBlockEvent.newBuilder().setHeaders(EventHeaders.newBuilder().setEventId(EVENT)).setVenueId(VENUE).build());
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("block.created", noBlock, RECEIVED));
    assertThrows(UnreadableEvent.class, () -> EventParser.parse("block.deleted", "not json", RECEIVED));
  }
}
