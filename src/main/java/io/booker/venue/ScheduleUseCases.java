package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.proto.venue.*;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.WeeklyHours;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Opening hours per weekday and special hours per date. Writing them needs
 * {@link Permission#EDIT_SCHEDULE} on the venue, reading them {@link Permission#READ_VENUE}; the
 * venue id is in every request, so access is checked before any statement runs, and a venue the
 * caller does not see answers exactly as a missing one.
 */
final class ScheduleUseCases {

  /** How far ahead ListSpecialHours looks when {@code to_date} is empty. */
  static final int DEFAULT_LIST_DAYS = 366;
  /** The longest range ListSpecialHours answers, so one request cannot read years of rows. */
  static final int MAX_LIST_YEARS = 3;

  private final ScheduleStore store;
  private final VenueEvents events;
  private final Runnable eventsWritten;
  private final Clock clock;

  ScheduleUseCases(VenueDeps deps) {
    this.store = deps.schedule();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
    this.clock = deps.clock();
  }

  /** Replaces the whole week; an empty list with closed_all_week means closed every day. */
  Future<SetOpeningHoursResponse> setOpeningHours(Caller caller, SetOpeningHoursRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), "venue", request.getVenueId());
    List<DayHoursText> days = new ArrayList<>(request.getDaysCount());
    for (DayHours d : request.getDaysList()) {
      days.add(new DayHoursText(d.hasWeekday() ? d.getWeekday() : null, d.getOpenTime(), d.getCloseTime()));
    }
    WeeklyHours week = WeeklyHours.parseWeek(days, request.getClosedAllWeek());
    return store.replaceWeek(venueId, week, events.scheduleUpdated(caller, venueId.toString(), ""))
      .map(found -> written(found, request.getVenueId()))
      .map(v -> SetOpeningHoursResponse.newBuilder().setSuccess(true).build());
  }

  Future<OpeningHours> getOpeningHours(Caller caller, GetOpeningHoursRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", request.getVenueId());
    return store.week(venueId).map(week -> {
      OpeningHours.Builder out = OpeningHours.newBuilder().setVenueId(venueId.toString());
      for (DayRange d : week.orElseThrow(() -> ServiceException.notFound("venue", request.getVenueId()))) {
        out.addDays(DayHours.newBuilder().setWeekday(d.weekday()).setOpenTime(d.openTime()).setCloseTime(d.closeTime()));
      }
      return out.build();
    });
  }

  /**
   * Creates or replaces the hours of one date. {@code ranges}, when given, win over
   * {@code open_time}/{@code close_time} (the original's single range).
   */
  Future<SetSpecialHoursResponse> setSpecialHours(Caller caller, SetSpecialHoursRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), "venue", request.getVenueId());
    SpecialDay day = specialDay(request);
    String date = Times.formatDate(day.date());
    return store.putSpecialDay(venueId, day, events.scheduleUpdated(caller, venueId.toString(), date))
      .map(found -> written(found, request.getVenueId()))
      .map(v -> SetSpecialHoursResponse.newBuilder().setSuccess(true).build());
  }

  private static SpecialDay specialDay(SetSpecialHoursRequest request) {
    if (request.getRangesCount() == 0) {
      return SpecialDay.parse(request.getDate(), request.getIsClosed(), request.getOpenTime(), request.getCloseTime());
    }
    LocalDate date = Times.parseDate("date", request.getDate());
    if (request.getIsClosed()) {
      throw ServiceException.invalid("is_closed", "a closed day has no opening times; leave ranges empty");
    }
    List<OpeningRange> ranges = new ArrayList<>(request.getRangesCount());
    for (int i = 0; i < request.getRangesCount(); i++) {
      TimeRange r = request.getRanges(i);
      ranges.add(OpeningRange.parse("ranges[" + i + "]", r.getOpenTime(), r.getCloseTime()));
    }
    return SpecialDay.open(date, ranges);
  }

  /** Special hours in [from_date, to_date]: from defaults to today in the venue's zone, to to a year on. */
  Future<ListSpecialHoursResponse> listSpecialHours(Caller caller, ListSpecialHoursRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", request.getVenueId());
    LocalDate from = request.getFromDate().isEmpty() ? null : Times.parseDate("from_date", request.getFromDate());
    LocalDate to = request.getToDate().isEmpty() ? null : Times.parseDate("to_date", request.getToDate());
    return store.timezone(venueId).compose(zone -> {
      String timezone = zone.orElseThrow(() -> ServiceException.notFound("venue", request.getVenueId()));
      LocalDate first = from != null ? from : LocalDate.ofInstant(clock.instant(), ZoneId.of(timezone));
      LocalDate last = to != null ? to : first.plusDays(DEFAULT_LIST_DAYS);
      if (last.isBefore(first)) {
        throw ServiceException.invalid("to_date", "must not be before from_date (" + Times.formatDate(first) + ")");
      }
      if (last.isAfter(first.plusYears(MAX_LIST_YEARS))) {
        throw ServiceException.invalid("to_date", "must be at most " + MAX_LIST_YEARS + " years after from_date");
      }
      return store.specialDays(venueId, first, last);
    }).map(days -> {
      ListSpecialHoursResponse.Builder out = ListSpecialHoursResponse.newBuilder();
      for (SpecialDay d : days) {
        out.addSpecialHours(specialHours(venueId.toString(), d));
      }
      return out.build();
    });
  }

  private static SpecialHours specialHours(String venueId, SpecialDay day) {
    SpecialHours.Builder b = SpecialHours.newBuilder().setVenueId(venueId).setDate(Times.formatDate(day.date())).setIsClosed(day.closed());
    for (OpeningRange r : day.ranges()) {
      b.addRanges(TimeRange.newBuilder().setOpenTime(Times.formatTime(r.open())).setCloseTime(Times.formatTime(r.close())));
    }
    if (!day.ranges().isEmpty()) {
      b.setOpenTime(b.getRanges(0).getOpenTime()).setCloseTime(b.getRanges(0).getCloseTime());
    }
    return b.build();
  }

  /**
   * Removes the special hours of a date. A venue the caller does not see answers like a missing
   * date (which is also what a missing venue answers).
   */
  Future<DeleteSpecialHoursResponse> deleteSpecialHours(Caller caller, DeleteSpecialHoursRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    LocalDate date = Times.parseDate("date", request.getDate());
    String day = Times.formatDate(date);
    String missing = "special hours of venue " + request.getVenueId() + " on";
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), missing, day);
    return store.deleteSpecialDay(venueId, date, events.scheduleUpdated(caller, venueId.toString(), day))
      .map(found -> {
        if (!found) {
          throw ServiceException.notFound(missing, day);
        }
        eventsWritten.run();
        return DeleteSpecialHoursResponse.newBuilder().setSuccess(true).build();
      });
  }

  /** After a write: an unknown venue is NOT_FOUND; otherwise an event was committed, relay it. */
  private Void written(boolean found, String venueId) {
    if (!found) {
      throw ServiceException.notFound("venue", venueId);
    }
    eventsWritten.run();
    return null;
  }
}
