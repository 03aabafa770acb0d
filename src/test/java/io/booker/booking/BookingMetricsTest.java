package io.booker.booking;

import io.booker.booking.domain.BookingStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BookingMetricsTest {

  @Test
  void aHoldEndsWhenItsBookingLeavesHeldAndTheOutcomeIsTheNewStatus() {
    assertEquals("confirmed", BookingMetrics.holdOutcome(BookingStatus.HELD, BookingStatus.CONFIRMED));
    assertEquals("cancelled", BookingMetrics.holdOutcome(BookingStatus.HELD, BookingStatus.CANCELLED));
    assertEquals("expired", BookingMetrics.holdOutcome(BookingStatus.HELD, BookingStatus.EXPIRED));
  }

  @Test
  void noHoldEndsOtherwise() {
    assertNull(BookingMetrics.holdOutcome(BookingStatus.HELD, BookingStatus.HELD));
    for (BookingStatus from : BookingStatus.values()) {
      if (from != BookingStatus.HELD) {
        for (BookingStatus to : BookingStatus.values()) {
          assertNull(BookingMetrics.holdOutcome(from, to), from + " -> " + to);
        }
      }
    }
  }
}
