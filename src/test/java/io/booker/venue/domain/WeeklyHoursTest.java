package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeeklyHoursTest {

  private static DayHoursText day(int weekday, String open, String close) {
    return new DayHoursText(weekday, open, close);
  }

  private static WeeklyHours parse(DayHoursText... days) {
    return WeeklyHours.parse(Arrays.asList(days));
  }

  private static List<String> text(WeeklyHours hours) {
    List<String> out = new ArrayList<>();
    for (DayRange d : hours.ranges()) {
      out.add(d.weekday() + " " + d.openTime() + "-" + d.closeTime());
    }
    return out;
  }

  @Test
  void allowsLunchAndDinnerOnTheSameDay() {
    WeeklyHours hours = parse(day(3, "12:00", "15:00"), day(3, "18:00", "23:00"));
    assertEquals(List.of(OpeningRange.parse("", "12:00", "15:00"),
        OpeningRange.parse("", "18:00", "23:00")), hours.on(3));
    assertEquals(hours.on(3), hours.on(DayOfWeek.WEDNESDAY));
    assertTrue(hours.on(4).isEmpty());
  }

  @Test
  void givesRangesBackByWeekdayThenOpeningTime() {
    WeeklyHours hours = parse(
        day(5, "18:00", "02:00"), day(0, "12:00", "22:00"), day(5, "12:00", "15:00"),
        day(6, "18:00", "03:00"), day(1, "18:00", "23:00"), day(1, "11:00", "14:00"));
    assertEquals(List.of("0 12:00-22:00", "1 11:00-14:00", "1 18:00-23:00", "5 12:00-15:00",
        "5 18:00-02:00", "6 18:00-03:00"), text(hours));
  }

  @Test
  void sameHoursInAnyOrderAreEqual() {
    assertEquals(parse(day(2, "18:00", "23:00"), day(2, "12:00", "15:00")),
        parse(day(2, "12:00", "15:00"), day(2, "18:00", "23:00")));
  }

  @Test
  void rejectsOverlapsOnTheSameDayNamingBothEntries() {
    var e = assertInvalid("days[1]",
        () -> parse(day(3, "12:00", "15:00"), day(3, "14:00", "18:00")));
    assertEquals("days[1]: overlaps days[0] (Wednesday 12:00-15:00)", e.getMessage());
  }

  @Test
  void rejectsTheSameRangeTwice() {
    assertInvalid("days[2]",
        () -> parse(day(3, "12:00", "15:00"), day(4, "12:00", "15:00"), day(3, "12:00", "15:00")));
  }

  @Test
  void rejectsARangeInsideAnother() {
    assertInvalid("days[1]", () -> parse(day(3, "10:00", "23:00"), day(3, "12:00", "13:00")));
  }

  @Test
  void allowsTouchingRanges() {
    assertEquals(2, parse(day(3, "12:00", "15:00"), day(3, "15:00", "18:00")).ranges().size());
    assertEquals(2, parse(day(5, "18:00", "00:00"), day(6, "00:00", "04:00")).ranges().size());
  }

  @Test
  void rejectsAnOvernightRangeRunningIntoTheNextDaysFirstRange() {
    var e = assertInvalid("days[1]",
        () -> parse(day(5, "18:00", "03:00"), day(6, "02:00", "10:00")));
    assertEquals("days[1]: overlaps days[0] (Friday 18:00-03:00)", e.getMessage());
    // Listed the other way round, the later entry is still the one named.
    assertInvalid("days[1]", () -> parse(day(6, "02:00", "10:00"), day(5, "18:00", "03:00")));
  }

  @Test
  void allowsAnOvernightRangeEndingWhenTheNextDayOpens() {
    assertEquals(2, parse(day(5, "18:00", "02:00"), day(6, "02:00", "10:00")).ranges().size());
  }

  @Test
  void saturdayNightRunsIntoSunday() {
    assertInvalid("days[1]", () -> parse(day(6, "20:00", "04:00"), day(0, "03:00", "12:00")));
    assertEquals(2, parse(day(6, "20:00", "04:00"), day(0, "04:00", "12:00")).ranges().size());
  }

  @Test
  void overnightRangeDoesNotClashWithItsOwnDaysMorning() {
    // Wednesday 01:00-05:00 and Wednesday 22:00-02:00: the latter reaches Thursday, not Wednesday.
    assertEquals(2, parse(day(3, "01:00", "05:00"), day(3, "22:00", "02:00")).ranges().size());
  }

  @Test
  void openAllDayLeavesNoRoomForAnotherRange() {
    assertInvalid("days[1]", () -> parse(day(1, "00:00", "00:00"), day(1, "12:00", "13:00")));
    assertInvalid("days[1]", () -> parse(day(1, "10:00", "10:00"), day(2, "09:00", "11:00")));
    assertEquals(2, parse(day(1, "10:00", "10:00"), day(2, "10:00", "11:00")).ranges().size());
  }

  @Test
  void allowsOpenAroundTheClock() {
    List<DayHoursText> week = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      week.add(day(d, "00:00", "00:00"));
    }
    assertEquals(7, WeeklyHours.parse(week).ranges().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 7, 8, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void rejectsWeekdaysOutsideTheWeek(int weekday) {
    assertInvalid("days[1].weekday",
        () -> parse(day(0, "12:00", "13:00"), day(weekday, "12:00", "13:00")));
  }

  @ParameterizedTest
  @CsvSource(value = {"24:00, 10:00, days[2].open_time", "9:5, 10:00, days[2].open_time",
      "10:00, 12:60, days[2].close_time", "NULL, 10:00, days[2].open_time",
      "10:00, '', days[2].close_time"}, nullValues = "NULL")
  void namesTheBadTime(String open, String close, String field) {
    assertInvalid(field, () -> parse(day(0, "12:00", "13:00"), day(1, "12:00", "13:00"),
        day(2, open, close)));
  }

  @Test
  void rejectsAMissingEntry() {
    assertInvalid("days[0]", () -> WeeklyHours.parse(Arrays.asList((DayHoursText) null)));
    assertInvalid("days[0]", () -> WeeklyHours.of(Arrays.asList((DayRange) null)));
  }

  @Test
  void noHoursMeansClosedAllWeek() {
    assertTrue(WeeklyHours.parse(List.of()).isEmpty());
    assertTrue(WeeklyHours.parse(null).isEmpty());
    assertTrue(WeeklyHours.closed().on(3).isEmpty());
  }

  @Test
  void boundsTheRangesPerWeekday() {
    List<DayHoursText> many = new ArrayList<>();
    for (int h = 0; h < 13; h++) {
      many.add(day(2, String.format("%02d:00", h), String.format("%02d:30", h)));
    }
    assertInvalid("days", () -> WeeklyHours.parse(many));
    assertEquals(12, WeeklyHours.parse(many.subList(0, 12)).ranges().size());
  }

  @Test
  void typedRangesAreCheckedToo() {
    OpeningRange evening = OpeningRange.parse("", "18:00", "03:00");
    OpeningRange morning = OpeningRange.parse("", "02:00", "10:00");
    assertInvalid("days[1]",
        () -> WeeklyHours.of(List.of(new DayRange(5, evening), new DayRange(6, morning))));
    assertInvalid("weekday", () -> new DayRange(7, evening));
  }

  @Test
  void theDaysOfAWeekAreRequiredAnEmptyWeekMustSaySoExplicitly() {
    assertEquals("days: is required (an empty list closes every day)",
        assertInvalid("days", () -> WeeklyHours.parseWeek(List.of(), false)).getMessage());
    assertInvalid("days", () -> WeeklyHours.parseWeek(null, false));
    assertTrue(WeeklyHours.parseWeek(List.of(), true).on(1).isEmpty());
    assertInvalid("closed_all_week",
        () -> WeeklyHours.parseWeek(List.of(new DayHoursText(1, "12:00", "15:00")), true));
    assertEquals(1, WeeklyHours.parseWeek(List.of(new DayHoursText(1, "12:00", "15:00")), false).on(1).size());
  }

  @Test
  void aDayWithoutAWeekdayIsRefusedNotSunday() {
    var e = assertInvalid("days[1].weekday", () -> WeeklyHours.parseWeek(List.of(
        new DayHoursText(1, "12:00", "15:00"), new DayHoursText(null, "12:00", "15:00")), false));
    assertTrue(e.getMessage().contains("is required"), e.getMessage());
    assertEquals(1, WeeklyHours.parseWeek(List.of(new DayHoursText(0, "12:00", "15:00")), false).on(0).size(),
        "0 given explicitly is Sunday");
  }
}
