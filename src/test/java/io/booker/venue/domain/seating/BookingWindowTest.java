package io.booker.venue.domain.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingWindowTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** 2026-01-01 00:30 in Paris, still 2025-12-31 in UTC. */
  private static final Instant NOW = Instant.parse("2025-12-31T23:30:00Z");

  private static Optional<BookingWindow.Problem> check(BookingWindow w, String start) {
    return w.check(NOW, Instant.parse(start), PARIS);
  }

  @Test
  void maxDaysAheadCountsVenueLocalDatesInclusive() {
    BookingWindow w = new BookingWindow(90, 0);
    assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), w.lastDate(NOW, PARIS));
    // 2026-04-01 23:30 in Paris (+02:00 by then) is the last bookable start.
    assertEquals(Optional.empty(), check(w, "2026-04-01T21:30:00Z"));
    Optional<BookingWindow.Problem> late = check(w, "2026-04-01T22:00:00Z");
    assertEquals(Optional.of(new BookingWindow.Problem(BookingWindow.Limit.MAX_DAYS_AHEAD,
        "bookings open at most 90 days ahead (until 2026-04-01)")), late);
  }

  @Test
  void oneDayAheadIsSingular() {
    assertEquals("bookings open at most 1 day ahead (until 2026-01-02)",
        check(new BookingWindow(1, 0), "2026-01-02T23:00:00Z").orElseThrow().message());
  }

  @Test
  void minNoticeCountsRealMinutesFromNow() {
    BookingWindow w = new BookingWindow(null, 60);
    assertEquals(Instant.parse("2026-01-01T00:30:00Z"), w.earliestStart(NOW));
    assertEquals(Optional.empty(), check(w, "2026-01-01T00:30:00Z"));
    assertEquals(Optional.of(new BookingWindow.Problem(BookingWindow.Limit.MIN_NOTICE,
        "needs at least 60 minutes' notice")), check(w, "2026-01-01T00:29:00Z"));
    assertEquals("needs at least 1 minute's notice",
        check(new BookingWindow(null, 1), "2025-12-31T23:30:30Z").orElseThrow().message());
  }

  @Test
  void noLimitsCheckNothingAndLeaveThePastToTheHoursCheck() {
    assertEquals(Optional.empty(), check(BookingWindow.NONE, "2030-01-01T12:00:00Z"));
    assertEquals(Optional.empty(), check(BookingWindow.NONE, "2025-01-01T12:00:00Z"));
    assertEquals(Optional.empty(), BookingWindow.NONE.lastDate(NOW, PARIS));
    assertEquals(Optional.empty(), check(new BookingWindow(30, 0), "2025-12-31T12:00:00Z"));
  }
}
