package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.venue.domain.SlotCheck.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VenueCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  /**
   * Sunday 12-22; Monday closed; Tuesday to Thursday 12-15 and 18-23; Friday 12-15 and 18-02;
   * Saturday 18-04. In June 2025: Sun 1, Mon 2, Tue 3, ..., Fri 6, Sat 7, Sun 8.
   */
  private static final WeeklyHours WEEK = WeeklyHours.parse(List.of(
      new DayHoursText(0, "12:00", "22:00"),
      new DayHoursText(2, "12:00", "15:00"), new DayHoursText(2, "18:00", "23:00"),
      new DayHoursText(3, "12:00", "15:00"), new DayHoursText(3, "18:00", "23:00"),
      new DayHoursText(4, "12:00", "15:00"), new DayHoursText(4, "18:00", "23:00"),
      new DayHoursText(5, "12:00", "15:00"), new DayHoursText(5, "18:00", "02:00"),
      new DayHoursText(6, "18:00", "04:00")));

  private static VenueCalendar calendar(SpecialDay... specials) {
    return new VenueCalendar(BERLIN, WEEK, Arrays.asList(specials));
  }

  private static SlotCheck check(VenueCalendar cal, String date, String time, int minutes) {
    return cal.check(LocalDate.parse(date), LocalTime.parse(time), minutes, LONG_AGO);
  }

  private static SlotCheck check(String date, String time, int minutes) {
    return check(calendar(), date, time, minutes);
  }

  private static void assertOpen(SlotCheck c) {
    assertTrue(c.open(), () -> "expected open, got " + c);
    assertEquals(Verdict.OPEN, c.verdict());
    assertEquals("", c.reason());
  }

  private static void assertRejected(Verdict verdict, String reason, SlotCheck c) {
    assertFalse(c.open(), () -> "expected rejected, got " + c);
    assertEquals(verdict, c.verdict());
    assertEquals(reason, c.reason());
  }

  private static SpecialDay special(String date, String open, String close) {
    return SpecialDay.parse(date, false, open, close);
  }

  private static SpecialDay closed(String date) {
    return SpecialDay.parse(date, true, "", "");
  }

  @Nested
  class SameDayHours {

    @Test
    void slotInsideARangeCarriesItsRealWindow() {
      SlotCheck c = check("2025-06-03", "12:30", 90);
      assertOpen(c);
      assertEquals(Instant.parse("2025-06-03T10:30:00Z"), c.start());
      assertEquals(Instant.parse("2025-06-03T12:00:00Z"), c.end());
      assertEquals(new SlotWindow(c.start(), c.end()), c.window());
    }

    @ParameterizedTest
    @CsvSource({"12:00, 60", "12:00, 180", "18:00, 300", "18:00, 15"})
    void slotMayStartAtOpeningTimeExactly(String time, int minutes) {
      assertOpen(check("2025-06-03", time, minutes));
    }

    @Test
    void slotOneMinuteBeforeOpeningIsOutside() {
      assertRejected(Verdict.OUTSIDE_HOURS,
          "outside opening hours on 2025-06-03 (12:00-15:00, 18:00-23:00)",
          check("2025-06-03", "11:59", 60));
    }

    @ParameterizedTest
    @CsvSource({"13:00, 120, true", "13:01, 120, false", "21:00, 120, true", "21:01, 120, false",
        "22:45, 15, true", "22:46, 15, false", "14:59, 15, false", "23:00, 15, false"})
    void slotMayEndAtClosingTimeExactlyButNotAMinuteLater(String time, int minutes,
        boolean open) {
      assertEquals(open, check("2025-06-03", time, minutes).open());
    }

    @Test
    void zeroDurationMeansTwoHours() {
      SlotCheck c = check("2025-06-03", "13:00", 0);
      assertOpen(c);
      assertEquals(Duration.ofMinutes(120), Duration.between(c.start(), c.end()));
      assertFalse(check("2025-06-03", "13:01", 0).open());
    }

    @Test
    void slotCannotSpanTheGapBetweenLunchAndDinner() {
      assertFalse(check("2025-06-03", "14:00", 300).open());
      assertFalse(check("2025-06-03", "15:00", 180).open());
    }

    @Test
    void invalidDurationIsInvalidInput() {
      assertInvalid("slot.duration_minutes", () -> check("2025-06-03", "13:00", 7));
      assertInvalid("slot.duration_minutes", () -> check("2025-06-03", "13:00", 721));
    }

    @Test
    void leapDay() {
      SlotCheck c = check("2024-02-29", "19:00", 60);
      assertOpen(c);
      assertEquals(Instant.parse("2024-02-29T18:00:00Z"), c.start());
    }
  }

  @Nested
  class OvernightHours {

    @Test
    void slotInsideAnOvernightRange() {
      SlotCheck c = check("2025-06-06", "23:00", 180);
      assertOpen(c);
      assertEquals(Instant.parse("2025-06-06T21:00:00Z"), c.start());
      assertEquals(Instant.parse("2025-06-07T00:00:00Z"), c.end());
    }

    @Test
    void slotCrossingTheOvernightClose() {
      assertRejected(Verdict.OUTSIDE_HOURS,
          "outside opening hours on 2025-06-06 (12:00-15:00, 18:00-02:00)",
          check("2025-06-06", "23:30", 180));
    }

    @Test
    void earlyMorningSlotOnTheNextDateFitsThePreviousNight() {
      assertOpen(check("2025-06-07", "01:00", 60));
      assertOpen(check("2025-06-07", "00:00", 120));
      assertOpen(check("2025-06-08", "03:00", 60));
    }

    @Test
    void earlyMorningSlotPastTheNightsClose() {
      assertRejected(Verdict.OUTSIDE_HOURS,
          "outside opening hours on 2025-06-07 (00:00-02:00, 18:00-04:00)",
          check("2025-06-07", "01:00", 65));
      assertFalse(check("2025-06-07", "02:00", 30).open());
    }

    @Test
    void nightBeforeAClosedWeekdayStillCounts() {
      // Sunday has no overnight range, so Monday's early hours are closed too.
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-06-02",
          check("2025-06-02", "00:30", 60));
    }

    @Test
    void touchingRangesFormOneOpening() {
      WeeklyHours hours = WeeklyHours.parse(List.of(
          new DayHoursText(3, "12:00", "15:00"), new DayHoursText(3, "15:00", "18:00"),
          new DayHoursText(5, "18:00", "00:00"), new DayHoursText(6, "00:00", "04:00")));
      VenueCalendar cal = new VenueCalendar(BERLIN, hours, List.of());
      assertOpen(check(cal, "2025-06-04", "14:00", 120));
      assertOpen(check(cal, "2025-06-06", "23:00", 120));
      assertOpen(check(cal, "2025-06-07", "03:00", 60));
      assertFalse(check(cal, "2025-06-07", "03:30", 60).open());
    }

    @Test
    void openAllDay() {
      VenueCalendar cal = calendar(special("2025-06-04", "00:00", "00:00"));
      assertOpen(check(cal, "2025-06-04", "03:00", 720));
      assertOpen(check(cal, "2025-06-04", "23:00", 60));
      assertFalse(check(cal, "2025-06-04", "23:30", 60).open());
    }
  }

  @Nested
  class ClosedAndSpecialDays {

    @Test
    void closedWeekday() {
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-06-02",
          check("2025-06-02", "19:00", 120));
    }

    @Test
    void specialClosedDay() {
      VenueCalendar cal = calendar(closed("2025-12-25"));
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-12-25",
          check(cal, "2025-12-25", "19:00", 120));
      assertOpen(check(cal, "2025-12-24", "19:00", 120));
      assertOpen(check(cal, "2025-12-26", "19:00", 120));
      assertTrue(cal.rangesOn(LocalDate.of(2025, 12, 25)).isEmpty());
      assertTrue(cal.specialDay(LocalDate.of(2025, 12, 25)).isPresent());
    }

    @Test
    void previousNightStillRunsIntoASpecialClosedDay() {
      VenueCalendar cal = calendar(closed("2025-06-07"));
      assertOpen(check(cal, "2025-06-07", "01:00", 60));
      assertRejected(Verdict.OUTSIDE_HOURS, "outside opening hours on 2025-06-07 (00:00-02:00)",
          check(cal, "2025-06-07", "01:30", 60));
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-06-07",
          check(cal, "2025-06-07", "19:00", 60));
    }

    @Test
    void specialClosedDayTakesItsNightWithIt() {
      VenueCalendar cal = calendar(closed("2025-06-06"));
      assertRejected(Verdict.OUTSIDE_HOURS, "outside opening hours on 2025-06-07 (18:00-04:00)",
          check(cal, "2025-06-07", "01:00", 60));
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-06-06",
          check(cal, "2025-06-06", "19:00", 60));
    }

    @Test
    void specialShorterDayOverridesTheWeekday() {
      VenueCalendar cal = calendar(special("2025-06-10", "12:00", "20:00"));
      assertOpen(check(cal, "2025-06-10", "16:00", 60)); // the weekly lunch-dinner gap
      assertOpen(check(cal, "2025-06-10", "18:00", 120));
      assertRejected(Verdict.OUTSIDE_HOURS, "outside opening hours on 2025-06-10 (12:00-20:00)",
          check(cal, "2025-06-10", "19:00", 120));
      assertFalse(check(cal, "2025-06-10", "21:00", 60).open()); // weekly dinner is gone
      // The Tuesday after is back to the weekly hours.
      assertFalse(check(cal, "2025-06-17", "16:00", 60).open());
      assertOpen(check(cal, "2025-06-17", "21:00", 60));
      assertEquals(List.of(OpeningRange.parse("", "12:00", "20:00")),
          cal.rangesOn(LocalDate.of(2025, 6, 10)));
    }

    @Test
    void specialDayWithoutItsOwnNightEndsThePreviousNightEarly() {
      VenueCalendar cal = calendar(special("2025-06-06", "12:00", "22:00"));
      assertFalse(check(cal, "2025-06-07", "01:00", 60).open());
      assertFalse(check(cal, "2025-06-06", "21:30", 60).open());
    }

    @Test
    void specialOvernightDayCoversTheNextDatesEarlyHours() {
      VenueCalendar cal = calendar(special("2025-12-31", "18:00", "04:00"));
      assertOpen(check(cal, "2025-12-31", "23:00", 300));
      assertOpen(check(cal, "2026-01-01", "03:00", 60));
      assertFalse(check(cal, "2026-01-01", "03:30", 60).open());
      assertFalse(check(cal, "2025-12-31", "13:00", 60).open()); // weekly Wednesday lunch
      assertOpen(check(cal, "2026-01-01", "12:00", 60)); // Thursday's own hours
    }

    @Test
    void oneSpecialDayPerDate() {
      assertInvalid("special_hours",
          () -> calendar(closed("2025-12-25"), special("2025-12-25", "12:00", "14:00")));
    }

    @Test
    void noHoursAtAll() {
      VenueCalendar cal = new VenueCalendar(BERLIN, null, null);
      assertRejected(Verdict.CLOSED_DAY, "venue is closed on 2025-06-03",
          check(cal, "2025-06-03", "12:00", 60));
    }
  }

  @Nested
  class Clock {

    private final Instant tuesdayNoonBerlin = Instant.parse("2025-06-03T10:00:00Z");

    @Test
    void slotStartingNowIsNotInThePast() {
      assertOpen(calendar().check(LocalDate.of(2025, 6, 3), LocalTime.NOON, 60,
          tuesdayNoonBerlin));
    }

    @Test
    void slotStartingBeforeNowIsInThePast() {
      SlotCheck c = calendar().check(LocalDate.of(2025, 6, 3), LocalTime.NOON, 60,
          tuesdayNoonBerlin.plusSeconds(1));
      assertRejected(Verdict.IN_THE_PAST, "in the past", c);
      assertEquals(Instant.parse("2025-06-03T10:00:00Z"), c.start());
    }

    @Test
    void pastWinsOverClosed() {
      assertRejected(Verdict.IN_THE_PAST, "in the past", calendar().check(
          LocalDate.of(2025, 6, 2), LocalTime.of(19, 0), 60, tuesdayNoonBerlin));
    }

    @Test
    void pastIsJudgedInTheVenuesZone() {
      // 11:30 in Berlin is 09:30Z: past at 10:00Z, though 11:30 UTC would still be ahead.
      SlotCheck c = new VenueCalendar(BERLIN, WeeklyHours.parse(List.of(
          new DayHoursText(2, "00:00", "00:00"))), List.of())
          .check(LocalDate.of(2025, 6, 3), LocalTime.of(11, 30), 60, tuesdayNoonBerlin);
      assertEquals(Verdict.IN_THE_PAST, c.verdict());
    }
  }

  /** Saturday 18:00-04:00 across the two changes of 2025 in Berlin. */
  @Nested
  class DaylightSaving {

    @ParameterizedTest
    @CsvSource({"02:00", "02:30", "02:59"})
    void springForwardGapTimesDoNotExist(String time) {
      SlotCheck c = check("2025-03-30", time, 60);
      assertRejected(Verdict.TIME_DOES_NOT_EXIST,
          "time " + time + " does not exist on 2025-03-30 in Europe/Berlin (daylight saving)", c);
      assertNull(c.start());
      assertNull(c.end());
      assertNull(c.window());
    }

    @Test
    void slotAcrossSpringForwardLastsItsRealMinutes() {
      // 01:30 CET is 00:30Z; 120 real minutes later it is 02:30Z, which the clock shows as 04:30.
      SlotCheck c = check("2025-03-30", "01:30", 120);
      assertEquals(Instant.parse("2025-03-30T00:30:00Z"), c.start());
      assertEquals(Instant.parse("2025-03-30T02:30:00Z"), c.end());
      assertRejected(Verdict.OUTSIDE_HOURS,
          "outside opening hours on 2025-03-30 (00:00-04:00, 12:00-22:00)", c);
      assertOpen(check("2025-03-30", "01:30", 90)); // ends 04:00 CEST, the close exactly
      assertOpen(check("2025-03-23", "01:30", 120)); // an ordinary Sunday: ends 03:30
    }

    @Test
    void springForwardNightIsAnHourShorter() {
      assertOpen(check("2025-03-29", "18:00", 540));
      assertFalse(check("2025-03-29", "18:00", 545).open());
      assertOpen(check("2025-03-22", "18:00", 600));
    }

    @Test
    void firstTimeAfterTheGapExists() {
      SlotCheck c = check("2025-03-30", "03:00", 60);
      assertOpen(c);
      assertEquals(Instant.parse("2025-03-30T01:00:00Z"), c.start());
    }

    @Test
    void fallBackOverlapTakesTheEarlierInstant() {
      SlotCheck c = check("2025-10-26", "02:30", 60);
      assertOpen(c);
      assertEquals(Instant.parse("2025-10-26T00:30:00Z"), c.start()); // 02:30 CEST, not CET
      assertEquals(Instant.parse("2025-10-26T01:30:00Z"), c.end());
      assertOpen(check("2025-10-26", "02:30", 150)); // ends 04:00 CET, the close exactly
      assertFalse(check("2025-10-26", "02:30", 155).open());
      assertEquals(Instant.parse("2025-10-26T02:00:00Z"), check("2025-10-26", "03:00", 15).start());
    }

    @Test
    void fallBackNightIsAnHourLonger() {
      assertOpen(check("2025-10-25", "18:00", 660));
      assertFalse(check("2025-10-18", "18:00", 660).open());
      assertOpen(check("2025-10-26", "01:30", 180)); // ends 03:30 CET
      assertFalse(check("2025-10-19", "01:30", 180).open()); // an ordinary night: 04:30
    }

    @Test
    void rangeOpeningInsideTheGapOpensAtTheEndOfTheGap() {
      VenueCalendar cal = calendar(closed("2025-03-29"), special("2025-03-30", "02:30", "06:00"));
      assertOpen(check(cal, "2025-03-30", "03:00", 60));
      assertOpen(check(cal, "2025-03-30", "03:30", 60));
      assertOpen(check(cal, "2025-03-30", "03:00", 180)); // 03:00-06:00, the whole range
    }

    @Test
    void weeklyRangeOpeningInsideTheGapOpensAtTheEndOfTheGap() {
      // 2025-03-30 is a Sunday; New York's gap is on 2025-03-09, also a Sunday.
      VenueCalendar berlin = new VenueCalendar(ZoneId.of("Europe/Berlin"), WeeklyHours.parse(List.of(
          new DayHoursText(0, "02:00", "05:00"))), List.of());
      assertOpen(check(berlin, "2025-03-30", "03:00", 120));
      assertEquals(Verdict.TIME_DOES_NOT_EXIST, check(berlin, "2025-03-30", "02:00", 60).verdict());
      VenueCalendar newYork = new VenueCalendar(ZoneId.of("America/New_York"), WeeklyHours.parse(List.of(
          new DayHoursText(0, "02:15", "04:00"))), List.of());
      assertOpen(check(newYork, "2025-03-09", "03:00", 60));
    }

    @Test
    void rangeClosingInsideTheGapClosesAtTheEndOfTheGap() {
      VenueCalendar cal = calendar(closed("2025-03-29"), special("2025-03-30", "00:00", "02:30"));
      assertOpen(check(cal, "2025-03-30", "00:00", 120)); // 00:00-03:00 CEST, two real hours
      assertFalse(check(cal, "2025-03-30", "00:00", 150).open());
    }

    @Test
    void rangeWhollyInsideTheGapOpensNever() {
      VenueCalendar cal = calendar(closed("2025-03-29"), special("2025-03-30", "02:30", "03:00"));
      assertFalse(check(cal, "2025-03-30", "03:00", 15).open());
    }

    @Test
    void otherZonesHaveTheirOwnChanges() {
      ZoneId newYork = ZoneId.of("America/New_York");
      VenueCalendar cal = new VenueCalendar(newYork, WeeklyHours.parse(List.of(
          new DayHoursText(0, "00:00", "00:00"))), List.of());
      assertEquals(Verdict.TIME_DOES_NOT_EXIST,
          check(cal, "2025-03-09", "02:30", 60).verdict());
      assertOpen(check(cal, "2025-03-30", "02:30", 60));
      assertEquals(Instant.parse("2025-03-30T06:30:00Z"), check(cal, "2025-03-30", "02:30", 60)
          .start());
    }
  }

  @Nested
  class Windows {

    @Test
    void windowWithoutHours() {
      assertEquals(new SlotWindow(Instant.parse("2025-06-02T17:00:00Z"),
              Instant.parse("2025-06-02T19:00:00Z")),
          SlotWindow.of(BERLIN, LocalDate.of(2025, 6, 2), LocalTime.of(19, 0), 120));
      assertEquals(SlotWindow.of(ZoneId.of("UTC"), LocalDate.of(2025, 6, 2), LocalTime.NOON, 30),
          new SlotWindow(Instant.parse("2025-06-02T12:00:00Z"),
              Instant.parse("2025-06-02T12:30:00Z")));
    }

    @Test
    void calendarWindowAppliesTheDefaultDuration() {
      SlotWindow w = calendar().slotWindow(LocalDate.of(2025, 6, 2), LocalTime.of(19, 0), 0)
          .orElseThrow();
      assertEquals(Duration.ofMinutes(120), Duration.between(w.start(), w.end()));
    }

    @Test
    void nonexistentStartIsInvalidInput() {
      var e = assertInvalid("slot.start_time",
          () -> SlotWindow.of(BERLIN, LocalDate.of(2025, 3, 30), LocalTime.of(2, 30), 60));
      assertEquals("slot.start_time: time 02:30 does not exist on 2025-03-30 in Europe/Berlin"
          + " (daylight saving)", e.getMessage());
      assertTrue(SlotWindow.find(BERLIN, LocalDate.of(2025, 3, 30), LocalTime.of(2, 30), 60)
          .isEmpty());
    }

    @Test
    void windowsOverlapWhenTheyShareAnyMinute() {
      SlotWindow sixToEight = SlotWindow.of(BERLIN, LocalDate.of(2025, 6, 3), LocalTime.of(18, 0),
          120);
      SlotWindow eightToTen = SlotWindow.of(BERLIN, LocalDate.of(2025, 6, 3), LocalTime.of(20, 0),
          120);
      SlotWindow sevenToNine = SlotWindow.of(BERLIN, LocalDate.of(2025, 6, 3),
          LocalTime.of(19, 0), 120);
      assertFalse(sixToEight.overlaps(eightToTen));
      assertFalse(eightToTen.overlaps(sixToEight));
      assertTrue(sixToEight.overlaps(sevenToNine));
      assertTrue(sevenToNine.overlaps(eightToTen));
      assertTrue(sixToEight.overlaps(sixToEight));
    }

    @Test
    void windowsAcrossTheFallBackOverlapAreRealTime() {
      // 01:30 CEST + 120 min = 02:30 CET; a 02:30 slot (CEST) starts within it.
      SlotWindow first = SlotWindow.of(BERLIN, LocalDate.of(2025, 10, 26), LocalTime.of(1, 30),
          120);
      SlotWindow second = SlotWindow.of(BERLIN, LocalDate.of(2025, 10, 26), LocalTime.of(2, 30),
          60);
      assertTrue(first.overlaps(second));
      assertEquals(Duration.ofMinutes(120), Duration.between(first.start(), first.end()));
    }

    @Test
    void gapTimesAcrossManyDatesNeverThrowInCheck() {
      List<SlotCheck> checks = new ArrayList<>();
      for (LocalDate d = LocalDate.of(2025, 3, 25); d.isBefore(LocalDate.of(2025, 4, 2));
          d = d.plusDays(1)) {
        for (int m = 0; m < 24 * 60; m += 5) {
          checks.add(calendar().check(d, LocalTime.of(m / 60, m % 60), 0, LONG_AGO));
        }
      }
      assertEquals(12, checks.stream().filter(c -> c.start() == null).count());
    }
  }
}
