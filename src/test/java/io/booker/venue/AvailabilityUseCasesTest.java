package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class AvailabilityUseCasesTest {

  private static final Slot EVENING = slot(DATE, "19:00", 120);
  private static final ZoneId PARIS = ZoneId.of(ZONE);

  private final Fakes f = new Fakes();

  private static Slot slot(String date, String start, int minutes) {
    return Slot.newBuilder().setDate(date).setStartTime(start).setDurationMinutes(minutes).build();
  }

  private static CheckAvailabilityRequest.Builder ask(int party) {
    return CheckAvailabilityRequest.newBuilder().setVenueId(A).setSlot(EVENING).setPartySize(party);
  }

  private static List<String> availableIds(CheckAvailabilityResponse r) {
    return r.getTablesList().stream().filter(TableAvailability::getAvailable).filter(t -> !t.hasMergedWithTable())
      .map(t -> t.getTable().getTableId()).toList();
  }

  private static ResolveBookingSlotRequest.Builder resolve(String tableId, int party) {
    return ResolveBookingSlotRequest.newBuilder().setVenueId(A).setTable(TableRef.newBuilder().setTableId(tableId)).setSlot(EVENING)
      .setPartySize(party);
  }

  private static CheckTablesRequest.Builder tables(String... ids) {
    return CheckTablesRequest.newBuilder().setVenueId(A).addAllTableIds(List.of(ids)).setSlot(EVENING);
  }

  // ---- CheckAvailability

  @Test
  void asksTheBookingServiceOnceForTheTablesThatCouldTakePart() {
    CheckAvailabilityResponse r = succeeded(f.free.checkAvailability(HOST_A, ask(2).build()));

    assertEquals(1, f.bookings.frees.size());
    FakeBookingOccupancy.FreeCall call = f.bookings.frees.get(0);
    assertEquals(A, call.venueId());
    assertEquals(Set.of(TABLE, TABLE_2), Set.copyOf(call.tableIds()));
    assertEquals(LocalDate.parse(DATE), call.date());
    assertEquals(LocalTime.of(19, 0), call.start());
    assertEquals(120, call.durationMinutes());
    assertEquals(PARIS, call.zone(), "the venue's zone");
    assertEquals(List.of(TABLE_2, TABLE), availableIds(r), "smallest fit first");
    assertTrue(r.getTablesList().stream().allMatch(t -> t.getTable().getVenueId().equals(A) && t.getTable().getRoomId().equals(ROOM)));
    assertEquals(List.of(new FakeAvailabilityReads.Read(UUID.fromString(A), LocalDate.parse(DATE), null)), f.availability.reads);
  }

  @Test
  void aBookedTableIsNotOfferedAndListedWithItsReasonOnRequest() {
    f.bookings.busy.add(TABLE_2);
    assertEquals(List.of(TABLE), availableIds(succeeded(f.free.checkAvailability(HOST_A, ask(2).build()))));

    CheckAvailabilityResponse all = succeeded(f.free.checkAvailability(HOST_A, ask(2).setIncludeUnavailable(true).build()));
    TableAvailability t2 = all.getTablesList().stream().filter(t -> !t.getAvailable() && t.getTable().getTableId().equals(TABLE_2))
      .findFirst().orElseThrow();
    assertEquals("already booked for this slot", t2.getReason());
    assertEquals("T2", t2.getTableName());
  }

  @Test
  void tablesTooSmallForThePartyAreOnlyListedOnRequest() {
    CheckAvailabilityResponse r = succeeded(f.free.checkAvailability(HOST_A, ask(4).setIncludeUnavailable(true).build()));
    assertEquals(List.of(TABLE), availableIds(r));
    assertTrue(r.getTablesList().stream().anyMatch(t -> !t.getAvailable() && t.getReason().equals("capacity 2 is less than party of 4")));
  }

  @Test
  void aSlotOutsideTheHoursAsksTheBookingServiceNothing() {
    CheckAvailabilityResponse r = succeeded(f.free.checkAvailability(HOST_A, ask(2).setSlot(slot(DATE, "08:00", 60)).build()));
    assertEquals(0, r.getTablesCount(), "nothing can be booked, nothing else asked for");
    assertTrue(f.bookings.untouched());

    CheckAvailabilityResponse all = succeeded(f.free.checkAvailability(HOST_A, ask(2).setSlot(slot(DATE, "08:00", 60))
      .setIncludeUnavailable(true).build()));
    assertEquals(2, all.getTablesCount());
    assertTrue(all.getTablesList().stream().noneMatch(TableAvailability::getAvailable));
  }

  @Test
  void aSlotInThePastAsksTheBookingServiceNothing() {
    CheckAvailabilityResponse r = succeeded(f.free.checkAvailability(HOST_A, ask(2).setSlot(slot("2031-04-30", "19:00", 120)).build()));
    assertEquals(0, r.getTablesCount());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void whenTheBookingServiceCannotAnswerTheCheckFails() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, f.free.checkAvailability(HOST_A, ask(2).build()));
  }

  @Test
  void atMostMaxOffersAvailableTablesAreListed() {
    CheckAvailabilityResponse r = succeeded(f.free.checkAvailability(HOST_A, ask(2).setMaxOffers(1).build()));
    assertEquals(List.of(TABLE_2), availableIds(r));
    assertEquals(1, r.getTablesCount());
  }

  @Test
  void theRequestIsValidatedBeforeAnythingIsRead() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).clearSlot().build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(0).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(101).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).setMaxOffers(-1).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).setMaxOffers(201).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).setSlot(slot("01/06/2031", "19:00", 120)).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).setSlot(slot(DATE, "7pm", 120)).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkAvailability(HOST_A, ask(2).setSlot(slot(DATE, "19:00", 7)).build()));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void aSlotWithoutDurationLastsTwoHours() {
    succeeded(f.free.checkAvailability(HOST_A, ask(2).setSlot(slot(DATE, "19:00", 0)).build()));
    assertEquals(120, f.bookings.frees.get(0).durationMinutes());
  }

  @Test
  void aMissingVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.free.checkAvailability(ADMIN, ask(2).setVenueId(MISSING).build()));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
    assertTrue(f.bookings.untouched());
  }

  // ---- ResolveBookingSlot

  @Test
  void resolvesATableAtASlotWithoutAskingTheBookingService() {
    ResolvedBookingSlot r = succeeded(f.free.resolveBookingSlot(HOST_A, resolve(TABLE, 3).build()));

    assertEquals(A, r.getVenueId());
    assertEquals(ZONE, r.getTimezone());
    assertEquals(EVENING, r.getSlot());
    assertEquals(4, r.getCapacity());
    assertEquals(Instant.parse("2031-06-01T17:00:00Z").getEpochSecond(), r.getStartsAt(), "19:00 in Paris in summer");
    assertEquals(Instant.parse("2031-06-01T19:00:00Z").getEpochSecond(), r.getEndsAt());
    assertEquals(List.of(TableRef.newBuilder().setVenueId(A).setRoomId(ROOM).setTableId(TABLE).build()), r.getTablesList());
    assertEquals(List.of("T1"), r.getTableNamesList());
    assertEquals(Set.of(TABLE), f.availability.reads.get(0).tableIds(), "only the tables asked for are read");
    assertTrue(f.bookings.untouched());
  }

  @Test
  void resolvesAMergedPair() {
    ResolvedBookingSlot r = succeeded(f.free.resolveBookingSlot(HOST_A, resolve(TABLE, 5)
      .setMergedWithTable(TableRef.newBuilder().setTableId(TABLE_2).setRoomId(ROOM)).build()));
    assertEquals(6, r.getCapacity());
    assertEquals(List.of("T1", "T2"), r.getTableNamesList());
    assertEquals(Set.of(TABLE, TABLE_2), f.availability.reads.get(0).tableIds());
  }

  @Test
  void aSlotOutsideTheHoursIsAnInvalidSlot() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, resolve(TABLE, 2)
      .setSlot(slot(DATE, "08:00", 60)).build()));
    assertTrue(e.getMessage().startsWith("slot"), e.getMessage());
  }

  @Test
  void aTableTooSmallIsAnInvalidPartySize() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, resolve(TABLE_2, 3).build()));
    assertTrue(e.getMessage().startsWith("party_size"), e.getMessage());
  }

  @Test
  void aTableOfAnotherRoomThanNamedIsInvalid() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, ResolveBookingSlotRequest.newBuilder()
      .setVenueId(A).setTable(TableRef.newBuilder().setTableId(TABLE).setRoomId(MISSING)).setSlot(EVENING).setPartySize(2).build()));
    assertTrue(e.getMessage().startsWith("table.room_id"), e.getMessage());
  }

  @Test
  void anUnknownTableIsNotFoundInThisVenue() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.free.resolveBookingSlot(HOST_A, resolve(MISSING, 2).build()));
    assertEquals("table " + MISSING + " not found in this venue", e.getMessage());
  }

  @Test
  void theTableAndTheSlotAreRequired() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, resolve(TABLE, 2).clearTable().build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, resolve(TABLE, 2).clearSlot().build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.resolveBookingSlot(HOST_A, resolve("t1", 2).build()));
    assertEquals(List.of(), f.reached());
  }

  // ---- CheckTables

  @Test
  void answersEachAskedTableInOrderWithOneCallForTheDistinctOnes() {
    f.bookings.busy.add(TABLE);
    CheckTablesResponse r = succeeded(f.free.checkTables(HOST_A, tables(TABLE_2, TABLE, TABLE_2).build()));

    assertEquals(List.of(TABLE_2, TABLE, TABLE_2), r.getTablesList().stream().map(TableSlotAvailability::getTableId).toList());
    assertEquals(List.of(true, false, true), r.getTablesList().stream().map(TableSlotAvailability::getAvailable).toList());
    assertEquals("already booked for this slot", r.getTables(1).getReason());
    assertEquals(1, f.bookings.frees.size());
    assertEquals(Set.of(TABLE, TABLE_2), Set.copyOf(f.bookings.frees.get(0).tableIds()));
    assertEquals(2, f.bookings.frees.get(0).tableIds().size(), "each table asked once");
  }

  @Test
  void aClosedSlotMakesEveryTableUnavailableWithoutAskingTheBookingService() {
    CheckTablesResponse r = succeeded(f.free.checkTables(HOST_A, tables(TABLE).setSlot(slot(DATE, "23:30", 60)).build()));
    assertFalse(r.getTables(0).getAvailable());
    assertFalse(r.getTables(0).getReason().isEmpty());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aTableOfAnotherVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.free.checkTables(HOST_A, tables(TABLE, MISSING).build()));
    assertEquals("table " + MISSING + " not found in this venue", e.getMessage());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void betweenOneAndFiveHundredWellFormedTableIds() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkTables(HOST_A, tables().build()));
    String[] many = Collections.nCopies(AvailabilityUseCases.MAX_TABLE_IDS + 1, TABLE).toArray(String[]::new);
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkTables(HOST_A, tables(many).build()));
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkTables(HOST_A, tables(TABLE, "nope").build()));
    assertTrue(e.getMessage().startsWith("table_ids[1]"), e.getMessage());
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.checkTables(HOST_A, tables(TABLE).clearSlot().build()));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void whenTheBookingServiceCannotAnswerCheckTablesFails() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, f.free.checkTables(HOST_A, tables(TABLE).build()));
  }
}
