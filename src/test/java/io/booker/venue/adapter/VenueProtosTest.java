package io.booker.venue.adapter;

import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.FloorPosition;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.ListRoomsResponse;
import io.booker.proto.venue.ListTablesResponse;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.UpdateTableRequest;
import io.booker.proto.venue.UpdateVenueRequest;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The contract's messages to domain records and back: every field, a position present or absent. */
class VenueProtosTest {

  static final String VENUE = "a0000000-0000-4000-8000-00000000000a";
  static final String ROOM = "c0000000-0000-4000-8000-000000000001";
  static final String TABLE = "d0000000-0000-4000-8000-000000000001";
  static final Instant CREATED = Instant.ofEpochSecond(1_900_000_000L);
  static final Instant UPDATED = Instant.ofEpochSecond(1_900_000_123L);
  static final TablePosition PLACED = new TablePosition(10, 20, 60, 70, 90, "round");

  static final Venue FULL_VENUE = new Venue(VENUE, "Chez A", "Europe/Paris", "1 Main St\nParis", "+33 1 23", "a@example.com",
    "Small", "fr-CA", CREATED, UPDATED);
  static final Room FULL_ROOM = new Room(ROOM, VENUE, "Main", CREATED, UPDATED);
  static final Table PLACED_TABLE = new Table(TABLE, ROOM, VENUE, "T1", 4, true, "window", PLACED, CREATED, UPDATED);
  static final Table UNPLACED_TABLE = new Table(TABLE, ROOM, VENUE, "T1", 4, false, "", null, CREATED, UPDATED);

  @Test
  void aVenueCarriesEveryFieldAndComesBackEqual() {
    io.booker.proto.venue.Venue p = VenueProtos.toProto(FULL_VENUE);
    assertEquals(io.booker.proto.venue.Venue.newBuilder().setId(VENUE).setName("Chez A").setTimezone("Europe/Paris")
      .setAddress("1 Main St\nParis").setPhone("+33 1 23").setEmail("a@example.com").setDescription("Small").setLanguage("fr-CA")
      .setCreatedAt(CREATED.getEpochSecond()).setUpdatedAt(UPDATED.getEpochSecond()).build(), p);
    assertEquals(FULL_VENUE, VenueProtos.fromProto(p));
  }

  @Test
  void anEmptyVenueMessageIsAVenueWithEmptyFields() {
    Venue v = VenueProtos.fromProto(io.booker.proto.venue.Venue.newBuilder().setId(VENUE).build());
    assertEquals(new Venue(VENUE, "", "", "", "", "", "", "", Instant.EPOCH, Instant.EPOCH), v);
    assertEquals(io.booker.proto.venue.Venue.newBuilder().setId(VENUE).build(), VenueProtos.toProto(v));
  }

  @Test
  void aRoomCarriesEveryFieldAndComesBackEqual() {
    io.booker.proto.venue.Room p = VenueProtos.toProto(FULL_ROOM);
    assertEquals(io.booker.proto.venue.Room.newBuilder().setId(ROOM).setVenueId(VENUE).setName("Main")
      .setCreatedAt(CREATED.getEpochSecond()).setUpdatedAt(UPDATED.getEpochSecond()).build(), p);
    assertEquals(FULL_ROOM, VenueProtos.fromProto(p));
  }

  @Test
  void aPlacedTableCarriesEveryFieldAndItsPosition() {
    io.booker.proto.venue.Table p = VenueProtos.toProto(PLACED_TABLE);
    assertEquals(io.booker.proto.venue.Table.newBuilder().setId(TABLE).setRoomId(ROOM).setVenueId(VENUE).setName("T1").setCapacity(4)
      .setCanMerge(true).setZone("window").setCreatedAt(CREATED.getEpochSecond()).setUpdatedAt(UPDATED.getEpochSecond())
      .setPosition(FloorPosition.newBuilder().setX(10).setY(20).setWidth(60).setHeight(70).setRotation(90).setShape("round")).build(), p);
    assertEquals(PLACED_TABLE, VenueProtos.fromProto(p));
  }

  @Test
  void aTableNotPlacedHasNoPositionMessage() {
    io.booker.proto.venue.Table p = VenueProtos.toProto(UNPLACED_TABLE);
    assertFalse(p.hasPosition());
    Table back = VenueProtos.fromProto(p);
    assertEquals(UNPLACED_TABLE, back);
    assertFalse(back.placed());
  }

  @Test
  void aPositionAtTheOriginIsStillAPosition() {
    // proto3 has no presence for an all-zero message's fields, but the message itself is present.
    TablePosition origin = new TablePosition(0, 0, 0, 0, 0, "");
    Table t = new Table(TABLE, ROOM, VENUE, "T1", 4, false, "", origin, CREATED, UPDATED);
    io.booker.proto.venue.Table p = VenueProtos.toProto(t);
    assertTrue(p.hasPosition());
    assertEquals(origin, VenueProtos.fromProto(p).position());
  }

  @Test
  void venueRequestsBecomeTheirFieldsUnchecked() {
    VenueFields expected = new VenueFields(" Chez C ", "Europe/Berlin", "1 Main St", "+49 30", "c@example.com", "Small", "DE");
    assertEquals(expected, VenueProtos.fields(CreateVenueRequest.newBuilder().setName(" Chez C ").setTimezone("Europe/Berlin")
      .setAddress("1 Main St").setPhone("+49 30").setEmail("c@example.com").setDescription("Small").setLanguage("DE").build()));
    assertEquals(expected, VenueProtos.fields(UpdateVenueRequest.newBuilder().setId(VENUE).setName(" Chez C ").setTimezone("Europe/Berlin")
      .setAddress("1 Main St").setPhone("+49 30").setEmail("c@example.com").setDescription("Small").setLanguage("DE").build()));
    assertEquals(new VenueFields("", "", "", "", "", "", ""), VenueProtos.fields(UpdateVenueRequest.getDefaultInstance()),
      "an empty request: every field empty (the use case decides what empty means)");
  }

  @Test
  void tableRequestsBecomeTheirFieldsWithThePositionOnlyWhenGiven() {
    FloorPosition invalid = FloorPosition.newBuilder().setX(-1).setWidth(0).setShape("star").build();
    assertEquals(new TableFields(" T3 ", 6, true, "bar", new TablePosition(-1, 0, 0, 0, 0, "star")),
      VenueProtos.fields(CreateTableRequest.newBuilder().setRoomId(ROOM).setName(" T3 ").setCapacity(6).setCanMerge(true).setZone("bar")
        .setPosition(invalid).build()), "not checked here: the use case checks it after access");
    assertNull(VenueProtos.fields(CreateTableRequest.newBuilder().setRoomId(ROOM).setName("T3").build()).position(), "not placed");
    assertEquals(new TableFields("T1", 8, false, "", PLACED), VenueProtos.fields(UpdateTableRequest.newBuilder().setId(TABLE).setName("T1")
      .setCapacity(8).setPosition(VenueProtos.toProto(PLACED)).build()));
    assertNull(VenueProtos.fields(UpdateTableRequest.newBuilder().setId(TABLE).setName("T1").build()).position(), "cleared");
  }

  @Test
  void pagesCarryTheirItemsInOrderAndTheTotal() {
    assertEquals(ListVenuesResponse.newBuilder().addVenues(VenueProtos.toProto(FULL_VENUE)).setTotal(7).build(),
      VenueProtos.venues(new Page<>(List.of(FULL_VENUE), 7)));
    assertEquals(ListRoomsResponse.newBuilder().addRooms(VenueProtos.toProto(FULL_ROOM)).setTotal(1).build(),
      VenueProtos.rooms(new Page<>(List.of(FULL_ROOM), 1)));
    assertEquals(ListTablesResponse.newBuilder().addTables(VenueProtos.toProto(PLACED_TABLE)).addTables(VenueProtos.toProto(UNPLACED_TABLE))
      .setTotal(2).build(), VenueProtos.tables(new Page<>(List.of(PLACED_TABLE, UNPLACED_TABLE), 2)));
    assertEquals(ListTablesResponse.getDefaultInstance(), VenueProtos.tables(new Page<>(List.of(), 0)));
  }

  @Test
  void aLayoutComesBackEqualGivenItsVenue() {
    RoomLayout layout = new RoomLayout(VENUE, ROOM, List.of(PLACED_TABLE, UNPLACED_TABLE));
    GetTableLayoutResponse p = VenueProtos.layout(layout);
    assertEquals(GetTableLayoutResponse.newBuilder().setRoomId(ROOM).addTables(VenueProtos.toProto(PLACED_TABLE))
      .addTables(VenueProtos.toProto(UNPLACED_TABLE)).build(), p);
    assertEquals(layout, VenueProtos.layout(VENUE, p));
    RoomLayout empty = new RoomLayout(VENUE, ROOM, List.of());
    assertEquals(empty, VenueProtos.layout(VENUE, VenueProtos.layout(empty)));
  }
}
