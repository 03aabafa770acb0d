package io.booker.venue.domain.seating;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CombinationTest {

  private static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
  private static final UUID T1 = table(1);
  private static final UUID T2 = table(2);
  private static final UUID T3 = table(3);

  private static UUID table(int n) {
    return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
  }

  private static Combination combo(String id, int min, int max, UUID... tables) {
    return new Combination(UUID.fromString("00000000-0000-0000-0001-" + id), ROOM,
        Arrays.asList(tables), min, max);
  }

  @Test
  void keepsTheTablesInTheManagersOrder() {
    Combination c = combo("000000000001", 7, 10, T3, T1, T2);
    assertEquals(List.of(T3, T1, T2), c.tableIds());
    assertTrue(c.uses(T1));
    assertFalse(c.uses(table(4)));
  }

  @Test
  void seatsPartiesFromMinToMaxInclusive() {
    Combination c = combo("000000000001", 7, 10, T1, T2);
    assertFalse(c.seats(6));
    assertTrue(c.seats(7));
    assertTrue(c.seats(10));
    assertFalse(c.seats(11));
  }

  @Test
  void needsTwoToEightDifferentTables() {
    assertInvalid("table_ids", () -> combo("000000000001", 2, 4, T1));
    assertInvalid("table_ids", () -> new Combination(UUID.randomUUID(), ROOM, null, 2, 4));
    UUID[] nine = IntStream.rangeClosed(1, 9).mapToObj(CombinationTest::table).toArray(UUID[]::new);
    assertInvalid("table_ids", () -> combo("000000000001", 2, 4, nine));
    assertEquals(8, combo("000000000001", 2, 4, Arrays.copyOf(nine, 8)).tableIds().size());
    var repeated = assertInvalid("table_ids[2]", () -> combo("000000000001", 2, 4, T1, T2, T1));
    assertEquals("table_ids[2]: repeats table " + T1, repeated.getMessage());
    assertInvalid("table_ids[1]", () -> combo("000000000001", 2, 4, T1, null));
  }

  @Test
  void partySizesAreOneToAHundredAndMinAtMostMax() {
    assertInvalid("min_party_size", () -> combo("000000000001", 0, 4, T1, T2));
    assertInvalid("max_party_size", () -> combo("000000000001", 2, 101, T1, T2));
    assertInvalid("min_party_size", () -> combo("000000000001", 5, 4, T1, T2));
    assertEquals(4, combo("000000000001", 4, 4, T1, T2).minPartySize());
  }

  @Test
  void fittingOffersTheSmallestFirstThenFewerTablesThenById() {
    Combination big = combo("000000000001", 6, 12, T1, T2, T3);
    Combination threeOfTen = combo("000000000002", 5, 10, T1, T2, T3);
    Combination twoOfTenB = combo("00000000000b", 4, 10, T2, T3);
    Combination twoOfTenA = combo("00000000000a", 4, 10, T1, T2);
    Combination small = combo("000000000003", 2, 4, T1, T2);
    List<Combination> all = List.of(big, threeOfTen, twoOfTenB, small, twoOfTenA);
    assertEquals(List.of(twoOfTenA, twoOfTenB, threeOfTen, big), Combination.fitting(all, 6));
    assertEquals(List.of(small, twoOfTenA, twoOfTenB), Combination.fitting(all, 4));
    assertEquals(List.of(), Combination.fitting(all, 13));
  }
}
