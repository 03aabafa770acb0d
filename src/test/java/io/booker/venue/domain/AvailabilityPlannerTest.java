package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.venue.domain.SlotCheck.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvailabilityPlannerTest {

  private static final Instant START = Instant.parse("2025-06-03T17:00:00Z");
  private static final SlotCheck OPEN =
      new SlotCheck(Verdict.OPEN, "", START, START.plusSeconds(7200));

  // Room A: two two-tops and a four-top that can be pushed together, an eight-top that cannot.
  private static final TableCandidate A1 = new TableCandidate("a1", "A", "A1", 2, true);
  private static final TableCandidate A2 = new TableCandidate("a2", "A", "A2", 2, true);
  private static final TableCandidate A4 = new TableCandidate("a4", "A", "A4", 4, true);
  private static final TableCandidate A8 = new TableCandidate("a8", "A", "A8", 8, false);
  // Room B: a four-top and a six-top that can be pushed together.
  private static final TableCandidate B4 = new TableCandidate("b4", "B", "B4", 4, true);
  private static final TableCandidate B6 = new TableCandidate("b6", "B", "B6", 6, true);
  private static final List<TableCandidate> ALL = List.of(A8, B6, A1, B4, A4, A2);

  private static Set<String> freeExcept(String... booked) {
    Set<String> free = ALL.stream().map(TableCandidate::tableId).collect(Collectors.toSet());
    for (String id : booked) {
      free.remove(id);
    }
    return free;
  }

  private static List<TableOffer> plan(int party, Set<String> free) {
    return AvailabilityPlanner.plan(ALL, free, party, OPEN);
  }

  /** "A1" / "A1+A2" for available entries, "-A1" for unavailable ones. */
  private static List<String> summary(List<TableOffer> offers) {
    List<String> out = new ArrayList<>();
    for (TableOffer o : offers) {
      String name = o.table().name() + (o.merged() ? "+" + o.mergedWith().name() : "");
      out.add(o.available() ? name : "-" + name);
    }
    return out;
  }

  private static TableOffer offerFor(List<TableOffer> offers, String name) {
    return offers.stream().filter(o -> o.table().name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void rejectsPartySizesOutsideOneToHundred(int party) {
    assertInvalid("party_size", () -> plan(party, freeExcept()));
  }

  @Test
  void partyOfOneGetsEveryTableSmallestFirst() {
    List<TableOffer> offers = plan(1, freeExcept());
    assertEquals(List.of("A1", "A2", "A4", "B4", "B6", "A8"), summary(offers));
    for (TableOffer o : offers) {
      assertEquals("", o.reason());
      assertNull(o.mergedWith());
      assertEquals(o.table().capacity(), o.seats());
    }
  }

  @Test
  void partyOfTwoGetsTheTwoTopBeforeTheEightTop() {
    List<TableOffer> offers = plan(2, freeExcept());
    assertEquals("A1", offers.get(0).table().name());
    assertEquals("A8", offers.get(offers.size() - 1).table().name());
  }

  @Test
  void tablesTooSmallAreListedAfterwardsWithTheirCapacity() {
    List<TableOffer> offers = plan(5, freeExcept());
    assertEquals(List.of("B6", "A8", "-A1", "-A2", "-A4", "-B4"), summary(offers));
    assertEquals("capacity 4 is less than party of 5", offerFor(offers, "B4").reason());
    assertEquals("capacity 2 is less than party of 5", offerFor(offers, "A1").reason());
  }

  @Test
  void noMergingWhileASingleTableFits() {
    List<TableOffer> offers = plan(7, freeExcept());
    assertEquals(List.of("A8", "-A1", "-A2", "-A4", "-B4", "-B6"), summary(offers));
    assertTrue(offers.stream().noneMatch(TableOffer::merged));
  }

  @Test
  void bookedTablesAreExcluded() {
    List<TableOffer> offers = plan(2, freeExcept("a1"));
    assertEquals(List.of("A2", "A4", "B4", "B6", "A8", "-A1"), summary(offers));
    assertEquals("already booked for this slot", offerFor(offers, "A1").reason());
  }

  @Test
  void tooSmallIsTheReasonEvenWhenAlsoBooked() {
    List<TableOffer> offers = plan(5, freeExcept("a1", "b6"));
    assertEquals("capacity 2 is less than party of 5", offerFor(offers, "A1").reason());
    assertEquals("already booked for this slot", offerFor(offers, "B6").reason());
  }

  @Test
  void mergesPairsInTheSameRoomOnlyWhenNoSingleTableFits() {
    // Nine: no single table; A's mergeable tables add up to 8 at most; B4+B6 = 10.
    // A4+B6 would be 10 too, but they stand in different rooms.
    List<TableOffer> offers = plan(9, freeExcept());
    assertEquals(List.of("B4+B6", "-A1", "-A2", "-A4", "-A8"), summary(offers));
    TableOffer pair = offers.get(0);
    assertTrue(pair.available());
    assertEquals(B6, pair.mergedWith());
    assertEquals(10, pair.seats());
    assertEquals("merged with B6 (total capacity 10)", pair.reason());
  }

  @Test
  void mergesWhenTheFittingSingleTablesAreBooked() {
    // Five: B6 and A8 would fit but are booked; pairs of free mergeable tables per room.
    List<TableOffer> offers = plan(5, freeExcept("b6", "a8"));
    assertEquals(List.of("A1+A4", "A2+A4", "-A8", "-B4", "-B6"), summary(offers));
    assertEquals("merged with A4 (total capacity 6)", offers.get(0).reason());
    assertEquals("already booked for this slot", offerFor(offers, "A8").reason());
  }

  @Test
  void tablesThatCannotMergeAreNeverPaired() {
    List<TableCandidate> tables = List.of(
        new TableCandidate("x", "R", "X", 4, false), new TableCandidate("y", "R", "Y", 4, true),
        new TableCandidate("z", "R", "Z", 4, true));
    List<TableOffer> offers = AvailabilityPlanner.plan(tables, Set.of("x", "y", "z"), 8, OPEN);
    assertEquals(List.of("Y+Z", "-X"), summary(offers));
  }

  @Test
  void bookedTablesAreNeverPaired() {
    List<TableOffer> offers = plan(10, freeExcept("b4"));
    assertEquals(List.of("-A1", "-A2", "-A4", "-A8", "-B4", "-B6"), summary(offers));
    assertEquals("capacity 4 is less than party of 10", offerFor(offers, "B4").reason());
  }

  @Test
  void pairsOrderedByTotalCapacityThenNames() {
    List<TableCandidate> tables = List.of(
        new TableCandidate("t4", "R", "T4", 4, true), new TableCandidate("t3", "R", "T3", 3, true),
        new TableCandidate("t2", "R", "T2", 2, true), new TableCandidate("u3", "R", "U3", 3, true));
    List<TableOffer> offers =
        AvailabilityPlanner.plan(tables, Set.of("t2", "t3", "t4", "u3"), 5, OPEN);
    assertEquals(List.of("T2+T3", "T2+U3", "T2+T4", "T3+U3", "T3+T4", "T4+U3"),
        summary(offers));
    List<Integer> seats = offers.stream().map(TableOffer::seats).collect(Collectors.toList());
    assertEquals(List.of(5, 5, 6, 6, 7, 7), seats);
  }

  @Test
  void eachPairOnce() {
    List<TableCandidate> tables = new ArrayList<>();
    Set<String> free = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      tables.add(new TableCandidate("t" + i, "R", "T" + i, 3, true));
      free.add("t" + i);
    }
    List<TableOffer> offers = AvailabilityPlanner.plan(tables, free, 6, OPEN);
    assertEquals(15, offers.size()); // 6 choose 2, every table appears in a pair
    Set<String> pairs = new HashSet<>();
    for (TableOffer o : offers) {
      assertTrue(o.available());
      assertTrue(o.table().name().compareTo(o.mergedWith().name()) < 0);
      assertTrue(pairs.add(o.table().tableId() + "+" + o.mergedWith().tableId()));
    }
  }

  @Test
  void partyBiggerThanAnyTableOrPair() {
    List<TableOffer> offers = plan(100, freeExcept());
    assertEquals(ALL.size(), offers.size());
    assertTrue(offers.stream().noneMatch(TableOffer::available));
    assertEquals("capacity 8 is less than party of 100", offerFor(offers, "A8").reason());
  }

  @Test
  void closedSlotMakesEveryTableUnavailableWithTheSlotsReason() {
    SlotCheck closed = new SlotCheck(Verdict.CLOSED_DAY, "venue is closed on 2025-12-25", START,
        START.plusSeconds(3600));
    List<TableOffer> offers = AvailabilityPlanner.plan(ALL, freeExcept(), 9, closed);
    assertEquals(List.of("-A1", "-A2", "-A4", "-A8", "-B4", "-B6"), summary(offers));
    offers.forEach(o -> assertEquals("venue is closed on 2025-12-25", o.reason()));
  }

  @Test
  void pastSlotMakesEveryTableUnavailable() {
    SlotCheck past = new SlotCheck(Verdict.IN_THE_PAST, "in the past", START, START);
    List<TableOffer> offers = AvailabilityPlanner.plan(ALL, freeExcept(), 2, past);
    assertTrue(offers.stream().noneMatch(TableOffer::available));
    offers.forEach(o -> assertEquals("in the past", o.reason()));
  }

  @Test
  void orderDoesNotDependOnInputOrder() {
    List<TableCandidate> shuffled = new ArrayList<>(ALL);
    Collections.reverse(shuffled);
    for (int party : new int[] {1, 2, 5, 9}) {
      assertEquals(summary(plan(party, freeExcept("a2"))),
          summary(AvailabilityPlanner.plan(shuffled, freeExcept("a2"), party, OPEN)));
    }
  }

  @Test
  void equalCapacityAndNameFallBackToId() {
    List<TableCandidate> tables = List.of(new TableCandidate("id-2", "R", "Window", 2, false),
        new TableCandidate("id-1", "R", "Window", 2, false));
    List<TableOffer> offers = AvailabilityPlanner.plan(tables, Set.of("id-1", "id-2"), 2, OPEN);
    assertEquals("id-1", offers.get(0).table().tableId());
  }

  @Test
  void noTables() {
    assertTrue(AvailabilityPlanner.plan(List.of(), Set.of(), 4, OPEN).isEmpty());
  }

  @Test
  void unknownFreeIdsAreIgnored() {
    List<TableOffer> offers = AvailabilityPlanner.plan(List.of(A1), Set.of("nope"), 2, OPEN);
    assertEquals(List.of("-A1"), summary(offers));
    assertFalse(offers.get(0).available());
  }

  @Test
  void manyTablesStayQuick() {
    List<TableCandidate> tables = new ArrayList<>();
    Set<String> free = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tables.add(new TableCandidate("t" + i, "R" + (i % 2), String.format("T%04d", i),
          1 + i % 6, true));
      free.add("t" + i);
    }
    List<TableOffer> offers = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> AvailabilityPlanner.plan(tables, free, 12, OPEN));
    // Only two six-tops make twelve; they are the tables i = 5 mod 6, all odd, all in room R1.
    assertTrue(offers.stream().allMatch(o -> !o.available() || o.seats() == 12));
    assertEquals(166 * 165 / 2, offers.stream().filter(TableOffer::available).count());
    assertEquals(6, offers.get(0).table().capacity());
  }
}
