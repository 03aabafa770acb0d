package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.SpecialHoursText;
import io.booker.venue.domain.TimeRangeText;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class ScheduleUseCasesTest {

  private static final UUID VENUE_A = UUID.fromString(A);

  private final Fakes f = new Fakes();

  private static DayHoursText day(int weekday, String open, String close) {
    return new DayHoursText(weekday, open, close);
  }

  private static DayRange stored(int weekday, String open, String close) {
    return new DayRange(weekday, range(open, close));
  }

  private static SpecialHoursText closedOn(String date) {
    return new SpecialHoursText(date, true, "", "", List.of());
  }

  private static SpecialHoursText rangesOn(String date, TimeRangeText... ranges) {
    return new SpecialHoursText(date, false, "", "", List.of(ranges));
  }

  private static TimeRangeText times(String open, String close) {
    return new TimeRangeText(open, close);
  }

  private static OpeningRange range(String open, String close) {
    return new OpeningRange(LocalTime.parse(open), LocalTime.parse(close));
  }

  // ---- opening hours

  @Test
  void replacesTheWeekAndCommitsScheduleUpdatedWithoutDate() {
    succeeded(f.hours.setOpeningHours(MANAGER_A, A,
      List.of(day(2, "18:00", "23:00"), day(2, "12:00", "14:30"), day(6, "19:00", "02:00")), false));

    List<DayRange> week = succeeded(f.hours.getOpeningHours(HOST_A, A));
    assertEquals(List.of(stored(2, "12:00", "14:30"), stored(2, "18:00", "23:00"), stored(6, "19:00", "02:00")), week);
    JsonObject p = assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject(), p.getJsonObject("schedule_updated"), "no date: the weekly hours");
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void closedAllWeekIsAnEmptyWeek() {
    succeeded(f.hours.setOpeningHours(ADMIN, A, List.of(), true));
    assertEquals(List.of(), f.schedule.weeks.get(VENUE_A));
  }

  @Test
  void anEmptyWeekWithoutClosedAllWeekIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, A, List.of(), false));
    assertEquals(List.of(), f.schedule.calls);
  }

  @Test
  void invalidDaysAreRefusedBeforeAnythingIsWritten() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, A, List.of(day(8, "12:00", "14:00")), false));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, A, List.of(day(1, "25:00", "14:00")), false));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, A,
      List.of(day(1, "12:00", "15:00"), day(1, "14:00", "16:00")), false));
    assertEquals(List.of(), f.schedule.calls);
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void theHoursOfAMissingVenueAreNotFoundAndNothingIsRelayed() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.hours.setOpeningHours(ADMIN, MISSING,
      List.of(day(1, "12:00", "14:00")), false));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
    assertEquals(0, f.eventsWritten.get());
    failed(ErrorCode.NOT_FOUND, () -> f.hours.getOpeningHours(ADMIN, MISSING));
  }

  @Test
  void aVenueWithoutHoursHasAnEmptyWeek() {
    assertEquals(List.of(), succeeded(f.hours.getOpeningHours(ADMIN, B)));
  }

  // ---- special hours

  @Test
  void setsTheRangesOfADateAndCommitsScheduleUpdatedForIt() {
    succeeded(f.hours.setSpecialHours(MANAGER_A, A,
      rangesOn(DATE, times("18:00", "23:00"), times("11:00", "14:00"))));

    SpecialDay stored = f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE));
    assertFalse(stored.closed());
    assertEquals(List.of(range("11:00", "14:00"), range("18:00", "23:00")), stored.ranges());
    JsonObject p = assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject().put("date", DATE), p.getJsonObject("schedule_updated"));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void theSingleRangeFieldsStillWork() {
    succeeded(f.hours.setSpecialHours(ADMIN, A,
      new SpecialHoursText(DATE, false, "10:00", "16:00", List.of())));
    assertEquals(List.of(range("10:00", "16:00")), f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).ranges());
  }

  @Test
  void rangesWinOverTheSingleRangeFields() {
    succeeded(f.hours.setSpecialHours(ADMIN, A,
      new SpecialHoursText(DATE, false, "10:00", "16:00", List.of(times("17:00", "20:00")))));
    assertEquals(List.of(range("17:00", "20:00")), f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).ranges());
  }

  @Test
  void aClosedDayHasNoRanges() {
    succeeded(f.hours.setSpecialHours(ADMIN, A, closedOn(DATE)));
    assertTrue(f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).closed());
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, A,
      new SpecialHoursText(DATE, true, "", "", List.of(times("17:00", "20:00")))));
    assertTrue(e.getMessage().startsWith("is_closed"), e.getMessage());
  }

  @Test
  void aMalformedDateOrRangeIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, A, closedOn("2031-13-01")));
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, A,
      rangesOn(DATE, times("9", "20:00"))));
    assertTrue(e.getMessage().startsWith("ranges[0]"), e.getMessage());
    assertEquals(List.of(), f.schedule.calls);
  }

  @Test
  void theSpecialHoursOfAMissingVenueAreNotFound() {
    failed(ErrorCode.NOT_FOUND, () -> f.hours.setSpecialHours(ADMIN, MISSING, closedOn(DATE)));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void listsFromTodayInTheVenuesZoneToAYearOnByDefault() {
    f.schedule.putDay(VENUE_A, SpecialDay.open(LocalDate.parse(DATE), List.of(range("18:00", "23:00"))));
    List<SpecialDay> list = succeeded(f.hours.listSpecialHours(HOST_A, A, "", ""));

    LocalDate today = LocalDate.parse("2031-05-01");
    assertEquals(List.of(new FakeScheduleStore.Range(VENUE_A, today, today.plusDays(ScheduleUseCases.DEFAULT_LIST_DAYS))), f.schedule.ranges);
    assertEquals(List.of(SpecialDay.open(LocalDate.parse(DATE), List.of(range("18:00", "23:00")))), list);
  }

  @Test
  void todayIsTheVenuesDateNotUtcs() {
    // 23:30 UTC on 30 April is already 1 May in Paris (UTC+2).
    Fakes late = new Fakes();
    ScheduleUseCases hours = new ScheduleUseCases(new VenueDeps(late.structure, late.structure, late.structure, late.structure, late.schedule,
      late.seating, late.availability, late.layouts, late.bookings, late.deps.events(), late.eventsWritten::incrementAndGet,
      java.time.Clock.fixed(java.time.Instant.parse("2031-04-30T23:30:00Z"), java.time.ZoneOffset.UTC)));
    succeeded(hours.listSpecialHours(ADMIN, A, "", ""));
    succeeded(hours.listSpecialHours(ADMIN, B, "", ""));
    assertEquals(LocalDate.parse("2031-05-01"), late.schedule.ranges.get(0).from(), "Paris");
    assertEquals(LocalDate.parse("2031-04-30"), late.schedule.ranges.get(1).from(), "UTC");
  }

  @Test
  void listsAGivenRangeWithClosedDays() {
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse("2031-07-14")));
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse("2031-12-25")));
    List<SpecialDay> list = succeeded(f.hours.listSpecialHours(HOST_A, A, "2031-07-01", "2031-07-31"));
    assertEquals(List.of(SpecialDay.closed(LocalDate.parse("2031-07-14"))), list);
    assertTrue(list.get(0).ranges().isEmpty());
  }

  @Test
  void theRangeMustRunForwardsAndAtMostThreeYears() {
    ServiceException back = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.listSpecialHours(ADMIN, A, "2031-07-01", "2031-06-30"));
    assertEquals("to_date: must not be before from_date (2031-07-01)", back.getMessage());
    ServiceException far = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.listSpecialHours(ADMIN, A, "2031-07-01", "2034-07-02"));
    assertTrue(far.getMessage().startsWith("to_date"), far.getMessage());
    succeeded(f.hours.listSpecialHours(ADMIN, A, "2031-07-01", "2034-07-01"));
    assertEquals(1, f.schedule.ranges.size(), "only the valid range was read");
  }

  @Test
  void theSpecialHoursListOfAMissingVenueIsNotFound() {
    failed(ErrorCode.NOT_FOUND, () -> f.hours.listSpecialHours(ADMIN, MISSING, "", ""));
    assertEquals(List.of(), f.schedule.ranges);
  }

  @Test
  void deletesTheSpecialHoursOfADateAndCommitsScheduleUpdated() {
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse(DATE)));
    succeeded(f.hours.deleteSpecialHours(MANAGER_A, A, DATE));

    assertTrue(f.schedule.special.get(VENUE_A).isEmpty());
    assertEquals(new JsonObject().put("date", DATE),
      assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0)).getJsonObject("schedule_updated"));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void deletingADateWithoutSpecialHoursIsNotFoundWithoutEvent() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.hours.deleteSpecialHours(ADMIN, A, "2031-06-02"));
    assertEquals("special hours of venue " + A + " on 2031-06-02 not found", e.getMessage());
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }
}
