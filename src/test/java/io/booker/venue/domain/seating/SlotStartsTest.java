package io.booker.venue.domain.seating;

import static io.booker.venue.domain.seating.SeatingDocs.EVERY_DAY;
import static io.booker.venue.domain.seating.SeatingDocs.period;
import static io.booker.venue.domain.seating.SeatingDocs.periods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotStartsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate FRIDAY = LocalDate.of(2026, 1, 9);
  private static final LocalDate SATURDAY = FRIDAY.plusDays(1);

  private static List<String> labels(List<SlotStart> slots) {
    return slots.stream().map(s -> s.date() + " " + s.time()).toList();
  }

  private static List<Instant> instants(List<SlotStart> slots) {
    return slots.stream().map(SlotStart::instant).toList();
  }

  private static String name(Optional<PeriodDay> found) {
    return found.map(d -> d.period().name() + " of " + d.day()).orElse("none");
  }

  @Test
  void offersStartsFromTheStartEveryIntervalUpToTheLastSeatingInclusive() {
    SeatingRules rules = periods(period("Dinner", EVERY_DAY, "18:00", "23:00", "21:30", 30, null));
    List<SlotStart> slots = rules.slotStarts(FRIDAY, PARIS);
    assertEquals(List.of("2026-01-09 18:00", "2026-01-09 18:30", "2026-01-09 19:00",
        "2026-01-09 19:30", "2026-01-09 20:00", "2026-01-09 20:30", "2026-01-09 21:00",
        "2026-01-09 21:30"), labels(slots));
    // Paris is at +01:00 in January.
    assertEquals(Instant.parse("2026-01-09T17:00:00Z"), slots.get(0).instant());
    assertEquals("Dinner", slots.get(0).periodDay().period().name());
    assertEquals(FRIDAY, slots.get(0).periodDay().day());
  }

  @Test
  void aLastSeatingOffTheGridEndsWithTheLastGridTimeBeforeIt() {
    SeatingRules rules = periods(period("Dinner", EVERY_DAY, "18:00", "23:00", "19:10", 30, null));
    assertEquals(List.of("2026-01-09 18:00", "2026-01-09 18:30", "2026-01-09 19:00"),
        labels(rules.slotStarts(FRIDAY, PARIS)));
  }

  @Test
  void aDayWithLunchAndDinnerOffersBothInTimeOrder() {
    SeatingRules rules = periods(
        period("Dinner", EVERY_DAY, "19:00", "23:00", "20:00", 60, null),
        period("Lunch", EVERY_DAY, "12:00", "15:00", "13:30", 30, null));
    assertEquals(List.of("2026-01-09 12:00", "2026-01-09 12:30", "2026-01-09 13:00",
        "2026-01-09 13:30", "2026-01-09 19:00", "2026-01-09 20:00"),
        labels(rules.slotStarts(FRIDAY, PARIS)));
  }

  @Test
  void offersOnlyThePeriodsOfTheServiceDaysWeekday() {
    SeatingRules rules = periods(
        period("Brunch", List.of(0, 6), "10:00", "14:00", "10:30", 30, null),
        period("Dinner", List.of(5), "18:00", "23:00", "18:30", 30, null));
    assertEquals(List.of("2026-01-09 18:00", "2026-01-09 18:30"),
        labels(rules.slotStarts(FRIDAY, PARIS)));
    assertEquals(List.of("2026-01-10 10:00", "2026-01-10 10:30"),
        labels(rules.slotStarts(SATURDAY, PARIS)));
    assertTrue(rules.slotStarts(FRIDAY.minusDays(1), PARIS).isEmpty());
    assertTrue(SeatingRules.NONE.slotStarts(FRIDAY, PARIS).isEmpty());
  }

  @Test
  void anOvernightPeriodsStartsAfterMidnightCarryTheNextDate() {
    SeatingRules rules = periods(period("Late", List.of(5), "22:00", "03:00", "01:00", 30, null));
    assertEquals(List.of("2026-01-09 22:00", "2026-01-09 22:30", "2026-01-09 23:00",
        "2026-01-09 23:30", "2026-01-10 00:00", "2026-01-10 00:30", "2026-01-10 01:00"),
        labels(rules.slotStarts(FRIDAY, PARIS)));
    // Saturday has no period of its own: Friday's tail belongs to Friday.
    assertTrue(rules.slotStarts(SATURDAY, PARIS).isEmpty());
  }

  @Test
  void findsThePeriodOfAStartIncludingAnOvernightTail() {
    SeatingRules rules = periods(
        period("Lunch", List.of(1, 2, 3, 4, 5), "12:00", "15:00", "14:00"),
        period("Dinner", List.of(5), "18:00", "02:00", "23:30"),
        period("Brunch", List.of(6), "10:00", "14:00", "13:00"));
    assertEquals("Lunch of 2026-01-09", name(rules.periodAt(FRIDAY, LocalTime.of(12, 0))));
    assertEquals("Lunch of 2026-01-09", name(rules.periodAt(FRIDAY, LocalTime.of(14, 59))));
    assertEquals("none", name(rules.periodAt(FRIDAY, LocalTime.of(15, 0))));
    assertEquals("none", name(rules.periodAt(FRIDAY, LocalTime.of(17, 59))));
    assertEquals("Dinner of 2026-01-09", name(rules.periodAt(FRIDAY, LocalTime.of(18, 0))));
    assertEquals("Dinner of 2026-01-09", name(rules.periodAt(SATURDAY, LocalTime.of(0, 30))));
    assertEquals("Dinner of 2026-01-09", name(rules.periodAt(SATURDAY, LocalTime.of(1, 59))));
    assertEquals("none", name(rules.periodAt(SATURDAY, LocalTime.of(2, 0))));
    assertEquals("Brunch of 2026-01-10", name(rules.periodAt(SATURDAY, LocalTime.of(10, 0))));
    assertEquals("none", name(rules.periodAt(SATURDAY, LocalTime.of(14, 0))));
    assertEquals("none", name(rules.periodAt(FRIDAY.plusDays(7), LocalTime.of(0, 30))));
    assertEquals("Dinner of 2026-01-09",
        name(rules.periodAt(Instant.parse("2026-01-09T23:30:00Z"), PARIS)));
  }

  @Test
  void aPeriodDayKnowsWhichStartsItOffers() {
    SeatingRules rules = periods(period("Dinner", List.of(5), "18:00", "02:00", "01:00", 15, null));
    PeriodDay dinner = rules.periodDays(FRIDAY).get(0);
    assertTrue(dinner.offersStart(LocalDateTime.of(2026, 1, 9, 18, 15)));
    assertTrue(dinner.offersStart(LocalDateTime.of(2026, 1, 10, 1, 0)));
    assertFalse(dinner.offersStart(LocalDateTime.of(2026, 1, 10, 1, 15)), "after the last seating");
    assertFalse(dinner.offersStart(LocalDateTime.of(2026, 1, 9, 18, 20)), "off the grid");
    assertFalse(dinner.offersStart(LocalDateTime.of(2026, 1, 9, 17, 45)), "before the start");
    assertEquals(LocalDateTime.of(2026, 1, 10, 2, 0), dinner.localEnd());
  }

  @Test
  void parisSpringForwardSkipsTheTimesThatDoNotExist() {
    // 2025-03-30: clocks go from 02:00 (+01:00) to 03:00 (+02:00).
    SeatingRules rules = periods(period("Late", List.of(6), "22:00", "04:00", "03:30", 30, null));
    List<SlotStart> slots = rules.slotStarts(LocalDate.of(2025, 3, 29), PARIS);
    assertEquals(List.of("2025-03-29 22:00", "2025-03-29 22:30", "2025-03-29 23:00",
        "2025-03-29 23:30", "2025-03-30 00:00", "2025-03-30 00:30", "2025-03-30 01:00",
        "2025-03-30 01:30", "2025-03-30 03:00", "2025-03-30 03:30"), labels(slots));
    assertEquals(Instant.parse("2025-03-30T00:30:00Z"), slots.get(7).instant());
    assertEquals(Instant.parse("2025-03-30T01:00:00Z"), slots.get(8).instant());
  }

  @Test
  void parisFallBackOffersARepeatedTimeOnceAtItsFirstOccurrence() {
    // 2025-10-26: clocks go from 03:00 (+02:00) back to 02:00 (+01:00).
    SeatingRules rules = periods(period("Late", List.of(6), "22:00", "04:00", "03:30", 30, null));
    List<SlotStart> slots = rules.slotStarts(LocalDate.of(2025, 10, 25), PARIS);
    assertEquals(12, slots.size());
    assertEquals(List.of(Instant.parse("2025-10-26T00:00:00Z"),
        Instant.parse("2025-10-26T00:30:00Z"), Instant.parse("2025-10-26T02:00:00Z"),
        Instant.parse("2025-10-26T02:30:00Z")), instants(slots).subList(8, 12));
    assertEquals(List.of("2025-10-26 02:00", "2025-10-26 02:30", "2025-10-26 03:00",
        "2025-10-26 03:30"), labels(slots).subList(8, 12));
  }

  @Test
  void newYorkSpringForwardSkipsTheTimesThatDoNotExist() {
    // 2025-03-09: clocks go from 02:00 (-05:00) to 03:00 (-04:00).
    SeatingRules rules = periods(period("Late", List.of(6), "23:00", "03:30", "03:00", 30, null));
    List<SlotStart> slots = rules.slotStarts(LocalDate.of(2025, 3, 8), NEW_YORK);
    assertEquals(List.of("2025-03-08 23:00", "2025-03-08 23:30", "2025-03-09 00:00",
        "2025-03-09 00:30", "2025-03-09 01:00", "2025-03-09 01:30", "2025-03-09 03:00"),
        labels(slots));
    assertEquals(Instant.parse("2025-03-09T06:30:00Z"), slots.get(5).instant());
    assertEquals(Instant.parse("2025-03-09T07:00:00Z"), slots.get(6).instant());
  }

  @Test
  void newYorkFallBackOffersARepeatedTimeOnceAtItsFirstOccurrence() {
    // 2025-11-02: clocks go from 02:00 (-04:00) back to 01:00 (-05:00).
    SeatingRules rules = periods(period("Late", List.of(6), "23:00", "03:00", "02:30", 30, null));
    List<SlotStart> slots = rules.slotStarts(LocalDate.of(2025, 11, 1), NEW_YORK);
    assertEquals(List.of("2025-11-01 23:00", "2025-11-01 23:30", "2025-11-02 00:00",
        "2025-11-02 00:30", "2025-11-02 01:00", "2025-11-02 01:30", "2025-11-02 02:00",
        "2025-11-02 02:30"), labels(slots));
    assertEquals(List.of(Instant.parse("2025-11-02T05:00:00Z"),
        Instant.parse("2025-11-02T05:30:00Z"), Instant.parse("2025-11-02T07:00:00Z"),
        Instant.parse("2025-11-02T07:30:00Z")), instants(slots).subList(4, 8));
  }
}
