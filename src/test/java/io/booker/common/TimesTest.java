package io.booker.common;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

  @ParameterizedTest
  @CsvSource({
      "2024-02-29, 2024, 2, 29",
      "2025-01-01, 2025, 1, 1",
      "2025-12-31, 2025, 12, 31",
      "2000-02-29, 2000, 2, 29",
      "0001-01-01, 1, 1, 1",
      "9999-12-31, 9999, 12, 31"
  })
  void parsesRealDates(String text, int year, int month, int day) {
    assertEquals(LocalDate.of(year, month, day), Times.parseDate("slot.date", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-29", "2025-02-30", "1900-02-29", "2025-04-31", "2025-13-01",
      "2025-00-10", "2025-01-00", "2025-01-32", "0000-01-01"})
  void rejectsDatesNotOnTheCalendar(String text) {
    assertInvalid("slot.date", () -> Times.parseDate("slot.date", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-1-1", "25-01-01", "2025/01/01", "20250101", "2025-01-01 ",
      " 2025-01-01", "2025-01-01T00:00", "+2025-01-01", "12025-01-01", "2025-O1-01",
      "\u0662\u0660\u0662\u0665-\u0660\u0661-\u0660\u0661", "01-01-2025", "\uff12\uff10\uff12\uff15-01-01",
      "2025-\u0966\u0967-01", "+294277-01-01", "294277-01-01", "-0001-01-01"})
  void rejectsDatesInAnyOtherShape(String text) {
    assertInvalid("date", () -> Times.parseDate("date", text));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void requiresADate(String text) {
    var e = assertInvalid("slot.date", () -> Times.parseDate("slot.date", text));
    assertEquals("slot.date: is required", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"00:00, 0, 0", "23:59, 23, 59", "09:05, 9, 5", "12:00, 12, 0", "19:30, 19, 30"})
  void parsesStrictTimes(String text, int hour, int minute) {
    assertEquals(LocalTime.of(hour, minute), Times.parseTime("slot.start_time", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"24:00", "9:5", "9:05", "12:60", "12:00:00", "1200", "12:0", " 12:00",
      "12:00 ", "-1:00", "12.00", "ab:cd", "25:00", "99:99", "T12:00", "12h00",
      // Digits of other scripts: Arabic-Indic, Devanagari, fullwidth, mathematical bold.
      "\u0661\u0669:\u0663\u0660", "\u0967\u096f:\u0966\u0966", "\uff11\uff19:\uff10\uff10", "\uD835\uDFCF9:30"})
  void rejectsOtherTimes(String text) {
    var e = assertInvalid("slot.start_time", () -> Times.parseTime("slot.start_time", text));
    assertEquals("slot.start_time: must be HH:MM (00:00-23:59)", e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void requiresATime(String text) {
    var e = assertInvalid("open_time", () -> Times.parseTime("open_time", text));
    assertEquals("open_time: is required", e.getMessage());
  }

  @Test
  void formatsTimesAndDatesWithLeadingZeros() {
    assertEquals("09:05", Times.formatTime(LocalTime.of(9, 5)));
    assertEquals("00:00", Times.formatTime(LocalTime.MIDNIGHT));
    assertEquals("23:59", Times.formatTime(LocalTime.of(23, 59, 59)));
    assertEquals("2025-03-09", Times.formatDate(LocalDate.of(2025, 3, 9)));
    assertEquals("0999-01-01", Times.formatDate(LocalDate.of(999, 1, 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:00", "07:45", "23:59"})
  void timeRoundTrips(String text) {
    assertEquals(text, Times.formatTime(Times.parseTime("t", text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata",
      "Australia/Lord_Howe", "Etc/GMT+2", "Etc/GMT-14", "Etc/UTC", "America/Argentina/Buenos_Aires",
      "America/Port-au-Prince", "America/North_Dakota/New_Salem", "Asia/Ust-Nera"})
  void acceptsIanaZones(String id) {
    assertEquals(ZoneId.of(id), Times.parseZone("timezone", id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+02:00", "GMT+2", "UTC+2", "UTC+02:00", "Z", "Mars/Base",
      "europe/berlin", " Europe/Berlin", "Europe/Berlin ", "CEST", "Europe",
      // Ids Java loads but that are aliases or Java-only: Go and JavaScript clients may not load them.
      "EST", "MST", "HST", "GMT0", "GMT", "UCT", "Zulu", "Universal", "Greenwich", "Etc/GMT0", "Etc/GMT-0",
      "Etc/GMT+0", "Etc/Zulu", "Etc/UCT", "US/Eastern", "Canada/Pacific", "SystemV/EST5", "SystemV/AST4ADT",
      "UTC+01:00", "GMT+01:00", "UT", "ECT", "PST", "Europe/Berlin/", "Europe/../UTC", "Etc/GMT+15"})
  void rejectsOffsetsAndUnknownZones(String id) {
    assertInvalid("timezone", () -> Times.parseZone("timezone", id));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void requiresAZone(String id) {
    assertInvalid("timezone", () -> Times.parseZone("timezone", id));
  }

  @Test
  void zeroDurationMeansTwoHours() {
    assertEquals(120, Times.durationMinutes(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {15, 20, 90, 120, 715, 720})
  void acceptsDurationsInStepsOfFive(int minutes) {
    assertEquals(minutes, Times.durationMinutes(minutes));
  }

  @ParameterizedTest
  @ValueSource(ints = {-120, -5, 1, 5, 10, 14, 16, 17, 121, 725, 730, 1440, Integer.MAX_VALUE,
      Integer.MIN_VALUE})
  void rejectsOtherDurations(int minutes) {
    assertInvalid("slot.duration_minutes", () -> Times.durationMinutes(minutes));
  }

  @ParameterizedTest
  @CsvSource({"2025-06-01, 0", "2025-06-02, 1", "2025-06-06, 5", "2025-06-07, 6",
      "2024-02-29, 4"})
  void numbersWeekdaysFromSunday(String date, int weekday) {
    assertEquals(weekday, Times.weekday(LocalDate.parse(date)));
  }

  @Test
  void zonesAVenueAlreadyHasAreKnownEvenWhenNotCanonical() {
    assertEquals(ZoneId.of("US/Eastern"), Times.knownZone("timezone", "US/Eastern"));
    assertEquals(ZoneId.of("Europe/Berlin"), Times.knownZone("timezone", "Europe/Berlin"));
    assertInvalid("timezone", () -> Times.knownZone("timezone", "+02:00"));
    assertInvalid("timezone", () -> Times.knownZone("timezone", "Mars/Base"));
  }
}
