package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.WeeklyHours;
import io.booker.venue.domain.seating.Combination;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/** Availability and ResolveBookingSlot with table combinations: still one read and at most one call to bookings. */
class CombinationAvailabilityTest {

  static final String TABLE_3 = "d0000000-0000-4000-8000-000000000003";
  static final String TABLE_4 = "d0000000-0000-4000-8000-000000000004";
  static final UUID THREE = UUID.fromString("f0000000-0000-4000-8000-000000000001");
  static final UUID OTHER = UUID.fromString("f0000000-0000-4000-8000-000000000002");
  private static final SlotText EVENING = new SlotText(DATE, "19:00", 120);

  private final Fakes f = new Fakes();

  CombinationAvailabilityTest() {
    List<DayRange> week = new ArrayList<>();
    for (int day = 0; day <= 6; day++) {
      week.add(new DayRange(day, new OpeningRange(LocalTime.of(12, 0), LocalTime.of(23, 0))));
    }
    // Four tables that cannot merge; T1+T2+T3 seats 7 to 10, T3+T4 seats 5 to 6 (many combinations: one read).
    List<TableCandidate> tables = List.of(new TableCandidate(TABLE, ROOM, "T1", 4, false), new TableCandidate(TABLE_2, ROOM, "T2", 2, false),
      new TableCandidate(TABLE_3, ROOM, "T3", 4, false), new TableCandidate(TABLE_4, ROOM, "T4", 2, false));
    List<Combination> combinations = List.of(
      new Combination(THREE, UUID.fromString(ROOM), List.of(UUID.fromString(TABLE), UUID.fromString(TABLE_2), UUID.fromString(TABLE_3)), 7, 10),
      new Combination(OTHER, UUID.fromString(ROOM), List.of(UUID.fromString(TABLE_3), UUID.fromString(TABLE_4)), 5, 6));
    f.availability.venues.put(UUID.fromString(A), new AvailabilitySnapshot(ZoneId.of(ZONE), WeeklyHours.of(week), List.of(), tables,
      combinations));
  }

  private Future<List<TableOffer>> check(int party) {
    return call(() -> f.free.checkAvailability(HOST_A, A, EVENING, party, false, 0));
  }

  private Future<ResolvedSlot> resolve(String combination, TableRefText table, int party) {
    return call(() -> f.free.resolveBookingSlot(HOST_A, A, table, null, combination, EVENING, party));
  }

  @Test
  void aCombinationIsOfferedWithOneReadAndOneCallToBookingsThatAsksForItsTables() {
    List<TableOffer> offers = succeeded(check(8));
    assertEquals(1, f.availability.reads.size());
    assertEquals(1, f.bookings.frees.size(), "one call for every table of every fitting combination");
    assertEquals(Set.of(TABLE, TABLE_2, TABLE_3), Set.copyOf(f.bookings.frees.get(0).tableIds()),
      "T4 is in no combination that seats 8 and too small alone");
    assertEquals(1, offers.size());
    assertEquals(THREE.toString(), offers.get(0).combinationId());
    assertEquals(List.of("T1", "T2", "T3"), offers.get(0).tables().stream().map(TableCandidate::name).toList());
  }

  @Test
  void aCombinationWithABookedTableIsNotOffered() {
    f.bookings.busy.add(TABLE_2);
    assertTrue(succeeded(check(8)).isEmpty());
    assertEquals(1, f.bookings.frees.size());
  }

  @Test
  void aBookingOnACombinationResolvesEveryTableInOneReadWithoutAskingBookings() {
    ResolvedSlot r = succeeded(resolve(THREE.toString(), null, 7));
    assertEquals(List.of("T1", "T2", "T3"), r.tables().stream().map(TableCandidate::name).toList());
    assertEquals(THREE.toString(), r.combinationId());
    assertEquals(10, r.capacity(), "what the combination seats");
    assertEquals(List.of(new FakeAvailabilityReads.Read(UUID.fromString(A), java.time.LocalDate.parse(DATE), Set.of("combination " + THREE))),
      f.availability.reads);
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aPartyOutsideTheCombinationsSizesIsAnInvalidPartySize() {
    var e = failed(ErrorCode.INVALID_ARGUMENT, resolve(THREE.toString(), null, 6));
    assertEquals("party_size: combination T1+T2+T3 seats 7 to 10, not a party of 6", e.getMessage());
  }

  @Test
  void anUnknownCombinationIsNotFoundAndOneWithATableIsRefused() {
    failed(ErrorCode.NOT_FOUND, resolve(MISSING, null, 7));
    var both = failed(ErrorCode.INVALID_ARGUMENT, resolve(THREE.toString(), new TableRefText(TABLE, ""), 7));
    assertTrue(both.getMessage().startsWith("combination_id: "), both.getMessage());
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, resolve("three", null, 7)).getMessage().startsWith("combination_id: "));
  }

  @Test
  void anotherVenuesCallerLearnsNothingOfTheCombination() {
    failed(ErrorCode.NOT_FOUND, call(() -> f.free.resolveBookingSlot(HOST_B, A, null, null, THREE.toString(), EVENING, 7)));
    assertTrue(f.availability.reads.isEmpty());
  }
}
