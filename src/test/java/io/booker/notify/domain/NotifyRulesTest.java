package io.booker.notify.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The small rules: versions, back-off, masking, the reminder re-check, event facts. */
class NotifyRulesTest {

  @Test
  void anEventIsStaleUnlessNewerThanWhatIsKnown() {
    assertFalse(Versions.isStale(null, 1), "the first event of a booking");
    assertFalse(Versions.isStale(1L, 2));
    assertFalse(Versions.isStale(1L, 5), "versions may be skipped (an event still on its way)");
    assertTrue(Versions.isStale(2L, 2), "the same version again");
    assertTrue(Versions.isStale(3L, 2), "an older one arriving late");
  }

  @Test
  void backOffDoublesFromTheInitialWaitUpToTheMaximum() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(2), p.backoff(1));
    assertEquals(Duration.ofSeconds(4), p.backoff(2));
    assertEquals(Duration.ofSeconds(8), p.backoff(3));
    assertEquals(Duration.ofSeconds(10), p.backoff(4));
    assertEquals(Duration.ofSeconds(10), p.backoff(60), "no overflow after many attempts");
    assertFalse(p.exhausted(5));
    assertTrue(p.exhausted(6));
    assertTrue(p.exhausted(7));
  }

  @Test
  void theDefaultPolicyIsSixAttemptsFromTwoSecondsToTenMinutes() {
    assertEquals(new RetryPolicy(6, Duration.ofMillis(2000), Duration.ofMillis(600_000)), RetryPolicy.DEFAULT);
  }

  @Test
  void aPolicyMakesSense() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(2)));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(3), Duration.ofSeconds(2)));
  }

  @Test
  void aReminderGoesOnlyForAStillConfirmedBookingAtTheSameStart() {
    Instant start = Instant.parse("2026-12-03T19:00:00Z");
    assertNull(ReminderCheck.obsolete("confirmed", start, start));
    assertEquals("booking is cancelled", ReminderCheck.obsolete("cancelled", start, start));
    assertEquals("booking is unknown", ReminderCheck.obsolete(null, start, start));
    assertEquals("booking was moved", ReminderCheck.obsolete("confirmed", start.plusSeconds(3600), start));
    assertEquals("booking was moved", ReminderCheck.obsolete("confirmed", null, start));
  }

  @Test
  void factsKnowTheirTemplateNameAndNormaliseMissingText() {
    BookingFacts f = new BookingFacts(UUID.randomUUID(), "booking.no_show", Instant.EPOCH, UUID.randomUUID(), UUID.randomUUID(), 3,
      null, null, null, 0, null, null, 0, null, " jane@example.com ", null, null, null);
    assertEquals("no_show", f.action());
    assertEquals("jane@example.com", f.customerEmail());
    assertEquals("", f.customerPhone());
    assertEquals("", f.status());
    assertThrows(NullPointerException.class, () -> new BookingFacts(null, "booking.held", Instant.EPOCH, UUID.randomUUID(),
      UUID.randomUUID(), 1, "", null, null, 0, null, null, 0, "", "", "", null, ""));
  }
}
