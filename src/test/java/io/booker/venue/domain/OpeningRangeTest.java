package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningRangeTest {

  @ParameterizedTest
  @CsvSource({
      "12:00, 15:00, false, false, 180",
      "18:00, 02:00, true, false, 480",
      "18:00, 00:00, true, false, 360",
      "00:00, 23:59, false, false, 1439",
      "23:59, 00:00, true, false, 1",
      "10:00, 10:00, true, true, 1440",
      "00:00, 00:00, true, true, 1440"
  })
  void knowsItsShape(String open, String close, boolean overnight, boolean allDay, int length) {
    OpeningRange r = OpeningRange.parse("", open, close);
    assertEquals(overnight, r.overnight());
    assertEquals(allDay, r.allDay());
    assertEquals(length, r.lengthMinutes());
    assertEquals(open + "-" + close, r.toString());
  }

  @Test
  void namesFieldsUnderThePrefix() {
    assertInvalid("days[3].open_time", () -> OpeningRange.parse("days[3]", "24:00", "10:00"));
    assertInvalid("days[3].close_time", () -> OpeningRange.parse("days[3]", "10:00", "9:5"));
    assertInvalid("open_time", () -> OpeningRange.parse("", null, "10:00"));
    assertInvalid("close_time", () -> OpeningRange.parse(null, "10:00", ""));
  }

  @Test
  void dropsSecondsSoTouchingRangesStayTouching() {
    OpeningRange r = new OpeningRange(LocalTime.of(12, 0, 30), LocalTime.of(15, 0, 59));
    assertEquals(LocalTime.of(12, 0), r.open());
    assertEquals(LocalTime.of(15, 0), r.close());
  }

  @Test
  void requiresBothTimes() {
    assertThrows(NullPointerException.class, () -> new OpeningRange(null, LocalTime.NOON));
    assertThrows(NullPointerException.class, () -> new OpeningRange(LocalTime.NOON, null));
  }

  @Test
  void sameDayRangeIsNotOvernight() {
    assertFalse(OpeningRange.parse("", "00:00", "00:01").overnight());
    assertTrue(OpeningRange.parse("", "00:01", "00:00").overnight());
  }
}
