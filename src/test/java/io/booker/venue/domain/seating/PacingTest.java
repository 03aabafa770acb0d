package io.booker.venue.domain.seating;

import static io.booker.venue.domain.seating.SeatingDocs.EVERY_DAY;
import static io.booker.venue.domain.seating.SeatingDocs.pacing;
import static io.booker.venue.domain.seating.SeatingDocs.period;
import static io.booker.venue.domain.seating.SeatingDocs.periods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacingTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static PacingWindow window(SeatingRules rules, String start, ZoneId zone) {
    Optional<PacingWindow> w = rules.pacingWindow(Instant.parse(start), zone);
    assertTrue(w.isPresent(), "a pacing window holds " + start);
    return w.get();
  }

  /** "[from, to) labelled HH:MM-HH:MM". */
  private static String text(PacingWindow w) {
    return "[" + w.from() + ", " + w.to() + ") " + w.localFrom().toLocalTime() + "-"
        + w.localTo().toLocalTime();
  }

  // ---- Caps ----

  @Test
  void aPartyFitsUpToBothCapsInclusive() {
    Pacing pacing = new Pacing(15, 6, 24);
    PacingCheck check = pacing.check(5, 20, 4);
    assertTrue(check.fits());
    assertEquals(List.of(), check.exceeded());
  }

  @Test
  void theCapOnPartiesCountsTheNewParty() {
    PacingCheck check = new Pacing(15, 6, 24).check(6, 12, 2);
    assertFalse(check.fits());
    assertEquals(List.of(Pacing.Cap.PARTIES), check.exceeded());
    assertEquals("at most 6 parties may start between 19:00 and 19:15 (6 parties already booked,"
        + " this party is 2 guests)", check.refusal("19:00", "19:15"));
  }

  @Test
  void theCapOnCoversCountsTheNewPartysGuests() {
    PacingCheck check = new Pacing(15, 6, 24).check(3, 20, 5);
    assertEquals(List.of(Pacing.Cap.COVERS), check.exceeded());
    assertEquals("at most 24 covers may start between 19:00 and 19:15 (20 covers already booked,"
        + " this party is 5 guests)", check.refusal("19:00", "19:15"));
  }

  @Test
  void namesBothCapsWhenBothAreExceeded() {
    PacingCheck check = new Pacing(15, 1, 4).check(1, 1, 4);
    assertEquals(List.of(Pacing.Cap.PARTIES, Pacing.Cap.COVERS), check.exceeded());
    assertEquals("at most 1 party and 4 covers may start between 19:00 and 19:15 (1 party,"
        + " 1 cover already booked, this party is 4 guests)", check.refusal("19:00", "19:15"));
  }

  @Test
  void aCapLeftOutLimitsNothing() {
    assertTrue(new Pacing(15, null, 24).check(500, 0, 24).fits());
    assertTrue(new Pacing(15, 6, null).check(5, 999, 100).fits());
  }

  @Test
  void aPartyLargerThanTheCapOnCoversNeverFits() {
    assertEquals(List.of(Pacing.Cap.COVERS), new Pacing(15, null, 24).check(0, 0, 25).exceeded());
  }

  @Test
  void aFittingCheckHasNoRefusal() {
    assertThrows(IllegalStateException.class,
        () -> new Pacing(15, 6, null).check(0, 0, 2).refusal("19:00", "19:15"));
  }

  // ---- Windows ----

  @Test
  void windowsAreAlignedOnThePeriodsStart() {
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "18:10", "23:00", "21:30", 5, pacing(15, 6, null)));
    // Paris is at +01:00 in January: 19:00 local is 18:00Z.
    assertEquals("[2026-01-09T17:55:00Z, 2026-01-09T18:10:00Z) 18:55-19:10",
        text(window(rules, "2026-01-09T18:00:00Z", PARIS)));
    assertEquals("[2026-01-09T17:10:00Z, 2026-01-09T17:25:00Z) 18:10-18:25",
        text(window(rules, "2026-01-09T17:10:00Z", PARIS)));
    assertEquals("[2026-01-09T17:10:00Z, 2026-01-09T17:25:00Z) 18:10-18:25",
        text(window(rules, "2026-01-09T17:24:59Z", PARIS)));
  }

  @Test
  void theLastWindowIsCutAtThePeriodsEnd() {
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "18:00", "22:10", "22:00", 5, pacing(15, 6, null)),
        period("Late", EVERY_DAY, "22:10", "23:30", "23:00", 5, pacing(15, 2, null)));
    assertEquals("[2026-01-09T21:00:00Z, 2026-01-09T21:10:00Z) 22:00-22:10",
        text(window(rules, "2026-01-09T21:05:00Z", PARIS)));
    assertEquals("[2026-01-09T21:10:00Z, 2026-01-09T21:25:00Z) 22:10-22:25",
        text(window(rules, "2026-01-09T21:10:00Z", PARIS)));
  }

  @Test
  void noWindowOutsidePeriodsOrWithoutPacing() {
    SeatingRules rules = periods(
        period("Lunch", EVERY_DAY, "12:00", "15:00", "14:00"),
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, 6, null)));
    assertEquals(Optional.empty(), rules.pacingWindow(Instant.parse("2026-01-09T12:00:00Z"), PARIS));
    assertEquals(Optional.empty(), rules.pacingWindow(Instant.parse("2026-01-09T16:00:00Z"), PARIS));
    assertEquals(Optional.empty(),
        SeatingRules.NONE.pacingWindow(Instant.parse("2026-01-09T18:00:00Z"), PARIS));
  }

  @Test
  void anOvernightPeriodsWindowsRunPastMidnight() {
    SeatingRules rules = periods(
        period("Dinner", List.of(5), "18:00", "02:00", "01:00", 15, pacing(15, 6, null)));
    // Saturday 00:30 in Paris.
    PacingWindow w = window(rules, "2026-01-09T23:35:00Z", PARIS);
    assertEquals("[2026-01-09T23:30:00Z, 2026-01-09T23:45:00Z) 00:30-00:45", text(w));
    assertEquals(LocalDate.of(2026, 1, 9), w.periodDay().day());
    assertEquals(LocalDate.of(2026, 1, 10), w.localFrom().toLocalDate());
  }

  @Test
  void parisSpringForwardWindowsStayContiguousInRealTime() {
    // 2025-03-30: 02:00 (+01:00) jumps to 03:00 (+02:00). Hourly windows from 22:30.
    SeatingRules rules = periods(
        period("Late", List.of(6), "22:30", "05:00", "04:00", 30, pacing(60, 4, null)));
    assertEquals("[2025-03-30T00:30:00Z, 2025-03-30T01:00:00Z) 01:30-02:30",
        text(window(rules, "2025-03-30T00:45:00Z", PARIS)));
    // 03:10 summer time lies in the window that starts at 02:30, which does not exist: it starts
    // when the clocks jump, where the window before ends.
    assertEquals("[2025-03-30T01:00:00Z, 2025-03-30T01:30:00Z) 02:30-03:30",
        text(window(rules, "2025-03-30T01:10:00Z", PARIS)));
    assertEquals("[2025-03-30T01:30:00Z, 2025-03-30T02:30:00Z) 03:30-04:30",
        text(window(rules, "2025-03-30T01:30:00Z", PARIS)));
  }

  @Test
  void parisFallBackPutsTheRepeatedHourInTheWindowWhereItEnds() {
    // 2025-10-26: 03:00 (+02:00) goes back to 02:00 (+01:00), so 02:00-03:00 happens twice.
    SeatingRules rules = periods(
        period("Late", List.of(6), "22:00", "04:00", "03:30", 15, pacing(15, 4, null)));
    assertEquals("[2025-10-26T00:00:00Z, 2025-10-26T00:15:00Z) 02:00-02:15",
        text(window(rules, "2025-10-26T00:05:00Z", PARIS)));
    PacingWindow last = window(rules, "2025-10-26T00:45:00Z", PARIS);
    assertEquals("[2025-10-26T00:45:00Z, 2025-10-26T02:00:00Z) 02:45-03:00", text(last));
    // The second 02:10 (+01:00) is counted there too, not in a window of its own.
    assertEquals(last, window(rules, "2025-10-26T01:10:00Z", PARIS));
    assertEquals("[2025-10-26T02:00:00Z, 2025-10-26T02:15:00Z) 03:00-03:15",
        text(window(rules, "2025-10-26T02:00:00Z", PARIS)));
  }

  @Test
  void newYorkWindowsAcrossBothChanges() {
    SeatingRules rules = periods(
        period("Late", List.of(6), "23:00", "04:00", "03:00", 30, pacing(30, 4, null)));
    // 2025-03-09: 02:00 (-05:00) jumps to 03:00 (-04:00); 02:00-02:30 and 02:30-03:00 are empty.
    assertEquals("[2025-03-09T06:30:00Z, 2025-03-09T07:00:00Z) 01:30-02:00",
        text(window(rules, "2025-03-09T06:45:00Z", NEW_YORK)));
    assertEquals("[2025-03-09T07:00:00Z, 2025-03-09T07:30:00Z) 03:00-03:30",
        text(window(rules, "2025-03-09T07:00:00Z", NEW_YORK)));
    // 2025-11-02: 02:00 (-04:00) goes back to 01:00 (-05:00); the second 01:00-02:00 is counted in
    // the window 01:30-02:00.
    assertEquals("[2025-11-02T05:30:00Z, 2025-11-02T07:00:00Z) 01:30-02:00",
        text(window(rules, "2025-11-02T06:15:00Z", NEW_YORK)));
    assertEquals("[2025-11-02T07:00:00Z, 2025-11-02T07:30:00Z) 02:00-02:30",
        text(window(rules, "2025-11-02T07:00:00Z", NEW_YORK)));
  }

  @Test
  void aWindowCountsOnlyTheStartsInsideIt() {
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 15, pacing(15, 2, 6)));
    PacingWindow w = window(rules, "2026-01-09T18:05:00Z", PARIS); // 19:00-19:15
    List<BookedStart> booked = List.of(
        new BookedStart(Instant.parse("2026-01-09T17:59:00Z"), 4), // 18:59, before
        new BookedStart(Instant.parse("2026-01-09T18:00:00Z"), 3), // 19:00, inside
        new BookedStart(Instant.parse("2026-01-09T18:15:00Z"), 4)); // 19:15, after
    assertTrue(w.check(booked, 3).fits());
    PacingCheck tooMany = w.check(booked, 4);
    assertEquals(List.of(Pacing.Cap.COVERS), tooMany.exceeded());
    assertEquals("at most 6 covers may start between 19:00 and 19:15 (3 covers already booked,"
        + " this party is 4 guests)", w.refusal(tooMany));
  }

  // ---- Availability ----

  @Test
  void offersOnlyTheStartsWhoseWindowHasRoom() {
    ZoneId utc = ZoneId.of("UTC");
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "18:00", "20:00", "19:30", 15, pacing(30, 2, 8)),
        period("Late", EVERY_DAY, "20:00", "22:00", "20:30", 30, null));
    LocalDate day = LocalDate.of(2026, 1, 9);
    List<SlotStart> slots = rules.slotStarts(day, utc);
    List<BookedStart> booked = List.of(
        new BookedStart(Instant.parse("2026-01-09T18:00:00Z"), 2),
        new BookedStart(Instant.parse("2026-01-09T18:20:00Z"), 2), // 18:00-18:30 has 2 parties
        new BookedStart(Instant.parse("2026-01-09T18:45:00Z"), 6), // 18:30-19:00 has 6 covers
        new BookedStart(Instant.parse("2026-01-09T20:00:00Z"), 8),
        new BookedStart(Instant.parse("2026-01-09T20:00:00Z"), 8));
    List<String> two = rules.startsWithRoom(slots, booked, 2, utc).stream()
        .map(s -> s.time().toString()).toList();
    assertEquals(List.of("18:30", "18:45", "19:00", "19:15", "19:30", "20:00", "20:30"), two);
    List<String> three = rules.startsWithRoom(slots, booked, 3, utc).stream()
        .map(s -> s.time().toString()).toList();
    assertEquals(List.of("19:00", "19:15", "19:30", "20:00", "20:30"), three);
    assertEquals(slots, rules.startsWithRoom(slots, List.of(), 8, utc));
    assertEquals(List.of("20:00", "20:30"), rules.startsWithRoom(slots, List.of(), 9, utc).stream()
        .map(s -> s.time().toString()).toList());
  }
}
