package io.booker.venue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.SlotCheck.Verdict;
import io.booker.venue.domain.seating.Combination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Table combinations in availability ({@link AvailabilityPlanner}) and in a booking ({@link TableChoice}). */
class CombinationOffersTest {

  private static final Instant START = Instant.parse("2031-06-01T17:00:00Z");
  private static final SlotCheck OPEN = new SlotCheck(Verdict.OPEN, "", START, START.plusSeconds(7200));
  private static final UUID ROOM = UUID.fromString("c0000000-0000-4000-8000-000000000001");
  private static final UUID TERRACE = UUID.fromString("c0000000-0000-4000-8000-000000000002");

  // Main room: three four-tops that cannot merge, two mergeable two-tops, a ten-top.
  private static final TableCandidate T1 = table(1, ROOM, "T1", 4, false);
  private static final TableCandidate T2 = table(2, ROOM, "T2", 4, false);
  private static final TableCandidate T3 = table(3, ROOM, "T3", 4, false);
  private static final TableCandidate P1 = table(4, ROOM, "P1", 2, true);
  private static final TableCandidate P2 = table(5, ROOM, "P2", 2, true);
  private static final TableCandidate BIG = table(6, TERRACE, "BIG", 10, false);
  private static final List<TableCandidate> ALL = List.of(T1, T2, T3, P1, P2, BIG);

  /** T1+T2+T3 seats 7 to 10; T1+T2 seats 5 to 8; P1+P2 (also a mergeable pair) seats 3 to 4. */
  private static final Combination THREE = combination(1, 7, 10, T1, T2, T3);
  private static final Combination TWO = combination(2, 5, 8, T1, T2);
  private static final Combination PAIR = combination(3, 3, 4, P1, P2);
  private static final List<Combination> COMBINATIONS = List.of(THREE, TWO, PAIR);

  private static TableCandidate table(int n, UUID room, String name, int capacity, boolean canMerge) {
    return new TableCandidate(String.format("d0000000-0000-4000-8000-%012d", n), room.toString(), name, capacity, canMerge);
  }

  private static Combination combination(int n, int min, int max, TableCandidate... tables) {
    List<UUID> ids = new ArrayList<>();
    for (TableCandidate t : tables) {
      ids.add(UUID.fromString(t.tableId()));
    }
    return new Combination(UUID.fromString(String.format("f0000000-0000-4000-8000-%012d", n)), ROOM, ids, min, max);
  }

  private static Set<String> freeExcept(TableCandidate... booked) {
    Set<String> free = new HashSet<>();
    ALL.forEach(t -> free.add(t.tableId()));
    for (TableCandidate t : booked) {
      free.remove(t.tableId());
    }
    return free;
  }

  /** "T1+T2+T3" (a combination), "P1&P2" (a mergeable pair), "BIG" for available entries, "-T1" for unavailable ones. */
  private static List<String> summary(List<TableOffer> offers) {
    List<String> out = new ArrayList<>();
    for (TableOffer o : offers) {
      String name = o.combination() ? o.names() : o.table().name() + (o.merged() ? "&" + o.mergedWith().name() : "");
      out.add(o.available() ? name : "-" + name);
    }
    return out;
  }

  @Test
  void aCombinationThatSeatsThePartyIsOfferedAsOneOptionSmallestFirstWithTheSingleTables() {
    List<TableOffer> offers = AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(), 7, OPEN);
    assertEquals(List.of("T1+T2", "BIG", "T1+T2+T3", "-P1", "-P2"), summary(offers),
        "T1+T2 seats up to 8, BIG 10, T1+T2+T3 also 10 but with three tables");
    TableOffer two = offers.get(0);
    assertEquals(TWO.id().toString(), two.combinationId());
    assertEquals(List.of(T1, T2), two.tables());
    assertEquals(T1, two.table());
    assertEquals(8, two.seats());
    assertEquals("combination T1+T2 (seats 5 to 8)", two.reason());
  }

  @Test
  void aCombinationIsOfferedOnlyWhenEveryTableOfItIsFree() {
    assertEquals(List.of("BIG", "-P1", "-P2", "-T1", "-T2", "-T3"),
        summary(AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(T2), 7, OPEN)));
    assertEquals(List.of("T1+T2", "BIG", "-P1", "-P2", "-T3"),
        summary(AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(T3), 7, OPEN)));
  }

  @Test
  void aPartyOutsideTheCombinationsSizesIsNotOfferedIt() {
    assertEquals(List.of("BIG", "T1+T2+T3", "-P1", "-P2"),
        summary(AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(), 9, OPEN)), "T1+T2 seats at most 8");
    assertTrue(AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(), 11, OPEN).stream().noneMatch(TableOffer::available),
        "nothing seats 11");
    assertEquals(List.of("BIG", "-P1", "-P2", "-T1", "-T2", "-T3"),
        summary(AvailabilityPlanner.plan(ALL, List.of(THREE), freeExcept(), 6, OPEN)), "a party of 6 is below T1+T2+T3's 7");
  }

  @Test
  void aMergeablePairThatIsAlsoACombinationIsOfferedOnceAsTheCombination() {
    List<TableOffer> offers = AvailabilityPlanner.plan(ALL, COMBINATIONS, freeExcept(T1, T2, T3, BIG), 4, OPEN);
    assertEquals(List.of("P1+P2", "-BIG", "-T1", "-T2", "-T3"), summary(offers));
    assertEquals(PAIR.id().toString(), offers.get(0).combinationId());
  }

  @Test
  void withoutCombinationsThePlanIsTheOneOfBefore() {
    Set<String> free = freeExcept(BIG);
    assertEquals(summary(AvailabilityPlanner.plan(ALL, free, 4, OPEN)), summary(AvailabilityPlanner.plan(ALL, List.of(), free, 4, OPEN)));
    assertEquals(List.of("P1&P2", "-BIG", "-T1", "-T2", "-T3"),
        summary(AvailabilityPlanner.plan(ALL, List.of(), freeExcept(T1, T2, T3, BIG), 4, OPEN)));
  }

  // ---- booking a combination

  private static Map<String, TableCandidate> byId() {
    Map<String, TableCandidate> out = new HashMap<>();
    ALL.forEach(t -> out.put(t.tableId(), t));
    return out;
  }

  @Test
  void aBookingOnACombinationTakesEveryTableInItsOrder() {
    TableChoice choice = TableChoice.of(byId(), THREE, 8);
    assertEquals(List.of(T1, T2, T3), choice.tables());
    assertEquals(10, choice.seats());
  }

  @Test
  void aPartyOutsideTheSizesIsRefusedNamingPartySize() {
    ServiceException e = assertThrows(ServiceException.class, () -> TableChoice.of(byId(), THREE, 6));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("party_size: combination T1+T2+T3 seats 7 to 10, not a party of 6", e.getMessage());
    assertThrows(ServiceException.class, () -> TableChoice.of(byId(), THREE, 11));
  }

  @Test
  void aTableThatLeftTheRoomIsRefusedNamingTheCombination() {
    Map<String, TableCandidate> tables = byId();
    tables.remove(T3.tableId());
    ServiceException e = assertThrows(ServiceException.class, () -> TableChoice.of(tables, THREE, 8));
    assertTrue(e.getMessage().startsWith("combination_id: "), e.getMessage());
    Map<String, TableCandidate> moved = byId();
    moved.put(T3.tableId(), new TableCandidate(T3.tableId(), TERRACE.toString(), "T3", 4, false));
    assertThrows(ServiceException.class, () -> TableChoice.of(moved, THREE, 8));
  }
}
