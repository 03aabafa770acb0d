package io.booker.booking.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class PacingLimitTest {

  static final Instant FROM = Instant.parse("2031-06-01T17:00:00Z");
  static final Instant TO = Instant.parse("2031-06-01T17:15:00Z");

  static PacingLimit limit(Integer parties, Integer covers) {
    return new PacingLimit(FROM, TO, parties, covers, "Dinner", "19:00", "19:15");
  }

  @Test
  void thePartiesCapCountsTheNewPartyAsOneMore() {
    assertEquals(Optional.empty(), limit(6, null).refusal(5, 40, 8));
    assertEquals(Optional.of("at most 6 parties may start between 19:00 and 19:15 in Dinner (6 already booked)"),
      limit(6, null).refusal(6, 12, 2));
  }

  @Test
  void theCoversCapCountsTheNewPartysGuests() {
    assertEquals(Optional.empty(), limit(null, 24).refusal(10, 20, 4));
    assertEquals(Optional.of("at most 24 guests may start arriving between 19:00 and 19:15 in Dinner (21 already booked, this party is 4)"),
      limit(null, 24).refusal(10, 21, 4));
  }

  @Test
  void withBothCapsEitherRefuses() {
    assertTrue(limit(6, 24).refusal(6, 0, 2).orElseThrow().startsWith("at most 6 parties"));
    assertTrue(limit(6, 24).refusal(0, 23, 2).orElseThrow().startsWith("at most 24 guests"));
    assertEquals(Optional.empty(), limit(6, 24).refusal(5, 22, 2));
  }

  @Test
  void aPartyLargerThanTheCoversCapNeverFits() {
    assertTrue(limit(null, 8).refusal(0, 0, 10).isPresent());
  }

  @Test
  void aWindowNeedsACapAndALength() {
    assertThrows(IllegalArgumentException.class, () -> limit(null, null));
    assertThrows(IllegalArgumentException.class, () -> new PacingLimit(TO, FROM, 6, null, "", "19:15", "19:00"));
  }
}
