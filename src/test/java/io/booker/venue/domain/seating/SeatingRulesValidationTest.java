package io.booker.venue.domain.seating;

import static io.booker.common.Invalid.assertInvalid;
import static io.booker.venue.domain.seating.SeatingDocs.EVERY_DAY;
import static io.booker.venue.domain.seating.SeatingDocs.pacing;
import static io.booker.venue.domain.seating.SeatingDocs.period;
import static io.booker.venue.domain.seating.SeatingDocs.periods;
import static io.booker.venue.domain.seating.SeatingDocs.rules;
import static io.booker.venue.domain.seating.SeatingDocs.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeatingRulesValidationTest {

  private static SeatingRules turns(TurnTimeText... rows) {
    return rules(Arrays.asList(rows), null, null);
  }

  private static SeatingRules window(Integer maxDaysAhead, Integer minNotice) {
    return rules(null, null, new BookingWindowText(maxDaysAhead, minNotice));
  }

  private static ServicePeriodText dinner(String start, String end, String lastSeating) {
    return period("Dinner", EVERY_DAY, start, end, lastSeating);
  }

  // ---- The whole document ----

  @Test
  void parsesTheIssuesExample() {
    SeatingRules rules = rules(
        List.of(turn(2, 90), turn(4, 120)),
        List.of(period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, 6, 24))),
        new BookingWindowText(90, 0));
    assertEquals(List.of(TurnTime.of(2, 90), TurnTime.of(4, 120)), rules.turnTimes());
    assertEquals(List.of(new ServicePeriod("Dinner", Set.of(0, 1, 2, 3, 4, 5, 6),
        LocalTime.of(18, 0), LocalTime.of(23, 0), LocalTime.of(21, 30), 15,
        new Pacing(15, 6, 24))), rules.periods());
    assertEquals(new BookingWindow(90, 0), rules.bookingWindow());
  }

  @Test
  void anEmptyDocumentIsNoRules() {
    assertEquals(SeatingRules.NONE, SeatingRules.parse(null));
    assertEquals(SeatingRules.NONE, SeatingRules.parse(new SeatingRulesText(null, null, null)));
    assertEquals(SeatingRules.NONE,
        SeatingRules.parse(new SeatingRulesText(List.of(), List.of(), null)));
    assertTrue(SeatingRules.NONE.isNone());
    assertEquals(BookingWindow.NONE, window(null, null).bookingWindow());
  }

  @Test
  void defaultsSlotAndPacingIntervalsTo15Minutes() {
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", null, pacing(null, null, 24)));
    ServicePeriod p = rules.periods().get(0);
    assertEquals(15, p.slotIntervalMinutes());
    assertEquals(new Pacing(15, null, 24), p.pacing());
  }

  // ---- Turn times ----

  @Test
  void turnTimeMinutesAreRequiredAnd15To720InStepsOf5() {
    assertInvalid("turn_times[1].minutes", () -> turns(turn(2, 90), turn(4, null)));
    assertInvalid("turn_times[1].minutes", () -> turns(turn(2, 90), turn(4, 10)));
    assertInvalid("turn_times[0].minutes", () -> turns(turn(2, 725)));
    var e = assertInvalid("turn_times[0].minutes", () -> turns(turn(2, 92)));
    assertEquals("turn_times[0].minutes: must be between 15 and 720 in steps of 5", e.getMessage());
    assertEquals(2, turns(turn(2, 15), turn(4, 720)).turnTimes().size());
  }

  @Test
  void turnTimePartySizesAre1To100() {
    assertInvalid("turn_times[0].max_party_size", () -> turns(turn(0, 90)));
    assertInvalid("turn_times[0].max_party_size", () -> turns(turn(101, 90)));
    assertEquals(100, turns(turn(100, 90)).turnTimes().get(0).maxPartySize());
  }

  @Test
  void turnTimePartySizesAscendStrictlyWithinAScope() {
    var same = assertInvalid("turn_times[1].max_party_size",
        () -> turns(turn(4, 90), turn(4, 120)));
    assertEquals("turn_times[1].max_party_size: must be greater than 4 of turn_times[0]: rows of"
        + " one scope (any period, every day) ascend by party size", same.getMessage());
    assertInvalid("turn_times[2].max_party_size",
        () -> turns(turn(2, 90), turn(6, 150), turn(4, 120)));
    var afterOpen = assertInvalid("turn_times[1].max_party_size",
        () -> turns(turn(null, 180), turn(8, 200)));
    assertEquals("turn_times[1].max_party_size: turn_times[0] already covers every larger party"
        + " (any period, every day)", afterOpen.getMessage());
    assertInvalid("turn_times[1].max_party_size", () -> turns(turn(null, 180), turn(null, 200)));
  }

  @Test
  void scopesAreAPeriodOrNoneAndAWeekdayOrEveryDay() {
    SeatingRules ok = rules(List.of(
            turn(4, 120), turn(2, 75, List.of(6), null), turn(2, 90, null, "Dinner"),
            turn(2, 60, List.of(5, 6), "Dinner"), turn(null, 180)),
        List.of(dinner("18:00", "23:00", "21:30")), null);
    assertEquals(5, ok.turnTimes().size());
    // Saturday is in both rows' weekdays: their sizes must ascend.
    var e = assertInvalid("turn_times[1].max_party_size", () -> turns(
        turn(4, 75, List.of(5, 6), null), turn(2, 90, List.of(6), null)));
    assertTrue(e.getMessage().contains("(any period, Saturday)"), e.getMessage());
    assertEquals(2, turns(turn(4, 75, List.of(5), null), turn(2, 90, List.of(6), null))
        .turnTimes().size());
  }

  @Test
  void turnTimeWeekdaysAre0To6WithoutRepeats() {
    assertInvalid("turn_times[0].weekdays[1]", () -> turns(turn(2, 90, List.of(1, 7), null)));
    assertInvalid("turn_times[0].weekdays[0]", () -> turns(turn(2, 90, List.of(-1), null)));
    assertInvalid("turn_times[0].weekdays[2]", () -> turns(turn(2, 90, List.of(1, 2, 1), null)));
    assertInvalid("turn_times[0].weekdays[0]",
        () -> turns(turn(2, 90, Arrays.asList((Integer) null), null)));
    assertEquals(Set.of(), turns(turn(2, 90, List.of(), null)).turnTimes().get(0).weekdays());
  }

  @Test
  void aTurnTimesPeriodNamesAPeriodOfTheDocument() {
    var e = assertInvalid("turn_times[0].period", () -> rules(
        List.of(turn(2, 90, null, "Brunch")), List.of(dinner("18:00", "23:00", "21:30")), null));
    assertEquals("turn_times[0].period: names no service period (periods are Dinner)",
        e.getMessage());
    assertInvalid("turn_times[0].period", () -> turns(turn(2, 90, null, "Dinner")));
    assertNull(turns(turn(2, 90, null, " ")).turnTimes().get(0).period());
  }

  @Test
  void atMost50TurnTimeRows() {
    List<TurnTimeText> rows = new ArrayList<>();
    for (int i = 1; i <= 51; i++) {
      rows.add(turn(i, 90));
    }
    assertInvalid("turn_times", () -> rules(rows, null, null));
    assertEquals(50, rules(rows.subList(0, 50), null, null).turnTimes().size());
  }

  @Test
  void aMissingTurnTimeRowIsNamed() {
    assertInvalid("turn_times[1]", () -> turns(turn(2, 90), null));
  }

  // ---- Periods ----

  @Test
  void periodNamesAreRequiredUniqueAndAtMost60Characters() {
    assertInvalid("periods[0].name", () -> periods(period(" ", EVERY_DAY, "18:00", "23:00", "21:30")));
    assertInvalid("periods[0].name", () -> periods(period(null, EVERY_DAY, "18:00", "23:00", "21:30")));
    assertInvalid("periods[0].name",
        () -> periods(period("x".repeat(61), EVERY_DAY, "18:00", "23:00", "21:30")));
    assertEquals("x".repeat(60), periods(period("x".repeat(60), EVERY_DAY, "18:00", "23:00",
        "21:30")).periods().get(0).name());
    var e = assertInvalid("periods[1].name", () -> periods(
        period("Dinner", List.of(1), "18:00", "23:00", "21:30"),
        period(" dinner ", List.of(2), "18:00", "23:00", "21:30")));
    assertEquals("periods[1].name: repeats the name of periods[0] (Dinner)", e.getMessage());
  }

  @Test
  void periodWeekdaysAreRequired() {
    assertInvalid("periods[0].weekdays", () -> periods(period("Dinner", null, "18:00", "23:00", "21:30")));
    assertInvalid("periods[0].weekdays",
        () -> periods(period("Dinner", List.of(), "18:00", "23:00", "21:30")));
    assertInvalid("periods[0].weekdays[0]",
        () -> periods(period("Dinner", List.of(7), "18:00", "23:00", "21:30")));
  }

  @Test
  void periodTimesAreRequiredHhMm() {
    assertInvalid("periods[0].start_time", () -> periods(dinner(null, "23:00", "21:30")));
    assertInvalid("periods[0].start_time", () -> periods(dinner("6pm", "23:00", "21:30")));
    assertInvalid("periods[0].end_time", () -> periods(dinner("18:00", "24:00", "21:30")));
    assertInvalid("periods[0].last_seating", () -> periods(dinner("18:00", "23:00", null)));
  }

  @Test
  void theLastSeatingLiesWithinThePeriodBeforeItsEnd() {
    var e = assertInvalid("periods[0].last_seating", () -> periods(dinner("18:00", "23:00", "23:00")));
    assertEquals("periods[0].last_seating: must lie within the period (18:00-23:00), before its end",
        e.getMessage());
    assertInvalid("periods[0].last_seating", () -> periods(dinner("18:00", "23:00", "17:59")));
    assertEquals(LocalTime.of(18, 0),
        periods(dinner("18:00", "23:00", "18:00")).periods().get(0).lastSeating());
    assertEquals(LocalTime.of(1, 0),
        periods(dinner("18:00", "02:00", "01:00")).periods().get(0).lastSeating());
    assertInvalid("periods[0].last_seating", () -> periods(dinner("18:00", "02:00", "02:00")));
    assertInvalid("periods[0].last_seating", () -> periods(dinner("18:00", "02:00", "03:00")));
    // start == end is 24 hours: any time but the start's own end works.
    assertEquals(1439, periods(dinner("06:00", "06:00", "05:59")).periods().get(0)
        .lastSeatingMinutes());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 25, 45, 90})
  void slotIntervalsDivideAnHour(int minutes) {
    assertInvalid("periods[0].slot_interval_minutes",
        () -> periods(period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", minutes, null)));
  }

  @Test
  void pacingNeedsACapAValidIntervalAndCapsOfAtLeastOne() {
    assertInvalid("periods[0].pacing.interval_minutes", () -> periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(45, 6, null))));
    var e = assertInvalid("periods[0].pacing", () -> periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, null, null))));
    assertEquals("periods[0].pacing: needs max_parties or max_covers (leave pacing out for no"
        + " limit)", e.getMessage());
    assertInvalid("periods[0].pacing.max_parties", () -> periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, 0, null))));
    assertInvalid("periods[0].pacing.max_covers", () -> periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, 6, 0))));
  }

  @Test
  void periodsOnTheSameWeekdayMustNotOverlap() {
    var e = assertInvalid("periods[1]", () -> periods(
        period("Lunch", List.of(1, 2), "11:00", "15:00", "14:00"),
        period("Tea", List.of(2), "14:30", "17:00", "16:00")));
    assertEquals("periods[1]: on Tuesday overlaps periods[0] (Lunch 11:00-15:00 on Tuesday)",
        e.getMessage());
    assertEquals(2, periods(
        period("Lunch", List.of(1), "11:00", "15:00", "14:00"),
        period("Tea", List.of(2), "14:30", "17:00", "16:00")).periods().size());
  }

  @Test
  void touchingPeriodsDoNotOverlap() {
    assertEquals(3, periods(
        period("Lunch", EVERY_DAY, "11:00", "15:00", "14:00"),
        period("Tea", EVERY_DAY, "15:00", "18:00", "17:00"),
        period("Dinner", EVERY_DAY, "18:00", "11:00", "23:00")).periods().size());
  }

  @Test
  void anOvernightPeriodOverlapsTheNextDaysEarlyPeriod() {
    var e = assertInvalid("periods[1]", () -> periods(
        period("Dinner", List.of(5), "18:00", "02:00", "23:00"),
        period("Breakfast", List.of(6), "01:30", "10:00", "09:00")));
    assertEquals("periods[1]: on Saturday overlaps periods[0] (Dinner 18:00-02:00 on Friday)",
        e.getMessage());
    // Saturday night runs into Sunday morning.
    assertInvalid("periods[1]", () -> periods(
        period("Late", List.of(6), "22:00", "03:00", "01:00"),
        period("Early", List.of(0), "02:00", "06:00", "05:00")));
    assertEquals(2, periods(
        period("Late", List.of(6), "22:00", "03:00", "01:00"),
        period("Early", List.of(1), "02:00", "06:00", "05:00")).periods().size());
  }

  @Test
  void atMost20Periods() {
    List<ServicePeriodText> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      String start = String.format("%02d:00", i);
      String end = String.format("%02d:30", i);
      many.add(period("P" + i, EVERY_DAY, start, end, start));
    }
    assertInvalid("periods", () -> rules(null, many, null));
    assertEquals(20, rules(null, many.subList(0, 20), null).periods().size());
  }

  // ---- Booking window ----

  @Test
  void maxDaysAheadIs1To730() {
    assertInvalid("booking_window.max_days_ahead", () -> window(0, 0));
    assertInvalid("booking_window.max_days_ahead", () -> window(731, 0));
    assertEquals(730, window(730, null).bookingWindow().maxDaysAhead());
    assertNull(window(null, 60).bookingWindow().maxDaysAhead());
  }

  @Test
  void minNoticeIs0ToAWeek() {
    assertInvalid("booking_window.min_notice_minutes", () -> window(90, -1));
    assertInvalid("booking_window.min_notice_minutes", () -> window(90, 10081));
    assertEquals(10080, window(90, 10080).bookingWindow().minNoticeMinutes());
    assertEquals(0, window(90, null).bookingWindow().minNoticeMinutes());
  }
}
