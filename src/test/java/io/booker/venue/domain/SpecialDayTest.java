package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialDayTest {

  private static final LocalDate CHRISTMAS = LocalDate.of(2025, 12, 25);

  private static OpeningRange range(String open, String close) {
    return OpeningRange.parse("", open, close);
  }

  @Test
  void closedAllDay() {
    SpecialDay day = SpecialDay.closed(CHRISTMAS);
    assertTrue(day.closed());
    assertTrue(day.ranges().isEmpty());
  }

  @Test
  void ownRangesSortedByOpeningTime() {
    SpecialDay day = SpecialDay.open(CHRISTMAS,
        List.of(range("18:00", "01:00"), range("11:00", "14:00")));
    assertFalse(day.closed());
    assertEquals(List.of(range("11:00", "14:00"), range("18:00", "01:00")), day.ranges());
  }

  @Test
  void closedWithRangesIsInvalid() {
    assertInvalid("is_closed",
        () -> new SpecialDay(CHRISTMAS, true, List.of(range("12:00", "14:00"))));
  }

  @Test
  void openWithoutRangesIsInvalid() {
    assertInvalid("open_time", () -> new SpecialDay(CHRISTMAS, false, List.of()));
    assertInvalid("open_time", () -> new SpecialDay(CHRISTMAS, false, null));
  }

  @Test
  void overlappingRangesAreInvalid() {
    var e = assertInvalid("ranges", () -> SpecialDay.open(CHRISTMAS,
        List.of(range("12:00", "15:00"), range("14:00", "18:00"))));
    assertEquals("ranges: 14:00-18:00 overlaps 12:00-15:00", e.getMessage());
    assertInvalid("ranges", () -> SpecialDay.open(CHRISTMAS,
        List.of(range("09:00", "09:00"), range("20:00", "21:00"))));
  }

  @Test
  void parsesASetSpecialHoursRequest() {
    assertEquals(SpecialDay.closed(CHRISTMAS), SpecialDay.parse("2025-12-25", true, "", null));
    assertEquals(SpecialDay.open(CHRISTMAS, List.of(range("12:00", "16:00"))),
        SpecialDay.parse("2025-12-25", false, "12:00", "16:00"));
    assertEquals(SpecialDay.open(LocalDate.of(2025, 12, 31), List.of(range("18:00", "04:00"))),
        SpecialDay.parse("2025-12-31", false, "18:00", "04:00"));
  }

  @Test
  void parseNamesTheBadField() {
    assertInvalid("date", () -> SpecialDay.parse("2025-02-30", true, "", ""));
    assertInvalid("date", () -> SpecialDay.parse("", true, "", ""));
    assertInvalid("is_closed", () -> SpecialDay.parse("2025-12-25", true, "12:00", "16:00"));
    assertInvalid("is_closed", () -> SpecialDay.parse("2025-12-25", true, "", "16:00"));
    assertInvalid("open_time", () -> SpecialDay.parse("2025-12-25", false, "", "16:00"));
    assertInvalid("close_time", () -> SpecialDay.parse("2025-12-25", false, "12:00", "24:00"));
  }

  @Test
  void leapDay() {
    assertEquals(LocalDate.of(2024, 2, 29),
        SpecialDay.parse("2024-02-29", true, null, null).date());
    assertInvalid("date", () -> SpecialDay.parse("2025-02-29", true, null, null));
  }
}
