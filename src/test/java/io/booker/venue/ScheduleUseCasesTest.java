package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
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

  private static DayHours day(int weekday, String open, String close) {
    return DayHours.newBuilder().setWeekday(weekday).setOpenTime(open).setCloseTime(close).build();
  }

  private static OpeningRange range(String open, String close) {
    return new OpeningRange(LocalTime.parse(open), LocalTime.parse(close));
  }

  // ---- opening hours

  @Test
  void replacesTheWeekAndCommitsScheduleUpdatedWithoutDate() {
    succeeded(f.hours.setOpeningHours(MANAGER_A, SetOpeningHoursRequest.newBuilder().setVenueId(A)
      .addDays(day(2, "18:00", "23:00")).addDays(day(2, "12:00", "14:30")).addDays(day(6, "19:00", "02:00")).build()));

    OpeningHours week = succeeded(f.hours.getOpeningHours(HOST_A, GetOpeningHoursRequest.newBuilder().setVenueId(A).build()));
    assertEquals(List.of(day(2, "12:00", "14:30"), day(2, "18:00", "23:00"), day(6, "19:00", "02:00")), week.getDaysList());
    assertEquals(A, week.getVenueId());
    JsonObject p = assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject(), p.getJsonObject("schedule_updated"), "no date: the weekly hours");
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void closedAllWeekIsAnEmptyWeek() {
    succeeded(f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder().setVenueId(A).setClosedAllWeek(true).build()));
    assertEquals(List.of(), f.schedule.weeks.get(VENUE_A));
  }

  @Test
  void anEmptyWeekWithoutClosedAllWeekIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder().setVenueId(A).build()));
    assertEquals(List.of(), f.schedule.calls);
  }

  @Test
  void invalidDaysAreRefusedBeforeAnythingIsWritten() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder().setVenueId(A)
      .addDays(day(8, "12:00", "14:00")).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder().setVenueId(A)
      .addDays(day(1, "25:00", "14:00")).build()));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder().setVenueId(A)
      .addDays(day(1, "12:00", "15:00")).addDays(day(1, "14:00", "16:00")).build()));
    assertEquals(List.of(), f.schedule.calls);
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void theHoursOfAMissingVenueAreNotFoundAndNothingIsRelayed() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.hours.setOpeningHours(ADMIN, SetOpeningHoursRequest.newBuilder()
      .setVenueId(MISSING).addDays(day(1, "12:00", "14:00")).build()));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
    assertEquals(0, f.eventsWritten.get());
    failed(ErrorCode.NOT_FOUND, () -> f.hours.getOpeningHours(ADMIN, GetOpeningHoursRequest.newBuilder().setVenueId(MISSING).build()));
  }

  @Test
  void aVenueWithoutHoursHasAnEmptyWeek() {
    OpeningHours week = succeeded(f.hours.getOpeningHours(ADMIN, GetOpeningHoursRequest.newBuilder().setVenueId(B).build()));
    assertEquals(0, week.getDaysCount());
  }

  // ---- special hours

  @Test
  void setsTheRangesOfADateAndCommitsScheduleUpdatedForIt() {
    succeeded(f.hours.setSpecialHours(MANAGER_A, SetSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE)
      .addRanges(TimeRange.newBuilder().setOpenTime("18:00").setCloseTime("23:00"))
      .addRanges(TimeRange.newBuilder().setOpenTime("11:00").setCloseTime("14:00")).build()));

    SpecialDay stored = f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE));
    assertFalse(stored.closed());
    assertEquals(List.of(range("11:00", "14:00"), range("18:00", "23:00")), stored.ranges());
    JsonObject p = assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject().put("date", DATE), p.getJsonObject("schedule_updated"));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void theSingleRangeFieldsStillWork() {
    succeeded(f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE)
      .setOpenTime("10:00").setCloseTime("16:00").build()));
    assertEquals(List.of(range("10:00", "16:00")), f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).ranges());
  }

  @Test
  void rangesWinOverTheSingleRangeFields() {
    succeeded(f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE)
      .setOpenTime("10:00").setCloseTime("16:00").addRanges(TimeRange.newBuilder().setOpenTime("17:00").setCloseTime("20:00")).build()));
    assertEquals(List.of(range("17:00", "20:00")), f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).ranges());
  }

  @Test
  void aClosedDayHasNoRanges() {
    succeeded(f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE).setIsClosed(true).build()));
    assertTrue(f.schedule.special.get(VENUE_A).get(LocalDate.parse(DATE)).closed());
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder()
      .setVenueId(A).setDate(DATE).setIsClosed(true).addRanges(TimeRange.newBuilder().setOpenTime("17:00").setCloseTime("20:00")).build()));
    assertTrue(e.getMessage().startsWith("is_closed"), e.getMessage());
  }

  @Test
  void aMalformedDateOrRangeIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder().setVenueId(A)
      .setDate("2031-13-01").setIsClosed(true).build()));
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder()
      .setVenueId(A).setDate(DATE).addRanges(TimeRange.newBuilder().setOpenTime("9").setCloseTime("20:00")).build()));
    assertTrue(e.getMessage().startsWith("ranges[0]"), e.getMessage());
    assertEquals(List.of(), f.schedule.calls);
  }

  @Test
  void theSpecialHoursOfAMissingVenueAreNotFound() {
    failed(ErrorCode.NOT_FOUND, () -> f.hours.setSpecialHours(ADMIN, SetSpecialHoursRequest.newBuilder().setVenueId(MISSING)
      .setDate(DATE).setIsClosed(true).build()));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void listsFromTodayInTheVenuesZoneToAYearOnByDefault() {
    f.schedule.putDay(VENUE_A, SpecialDay.open(LocalDate.parse(DATE), List.of(range("18:00", "23:00"))));
    ListSpecialHoursResponse list = succeeded(f.hours.listSpecialHours(HOST_A, ListSpecialHoursRequest.newBuilder().setVenueId(A).build()));

    LocalDate today = LocalDate.parse("2031-05-01");
    assertEquals(List.of(new FakeScheduleStore.Range(VENUE_A, today, today.plusDays(ScheduleUseCases.DEFAULT_LIST_DAYS))), f.schedule.ranges);
    SpecialHours day = list.getSpecialHours(0);
    assertEquals(A, day.getVenueId());
    assertEquals(DATE, day.getDate());
    assertEquals("18:00", day.getOpenTime(), "the first range, for older clients");
    assertEquals("23:00", day.getCloseTime());
    assertEquals(1, day.getRangesCount());
  }

  @Test
  void todayIsTheVenuesDateNotUtcs() {
    // 23:30 UTC on 30 April is already 1 May in Paris (UTC+2).
    Fakes late = new Fakes();
    ScheduleUseCases hours = new ScheduleUseCases(new VenueDeps(late.structure, late.structure, late.structure, late.schedule,
      late.availability, late.layouts, late.bookings, late.deps.events(), late.eventsWritten::incrementAndGet,
      java.time.Clock.fixed(java.time.Instant.parse("2031-04-30T23:30:00Z"), java.time.ZoneOffset.UTC)));
    succeeded(hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder().setVenueId(A).build()));
    succeeded(hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder().setVenueId(B).build()));
    assertEquals(LocalDate.parse("2031-05-01"), late.schedule.ranges.get(0).from(), "Paris");
    assertEquals(LocalDate.parse("2031-04-30"), late.schedule.ranges.get(1).from(), "UTC");
  }

  @Test
  void listsAGivenRangeWithClosedDays() {
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse("2031-07-14")));
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse("2031-12-25")));
    ListSpecialHoursResponse list = succeeded(f.hours.listSpecialHours(HOST_A, ListSpecialHoursRequest.newBuilder().setVenueId(A)
      .setFromDate("2031-07-01").setToDate("2031-07-31").build()));
    assertEquals(1, list.getSpecialHoursCount());
    SpecialHours day = list.getSpecialHours(0);
    assertTrue(day.getIsClosed());
    assertEquals("", day.getOpenTime());
    assertEquals(0, day.getRangesCount());
  }

  @Test
  void theRangeMustRunForwardsAndAtMostThreeYears() {
    ServiceException back = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder()
      .setVenueId(A).setFromDate("2031-07-01").setToDate("2031-06-30").build()));
    assertEquals("to_date: must not be before from_date (2031-07-01)", back.getMessage());
    ServiceException far = failed(ErrorCode.INVALID_ARGUMENT, () -> f.hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder()
      .setVenueId(A).setFromDate("2031-07-01").setToDate("2034-07-02").build()));
    assertTrue(far.getMessage().startsWith("to_date"), far.getMessage());
    succeeded(f.hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder().setVenueId(A).setFromDate("2031-07-01").setToDate("2034-07-01").build()));
    assertEquals(1, f.schedule.ranges.size(), "only the valid range was read");
  }

  @Test
  void theSpecialHoursListOfAMissingVenueIsNotFound() {
    failed(ErrorCode.NOT_FOUND, () -> f.hours.listSpecialHours(ADMIN, ListSpecialHoursRequest.newBuilder().setVenueId(MISSING).build()));
    assertEquals(List.of(), f.schedule.ranges);
  }

  @Test
  void deletesTheSpecialHoursOfADateAndCommitsScheduleUpdated() {
    f.schedule.putDay(VENUE_A, SpecialDay.closed(LocalDate.parse(DATE)));
    succeeded(f.hours.deleteSpecialHours(MANAGER_A, DeleteSpecialHoursRequest.newBuilder().setVenueId(A).setDate(DATE).build()));

    assertTrue(f.schedule.special.get(VENUE_A).isEmpty());
    assertEquals(new JsonObject().put("date", DATE),
      assertEvent(VenueEvents.SCHEDULE_UPDATED, A, MANAGER_A, f.outbox().get(0)).getJsonObject("schedule_updated"));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void deletingADateWithoutSpecialHoursIsNotFoundWithoutEvent() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, () -> f.hours.deleteSpecialHours(ADMIN, DeleteSpecialHoursRequest.newBuilder()
      .setVenueId(A).setDate("2031-06-02").build()));
    assertEquals("special hours of venue " + A + " on 2031-06-02 not found", e.getMessage());
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }
}
