package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.OpeningRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.SpecialHoursText;
import io.booker.venue.domain.TimeRangeText;
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

  /** Replaces the whole week; an empty list with {@code closedAllWeek} means closed every day. */
  Future<Void> setOpeningHours(Caller caller, String venue, List<DayHoursText> days, boolean closedAllWeek) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), "venue", venue);
    WeeklyHours week = WeeklyHours.parseWeek(days, closedAllWeek);
    return store.replaceWeek(venueId, week, events.scheduleUpdated(caller, venueId.toString(), ""))
      .map(found -> written(found, venue));
  }

  /** The week's ranges, by weekday then opening time. */
  Future<List<DayRange>> getOpeningHours(Caller caller, String venue) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
    return store.week(venueId).map(week -> week.orElseThrow(() -> ServiceException.notFound("venue", venue)));
  }

  /**
   * Creates or replaces the hours of one date. {@code ranges}, when given, win over
   * {@code open_time}/{@code close_time} (the original's single range).
   */
  Future<Void> setSpecialHours(Caller caller, String venue, SpecialHoursText hours) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), "venue", venue);
    SpecialDay day = specialDay(hours);
    String date = Times.formatDate(day.date());
    return store.putSpecialDay(venueId, day, events.scheduleUpdated(caller, venueId.toString(), date))
      .map(found -> written(found, venue));
  }

  private static SpecialDay specialDay(SpecialHoursText hours) {
    if (hours.ranges().isEmpty()) {
      return SpecialDay.parse(hours.date(), hours.closed(), hours.openTime(), hours.closeTime());
    }
    LocalDate date = Times.parseDate("date", hours.date());
    if (hours.closed()) {
      throw ServiceException.invalid("is_closed", "a closed day has no opening times; leave ranges empty");
    }
    List<OpeningRange> ranges = new ArrayList<>(hours.ranges().size());
    for (int i = 0; i < hours.ranges().size(); i++) {
      TimeRangeText r = hours.ranges().get(i);
      ranges.add(OpeningRange.parse("ranges[" + i + "]", r.openTime(), r.closeTime()));
    }
    return SpecialDay.open(date, ranges);
  }

  /**
   * Special hours in [fromDate, toDate], by date: from (empty) defaults to today in the venue's
   * zone, to (empty) to a year on.
   */
  Future<List<SpecialDay>> listSpecialHours(Caller caller, String venue, String fromDate, String toDate) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
    LocalDate from = fromDate.isEmpty() ? null : Times.parseDate("from_date", fromDate);
    LocalDate to = toDate.isEmpty() ? null : Times.parseDate("to_date", toDate);
    return store.timezone(venueId).compose(zone -> {
      String timezone = zone.orElseThrow(() -> ServiceException.notFound("venue", venue));
      LocalDate first = from != null ? from : LocalDate.ofInstant(clock.instant(), ZoneId.of(timezone));
      LocalDate last = to != null ? to : first.plusDays(DEFAULT_LIST_DAYS);
      if (last.isBefore(first)) {
        throw ServiceException.invalid("to_date", "must not be before from_date (" + Times.formatDate(first) + ")");
      }
      if (last.isAfter(first.plusYears(MAX_LIST_YEARS))) {
        throw ServiceException.invalid("to_date", "must be at most " + MAX_LIST_YEARS + " years after from_date");
      }
      return store.specialDays(venueId, first, last);
    });
  }

  /**
   * Removes the special hours of a date. A venue the caller does not see answers like a missing
   * date (which is also what a missing venue answers).
   */
  Future<Void> deleteSpecialHours(Caller caller, String venue, String dateText) {
    UUID venueId = Ids.uuid("venue_id", venue);
    LocalDate date = Times.parseDate("date", dateText);
    String day = Times.formatDate(date);
    String missing = "special hours of venue " + venue + " on";
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), missing, day);
    return store.deleteSpecialDay(venueId, date, events.scheduleUpdated(caller, venueId.toString(), day))
      .map(found -> {
        if (!found) {
          throw ServiceException.notFound(missing, day);
        }
        eventsWritten.run();
        return null;
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
