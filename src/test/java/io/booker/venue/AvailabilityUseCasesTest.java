package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.TablesAtSlot;
import io.vertx.core.Future;
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

  private static final SlotText EVENING = slot(DATE, "19:00", 120);
  private static final ZoneId PARIS = ZoneId.of(ZONE);

  private final Fakes f = new Fakes();

  private static SlotText slot(String date, String start, int minutes) {
    return new SlotText(date, start, minutes);
  }

  private static Inputs.Ask ask(int party) {
    return new Inputs.Ask().setVenueId(A).setSlot(EVENING).setPartySize(party);
  }

  private static List<String> availableIds(List<TableOffer> offers) {
    return offers.stream().filter(TableOffer::available).filter(t -> !t.merged()).map(t -> t.table().tableId()).toList();
  }

  private static Inputs.Resolve resolve(String tableId, int party) {
    return new Inputs.Resolve().setVenueId(A).setTable(new TableRefText(tableId, "")).setSlot(EVENING).setPartySize(party);
  }

  private static Inputs.Tables tables(String... ids) {
    return new Inputs.Tables().setVenueId(A).setTableIds(List.of(ids)).setSlot(EVENING);
  }

  private Future<List<TableOffer>> check(Caller caller, Inputs.Ask a) {
    return f.free.checkAvailability(caller, a.venueId, a.slot, a.partySize, a.includeUnavailable, a.maxOffers);
  }

  private Future<ResolvedSlot> resolveSlot(Caller caller, Inputs.Resolve r) {
    return f.free.resolveBookingSlot(caller, r.venueId, r.table, r.merged, r.slot, r.partySize);
  }

  private Future<List<TablesAtSlot.Answer>> checkTables(Caller caller, Inputs.Tables t) {
    return f.free.checkTables(caller, t.venueId, t.tableIds, t.slot);
  }

  // ---- CheckAvailability

  @Test
  void asksTheBookingServiceOnceForTheTablesThatCouldTakePart() {
    List<TableOffer> r = succeeded(check(HOST_A, ask(2)));

    assertEquals(1, f.bookings.frees.size());
    FakeBookingOccupancy.FreeCall call = f.bookings.frees.get(0);
    assertEquals(A, call.venueId());
    assertEquals(Set.of(TABLE, TABLE_2), Set.copyOf(call.tableIds()));
    assertEquals(LocalDate.parse(DATE), call.date());
    assertEquals(LocalTime.of(19, 0), call.start());
    assertEquals(120, call.durationMinutes());
    assertEquals(PARIS, call.zone(), "the venue's zone");
    assertEquals(List.of(TABLE_2, TABLE), availableIds(r), "smallest fit first");
    assertTrue(r.stream().allMatch(t -> t.table().roomId().equals(ROOM)));
    assertEquals(List.of(new FakeAvailabilityReads.Read(UUID.fromString(A), LocalDate.parse(DATE), null)), f.availability.reads);
  }

  @Test
  void aBookedTableIsNotOfferedAndListedWithItsReasonOnRequest() {
    f.bookings.busy.add(TABLE_2);
    assertEquals(List.of(TABLE), availableIds(succeeded(check(HOST_A, ask(2)))));

    List<TableOffer> all = succeeded(check(HOST_A, ask(2).setIncludeUnavailable(true)));
    TableOffer t2 = all.stream().filter(t -> !t.available() && t.table().tableId().equals(TABLE_2)).findFirst().orElseThrow();
    assertEquals("already booked for this slot", t2.reason());
    assertEquals("T2", t2.table().name());
  }

  @Test
  void tablesTooSmallForThePartyAreOnlyListedOnRequest() {
    List<TableOffer> r = succeeded(check(HOST_A, ask(4).setIncludeUnavailable(true)));
    assertEquals(List.of(TABLE), availableIds(r));
    assertTrue(r.stream().anyMatch(t -> !t.available() && t.reason().equals("capacity 2 is less than party of 4")));
  }

  @Test
  void aSlotOutsideTheHoursAsksTheBookingServiceNothing() {
    List<TableOffer> r = succeeded(check(HOST_A, ask(2).setSlot(slot(DATE, "08:00", 60))));
    assertEquals(0, r.size(), "nothing can be booked, nothing else asked for");
    assertTrue(f.bookings.untouched());

    List<TableOffer> all = succeeded(check(HOST_A, ask(2).setSlot(slot(DATE, "08:00", 60))
      .setIncludeUnavailable(true)));
    assertEquals(2, all.size());
    assertTrue(all.stream().noneMatch(TableOffer::available));
  }

  @Test
  void aSlotInThePastAsksTheBookingServiceNothing() {
    List<TableOffer> r = succeeded(check(HOST_A, ask(2).setSlot(slot("2031-04-30", "19:00", 120))));
    assertEquals(0, r.size());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void whenTheBookingServiceCannotAnswerTheCheckFails() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, check(HOST_A, ask(2)));
  }

  @Test
  void atMostMaxOffersAvailableTablesAreListed() {
    List<TableOffer> r = succeeded(check(HOST_A, ask(2).setMaxOffers(1)));
    assertEquals(List.of(TABLE_2), availableIds(r));
    assertEquals(1, r.size());
  }

  @Test
  void theRequestIsValidatedBeforeAnythingIsRead() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).clearSlot()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(0)));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(101)));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).setMaxOffers(-1)));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).setMaxOffers(201)));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).setSlot(slot("01/06/2031", "19:00", 120))));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).setSlot(slot(DATE, "7pm", 120))));
    failed(ErrorCode.INVALID_ARGUMENT, () -> check(HOST_A, ask(2).setSlot(slot(DATE, "19:00", 7))));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void aSlotWithoutDurationLastsTwoHours() {
    succeeded(check(HOST_A, ask(2).setSlot(slot(DATE, "19:00", 0))));
    assertEquals(120, f.bookings.frees.get(0).durationMinutes());
  }

  @Test
  void aMissingVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> check(ADMIN, ask(2).setVenueId(MISSING)));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
    assertTrue(f.bookings.untouched());
  }

  // ---- ResolveBookingSlot

  @Test
  void resolvesATableAtASlotWithoutAskingTheBookingService() {
    ResolvedSlot r = succeeded(resolveSlot(HOST_A, resolve(TABLE, 3)));

    assertEquals(A, r.venueId());
    assertEquals(ZONE, r.timezone());
    assertEquals(LocalDate.parse(DATE), r.date());
    assertEquals(LocalTime.of(19, 0), r.start());
    assertEquals(120, r.durationMinutes());
    assertEquals(4, r.capacity());
    assertEquals(Instant.parse("2031-06-01T17:00:00Z"), r.startsAt(), "19:00 in Paris in summer");
    assertEquals(Instant.parse("2031-06-01T19:00:00Z"), r.endsAt());
    assertEquals(List.of(new TableCandidate(TABLE, ROOM, "T1", 4, true)), r.tables());
    assertEquals(Set.of(TABLE), f.availability.reads.get(0).tableIds(), "only the tables asked for are read");
    assertTrue(f.bookings.untouched());
  }

  @Test
  void resolvesAMergedPair() {
    ResolvedSlot r = succeeded(resolveSlot(HOST_A, resolve(TABLE, 5)
      .setMergedWithTable(new TableRefText(TABLE_2, ROOM))));
    assertEquals(6, r.capacity());
    assertEquals(List.of("T1", "T2"), r.tables().stream().map(TableCandidate::name).toList());
    assertEquals(Set.of(TABLE, TABLE_2), f.availability.reads.get(0).tableIds());
  }

  @Test
  void aSlotOutsideTheHoursIsAnInvalidSlot() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve(TABLE, 2)
      .setSlot(slot(DATE, "08:00", 60))));
    assertTrue(e.getMessage().startsWith("slot"), e.getMessage());
  }

  @Test
  void aTableTooSmallIsAnInvalidPartySize() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve(TABLE_2, 3)));
    assertTrue(e.getMessage().startsWith("party_size"), e.getMessage());
  }

  @Test
  void aTableOfAnotherRoomThanNamedIsInvalid() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve(TABLE, 2)
      .setTable(new TableRefText(TABLE, MISSING))));
    assertTrue(e.getMessage().startsWith("table.room_id"), e.getMessage());
  }

  @Test
  void anUnknownTableIsNotFoundInThisVenue() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> resolveSlot(HOST_A, resolve(MISSING, 2)));
    assertEquals("table " + MISSING + " not found in this venue", e.getMessage());
  }

  @Test
  void theTableAndTheSlotAreRequired() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve(TABLE, 2).clearTable()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve(TABLE, 2).clearSlot()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> resolveSlot(HOST_A, resolve("t1", 2)));
    assertEquals(List.of(), f.reached());
  }

  // ---- CheckTables

  @Test
  void answersEachAskedTableInOrderWithOneCallForTheDistinctOnes() {
    f.bookings.busy.add(TABLE);
    List<TablesAtSlot.Answer> r = succeeded(checkTables(HOST_A, tables(TABLE_2, TABLE, TABLE_2)));

    assertEquals(List.of(TABLE_2, TABLE, TABLE_2), r.stream().map(TablesAtSlot.Answer::tableId).toList());
    assertEquals(List.of(true, false, true), r.stream().map(TablesAtSlot.Answer::available).toList());
    assertEquals("already booked for this slot", r.get(1).reason());
    assertEquals(1, f.bookings.frees.size());
    assertEquals(Set.of(TABLE, TABLE_2), Set.copyOf(f.bookings.frees.get(0).tableIds()));
    assertEquals(2, f.bookings.frees.get(0).tableIds().size(), "each table asked once");
  }

  @Test
  void aClosedSlotMakesEveryTableUnavailableWithoutAskingTheBookingService() {
    List<TablesAtSlot.Answer> r = succeeded(checkTables(HOST_A, tables(TABLE).setSlot(slot(DATE, "23:30", 60))));
    assertFalse(r.get(0).available());
    assertFalse(r.get(0).reason().isEmpty());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aTableOfAnotherVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> checkTables(HOST_A, tables(TABLE, MISSING)));
    assertEquals("table " + MISSING + " not found in this venue", e.getMessage());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void betweenOneAndFiveHundredWellFormedTableIds() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> checkTables(HOST_A, tables()));
    String[] many = Collections.nCopies(AvailabilityUseCases.MAX_TABLE_IDS + 1, TABLE).toArray(String[]::new);
    failed(ErrorCode.INVALID_ARGUMENT, () -> checkTables(HOST_A, tables(many)));
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> checkTables(HOST_A, tables(TABLE, "nope")));
    assertTrue(e.getMessage().startsWith("table_ids[1]"), e.getMessage());
    failed(ErrorCode.INVALID_ARGUMENT, () -> checkTables(HOST_A, tables(TABLE).clearSlot()));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void whenTheBookingServiceCannotAnswerCheckTablesFails() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, checkTables(HOST_A, tables(TABLE)));
  }
}
