package io.booker.venue.adapter;

import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.CheckAvailabilityResponse;
import io.booker.proto.venue.CheckTablesResponse;
import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.DayHours;
import io.booker.proto.venue.FloorPosition;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.ListRoomsResponse;
import io.booker.proto.venue.ListTablesResponse;
import io.booker.proto.venue.ListSpecialHoursResponse;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.OpeningHours;
import io.booker.proto.venue.ResolvedBookingSlot;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.SpecialHours;
import io.booker.proto.venue.TableAvailability;
import io.booker.proto.venue.TableSlotAvailability;
import io.booker.proto.venue.TimeRange;
import io.booker.proto.venue.UpdateTableRequest;
import io.booker.proto.venue.UpdateVenueRequest;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.SpecialHoursText;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.TablesAtSlot;
import io.booker.venue.domain.TimeRangeText;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The contract's messages to domain records and back: every field, a position, slot or table
 * present or absent, the venue id every answer names.
 */
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

  // ---- schedule

  @Test
  void weekdaysAreReadAsGivenAndAWeekdayNotGivenIsNull() {
    SetOpeningHoursRequest r = SetOpeningHoursRequest.newBuilder().setVenueId(VENUE)
      .addDays(DayHours.newBuilder().setWeekday(0).setOpenTime("12:00").setCloseTime("14:00"))
      .addDays(DayHours.newBuilder().setOpenTime("25:00")).build();
    assertEquals(List.of(new DayHoursText(0, "12:00", "14:00"), new DayHoursText(null, "25:00", "")), VenueProtos.days(r),
      "Sunday is 0, a day without weekday null: the use case names the missing one");
  }

  @Test
  void theWeekNamesTheVenueAndEachRange() {
    OpeningHours out = VenueProtos.openingHours(VENUE, List.of(new DayRange(2, range("12:00", "14:30")), new DayRange(6, range("19:00", "02:00"))));
    assertEquals(OpeningHours.newBuilder().setVenueId(VENUE)
      .addDays(DayHours.newBuilder().setWeekday(2).setOpenTime("12:00").setCloseTime("14:30"))
      .addDays(DayHours.newBuilder().setWeekday(6).setOpenTime("19:00").setCloseTime("02:00")).build(), out);
    assertEquals(OpeningHours.newBuilder().setVenueId(VENUE).build(), VenueProtos.openingHours(VENUE, List.of()));
  }

  @Test
  void specialHoursRequestsKeepBothShapes() {
    assertEquals(new SpecialHoursText("2031-06-01", false, "10:00", "16:00", List.of(new TimeRangeText("17:00", "20:00"))),
      VenueProtos.specialHours(SetSpecialHoursRequest.newBuilder().setVenueId(VENUE).setDate("2031-06-01").setOpenTime("10:00")
        .setCloseTime("16:00").addRanges(TimeRange.newBuilder().setOpenTime("17:00").setCloseTime("20:00")).build()));
    assertEquals(new SpecialHoursText("2031-06-01", true, "", "", List.of()),
      VenueProtos.specialHours(SetSpecialHoursRequest.newBuilder().setDate("2031-06-01").setIsClosed(true).build()));
  }

  @Test
  void specialDaysNameTheVenueAndTheirFirstRangeForOlderClients() {
    LocalDate date = LocalDate.parse("2031-06-01");
    ListSpecialHoursResponse out = VenueProtos.specialHours(VENUE, List.of(
      SpecialDay.open(date, List.of(range("11:00", "14:00"), range("18:00", "23:00"))), SpecialDay.closed(date.plusDays(1))));
    assertEquals(ListSpecialHoursResponse.newBuilder()
      .addSpecialHours(SpecialHours.newBuilder().setVenueId(VENUE).setDate("2031-06-01").setOpenTime("11:00").setCloseTime("14:00")
        .addRanges(TimeRange.newBuilder().setOpenTime("11:00").setCloseTime("14:00"))
        .addRanges(TimeRange.newBuilder().setOpenTime("18:00").setCloseTime("23:00")))
      .addSpecialHours(SpecialHours.newBuilder().setVenueId(VENUE).setDate("2031-06-02").setIsClosed(true)).build(), out);
  }

  // ---- availability

  @Test
  void aSlotOrTableIsNullWhenTheRequestHasNone() {
    Slot slot = Slot.newBuilder().setDate("2031-06-01").setStartTime("19:00").setDurationMinutes(90).build();
    assertEquals(new SlotText("2031-06-01", "19:00", 90), VenueProtos.slot(true, slot));
    assertNull(VenueProtos.slot(false, Slot.getDefaultInstance()));
    assertEquals(new TableRefText(TABLE, ROOM), VenueProtos.table(true, TableRef.newBuilder().setVenueId(VENUE).setTableId(TABLE).setRoomId(ROOM).build()));
    assertEquals(new TableRefText(TABLE, ""), VenueProtos.table(true, TableRef.newBuilder().setTableId(TABLE).build()));
    assertNull(VenueProtos.table(false, TableRef.getDefaultInstance()));
  }

  @Test
  void offersNameTheVenueInEveryTableReference() {
    TableCandidate t1 = new TableCandidate(TABLE, ROOM, "T1", 2, true);
    TableCandidate t2 = new TableCandidate("d0000000-0000-4000-8000-000000000002", ROOM, "T2", 2, true);
    CheckAvailabilityResponse out = VenueProtos.availability(VENUE, List.of(
      new TableOffer(t1, true, "", null, 2), new TableOffer(t1, true, "", t2, 4), new TableOffer(t2, false, "already booked for this slot", null, 2)));
    assertEquals(CheckAvailabilityResponse.newBuilder()
      .addTables(TableAvailability.newBuilder().setTable(ref(t1)).setAvailable(true).setTableName("T1").setCapacity(2).addTables(ref(t1)))
      .addTables(TableAvailability.newBuilder().setTable(ref(t1)).setAvailable(true).setTableName("T1").setCapacity(4)
        .setMergedWithTable(ref(t2)).addTables(ref(t1)).addTables(ref(t2)))
      .addTables(TableAvailability.newBuilder().setTable(ref(t2)).setReason("already booked for this slot").setTableName("T2").setCapacity(2)
        .addTables(ref(t2)))
      .build(), out);
  }

  @Test
  void aCombinationOfferNamesItsTablesAndTheCombinationButNoMergedTable() {
    TableCandidate t1 = new TableCandidate(TABLE, ROOM, "T1", 2, false);
    TableCandidate t2 = new TableCandidate("d0000000-0000-4000-8000-000000000002", ROOM, "T2", 4, false);
    TableCandidate t3 = new TableCandidate("d0000000-0000-4000-8000-000000000003", ROOM, "T3", 4, false);
    String combination = "f0000000-0000-4000-8000-000000000001";
    CheckAvailabilityResponse out = VenueProtos.availability(VENUE, List.of(
      TableOffer.combination(combination, List.of(t1, t2, t3), 10, "combination T1+T2+T3 (seats 7 to 10)")));
    assertEquals(CheckAvailabilityResponse.newBuilder()
      .addTables(TableAvailability.newBuilder().setTable(ref(t1)).setAvailable(true).setReason("combination T1+T2+T3 (seats 7 to 10)")
        .setTableName("T1+T2+T3").setCapacity(10).addTables(ref(t1)).addTables(ref(t2)).addTables(ref(t3)).setCombinationId(combination))
      .build(), out);
  }

  @Test
  void aResolvedSlotCarriesEveryField() {
    TableCandidate t1 = new TableCandidate(TABLE, ROOM, "T1", 4, true);
    TableCandidate t2 = new TableCandidate("d0000000-0000-4000-8000-000000000002", ROOM, "T2", 2, true);
    ResolvedSlot r = new ResolvedSlot(VENUE, "Europe/Paris", LocalDate.parse("2031-06-01"), LocalTime.of(19, 0), 120, 6,
      Instant.parse("2031-06-01T17:00:00Z"), Instant.parse("2031-06-01T19:00:00Z"), List.of(t1, t2));
    assertEquals(ResolvedBookingSlot.newBuilder().setVenueId(VENUE).setTimezone("Europe/Paris")
      .setSlot(Slot.newBuilder().setDate("2031-06-01").setStartTime("19:00").setDurationMinutes(120)).setCapacity(6)
      .setStartsAt(Instant.parse("2031-06-01T17:00:00Z").getEpochSecond()).setEndsAt(Instant.parse("2031-06-01T19:00:00Z").getEpochSecond())
      .addTables(ref(t1)).addTables(ref(t2)).addTableNames("T1").addTableNames("T2").build(), VenueProtos.resolved(r));
  }

  @Test
  void tablesAtASlotKeepTheirOrder() {
    assertEquals(CheckTablesResponse.newBuilder()
      .addTables(TableSlotAvailability.newBuilder().setTableId("t2").setAvailable(true))
      .addTables(TableSlotAvailability.newBuilder().setTableId("t1").setReason("already booked for this slot")).build(),
      VenueProtos.tablesAtSlot(List.of(new TablesAtSlot.Answer("t2", true, ""), new TablesAtSlot.Answer("t1", false, "already booked for this slot"))));
  }

  private static OpeningRange range(String open, String close) {
    return new OpeningRange(LocalTime.parse(open), LocalTime.parse(close));
  }

  private static TableRef ref(TableCandidate t) {
    return TableRef.newBuilder().setVenueId(VENUE).setRoomId(t.roomId()).setTableId(t.tableId()).build();
  }
}
