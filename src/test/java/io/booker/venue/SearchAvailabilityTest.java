package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.SlotSearch;
import io.booker.venue.domain.seating.BookedStart;
import io.booker.venue.domain.seating.PacingText;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.booker.venue.domain.seating.ServicePeriodText;
import io.booker.venue.domain.seating.TurnTimeText;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The closest times a party can be seated: candidates around the preferred time, each decided in
 * memory from one snapshot per day and one occupancy call for the whole span. Venue A (Paris, open
 * 12:00-23:00 every day, T1 for 4 and T2 for 2, both mergeable) on {@link Fakes#DATE} (UTC+2).
 */
class SearchAvailabilityTest {

  private final Fakes f = new Fakes();

  private Future<List<SlotSearch.Option>> search(int party, String time, int window, int days, int limit) {
    return f.free.search(ADMIN, A, party, DATE, time, window, days, 0, limit);
  }

  private static List<String> starts(List<SlotSearch.Option> options) {
    return options.stream().map(o -> o.date() + " " + o.start()).toList();
  }

  private void rules(SeatingRules rules) {
    UUID a = UUID.fromString(A);
    AvailabilitySnapshot plain = f.availability.venues.get(a);
    f.availability.venues.put(a, new AvailabilitySnapshot(plain.zone(), plain.weekly(), plain.specialDays(), plain.tables(), rules));
  }

  /** T1 (the only table for 4) taken 19:00-21:00 Paris. */
  private void t1TakenAtSeven() {
    f.bookings.taken.add(new SlotSearch.Taken(TABLE, Instant.parse("2031-06-01T17:00:00Z"), Instant.parse("2031-06-01T19:00:00Z")));
  }

  @Test
  void theClosestFreeStartsComeFirstThenTheEarlier() {
    t1TakenAtSeven();
    List<SlotSearch.Option> found = succeeded(search(4, "19:00", 120, 1, 4));
    // 120-minute slots on T1 must end by 19:00 or start at 21:00; the pair T1+T2 is taken with T1.
    assertEquals(List.of(DATE + " 17:00", DATE + " 21:00"), starts(found));
    assertEquals(120, found.get(0).distanceMinutes());
    assertEquals(TABLE, found.get(0).offer().table().tableId());
  }

  @Test
  void aFreeSlotAtThePreferredTimeIsFirstAndSmallestTableWins() {
    List<SlotSearch.Option> found = succeeded(search(2, "19:00", 30, 1, 3));
    assertEquals(List.of(DATE + " 19:00", DATE + " 18:45", DATE + " 19:15"), starts(found));
    assertEquals(TABLE_2, found.get(0).offer().table().tableId(), "the table for 2 before the table for 4");
    assertEquals(0, found.get(0).distanceMinutes());
  }

  @Test
  void theCostIsOneSnapshotPerDayAndOneOccupancyCallWhateverTheCandidates() {
    succeeded(search(2, "19:00", 720, 3, 50));
    assertEquals(3, f.availability.reads.size(), "one snapshot per day searched");
    assertEquals(1, f.bookings.occupancies.size(), "one call to the booking service for the whole span");
    assertTrue(f.bookings.frees.isEmpty(), "no availability call per candidate");
  }

  @Test
  void servicePeriodsGiveTheCandidatesTurnTimesTheDurationAndPacingIsRespected() {
    rules(SeatingRules.parse(new SeatingRulesText(List.of(new TurnTimeText(2, 90, List.of(), null)),
      List.of(new ServicePeriodText("Dinner", List.of(0, 1, 2, 3, 4, 5, 6), "18:00", "22:00", "21:00", 30, new PacingText(30, 1, null))),
      null)));
    // One party already starts at 19:00: the 19:00-19:30 interval is full.
    f.bookings.starts.add(new BookedStart(Instant.parse("2031-06-01T17:10:00Z"), 2));
    List<SlotSearch.Option> found = succeeded(search(2, "19:00", 120, 1, 10));
    assertEquals(List.of(DATE + " 18:30", DATE + " 19:30", DATE + " 18:00", DATE + " 20:00", DATE + " 20:30", DATE + " 21:00"),
      starts(found));
    assertTrue(found.stream().allMatch(o -> o.durationMinutes() == 90), "the turn time for 2");
  }

  @Test
  void severalDaysAreSearchedAndEachDayHasItsOwnPreferredTime() {
    // Window 0: the default two hours. The preferred time on each day comes before any other time.
    List<SlotSearch.Option> found = succeeded(search(2, "13:00", 0, 3, 5));
    assertEquals(List.of(DATE + " 13:00", "2031-06-02 13:00", "2031-06-03 13:00", DATE + " 12:45", DATE + " 13:15"), starts(found));
  }

  @Test
  void nothingOutsideTheHoursOrInThePast() {
    List<SlotSearch.Option> found = succeeded(search(2, "12:00", 120, 1, 50));
    assertTrue(found.stream().allMatch(o -> !o.start().isBefore(LocalTime.of(12, 0))), starts(found)::toString);
    assertTrue(found.stream().allMatch(o -> !o.start().plusMinutes(o.durationMinutes()).isAfter(LocalTime.of(23, 0))
      || o.start().isBefore(LocalTime.of(12, 0))), starts(found)::toString);
  }

  @Test
  void requestsAreCheckedBeforeAnythingIsRead() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.search(ADMIN, A, 0, DATE, "19:00", 0, 0, 0, 0));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.search(ADMIN, A, 2, DATE, "19:00", 721, 0, 0, 0));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.search(ADMIN, A, 2, DATE, "19:00", 0, 8, 0, 0));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.search(ADMIN, A, 2, DATE, "19:00", 0, 0, 0, 51));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.free.search(ADMIN, A, 2, "June 1", "19:00", 0, 0, 0, 0));
    failed(ErrorCode.NOT_FOUND, () -> f.free.search(HOST_B, A, 2, DATE, "19:00", 0, 0, 0, 0));
    assertTrue(f.availability.reads.isEmpty());
    assertTrue(f.bookings.untouched());
  }
}
