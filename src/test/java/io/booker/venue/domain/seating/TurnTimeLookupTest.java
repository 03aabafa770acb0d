package io.booker.venue.domain.seating;

import static io.booker.venue.domain.seating.SeatingDocs.EVERY_DAY;
import static io.booker.venue.domain.seating.SeatingDocs.period;
import static io.booker.venue.domain.seating.SeatingDocs.rules;
import static io.booker.venue.domain.seating.SeatingDocs.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurnTimeLookupTest {

  private static final int MONDAY = 1;
  private static final int FRIDAY = 5;
  private static final int SATURDAY = 6;

  /**
   * General: up to 2 90 min, 4 120, 6 150, larger 180. Saturdays: up to 2 75. Dinner: up to 4 135.
   * Friday dinner: every party 200.
   */
  private static final SeatingRules RULES = rules(
      List.of(
          turn(2, 90), turn(4, 120), turn(6, 150), turn(null, 180),
          turn(2, 75, List.of(SATURDAY), null),
          turn(4, 135, null, "dinner"),
          turn(null, 200, List.of(FRIDAY), "Dinner")),
      List.of(
          period("Lunch", EVERY_DAY, "12:00", "15:00", "14:00"),
          period("Dinner", EVERY_DAY, "18:00", "02:00", "23:30")),
      null);

  private static int minutes(int party, int weekday, String period) {
    OptionalInt found = RULES.turnMinutes(party, weekday, period);
    assertTrue(found.isPresent(), "a row fits a party of " + party);
    return found.getAsInt();
  }

  @ParameterizedTest(name = "a party of {0} keeps its table {1} minutes")
  @CsvSource({"1, 90", "2, 90", "3, 120", "4, 120", "5, 150", "6, 150", "7, 180", "100, 180"})
  void picksTheSmallestRowThatSeatsTheParty(int party, int expected) {
    assertEquals(expected, minutes(party, MONDAY, null));
  }

  @Test
  void aWeekdayRowBeatsTheGeneralRowsForThePartiesItSeats() {
    assertEquals(75, minutes(2, SATURDAY, null));
    // The Saturday rows stop at 2: larger parties fall back to the general rows.
    assertEquals(120, minutes(3, SATURDAY, null));
    assertEquals(90, minutes(2, FRIDAY, null));
  }

  @Test
  void aPeriodRowBeatsAWeekdayRow() {
    assertEquals(135, minutes(2, SATURDAY, "Dinner"));
    assertEquals(135, minutes(4, MONDAY, "Dinner"));
    assertEquals(150, minutes(5, MONDAY, "Dinner"));
  }

  @Test
  void aPeriodAndWeekdayRowBeatsEverything() {
    assertEquals(200, minutes(1, FRIDAY, "Dinner"));
    assertEquals(200, minutes(40, FRIDAY, "Dinner"));
  }

  @Test
  void periodRowsHoldOnlyInTheirPeriod() {
    assertEquals(90, minutes(2, MONDAY, "Lunch"));
    assertEquals(75, minutes(2, SATURDAY, "Lunch"));
    assertEquals(90, minutes(2, FRIDAY, null));
  }

  @Test
  void storesTheReferencedPeriodWithItsOwnSpelling() {
    assertEquals("Dinner", RULES.turnTimes().get(5).period());
  }

  @Test
  void noRowFitsWithoutRulesOrBeyondTheLargestRow() {
    assertEquals(OptionalInt.empty(), SeatingRules.NONE.turnMinutes(2, MONDAY, null));
    SeatingRules small = rules(List.of(turn(2, 90), turn(4, 120)), null, null);
    assertEquals(OptionalInt.of(120), small.turnMinutes(4, MONDAY, null));
    assertEquals(OptionalInt.empty(), small.turnMinutes(5, MONDAY, null));
    SeatingRules dinnerOnly = rules(List.of(turn(null, 150, null, "Dinner")),
        List.of(period("Dinner", EVERY_DAY, "18:00", "23:00", "21:00")), null);
    assertEquals(OptionalInt.empty(), dinnerOnly.turnMinutes(2, MONDAY, null));
    assertEquals(OptionalInt.of(150), dinnerOnly.turnMinutes(2, MONDAY, "Dinner"));
  }

  @Test
  void aStartFindsItsPeriodAndThePeriodsDayForTheLookup() {
    LocalDate friday = LocalDate.of(2026, 1, 9);
    LocalDate saturday = friday.plusDays(1);
    assertEquals(OptionalInt.of(200), RULES.turnMinutes(2, friday, LocalTime.of(19, 0)));
    // 00:30 on Saturday is still Friday's dinner.
    assertEquals(OptionalInt.of(200), RULES.turnMinutes(2, saturday, LocalTime.of(0, 30)));
    // 02:00 is after Friday's dinner and before anything on Saturday: Saturday's general rows.
    assertEquals(OptionalInt.of(75), RULES.turnMinutes(2, saturday, LocalTime.of(2, 0)));
    assertEquals(OptionalInt.of(135), RULES.turnMinutes(2, saturday, LocalTime.of(18, 0)));
  }

  @Test
  void docsSeatingMdExampleAnswersAsDocumented() {
    SeatingRules rules = rules(
        List.of(turn(2, 90), turn(4, 120), turn(null, 180), turn(2, 75, List.of(SATURDAY), null),
            turn(4, 135, null, "Dinner")),
        List.of(period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30")), null);
    assertEquals(OptionalInt.of(75), rules.turnMinutes(2, SATURDAY, null));
    assertEquals(OptionalInt.of(120), rules.turnMinutes(3, SATURDAY, null));
    assertEquals(OptionalInt.of(135), rules.turnMinutes(3, MONDAY, "Dinner"));
    assertEquals(OptionalInt.of(180), rules.turnMinutes(9, MONDAY, "Dinner"));
  }
}
