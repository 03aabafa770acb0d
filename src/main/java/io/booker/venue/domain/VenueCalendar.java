package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's hours in its own time zone: the weekly hours, the special days that replace them, and
 * the answer to "does this slot lie within them?".
 *
 * <p>The ranges of a date D are D's special day if there is one (closed = none), else D's weekday
 * ranges. Overnight ranges of D-1 also cover the early hours of D. All comparisons are between
 * real instants, so daylight-saving changes shorten or lengthen a night as they do in reality.
 * Ranges that touch (Friday 18:00-00:00 and Saturday 00:00-04:00) form one continuous opening, so a
 * slot may run across the seam; a slot may not span a gap (lunch to dinner).
 */
public final class VenueCalendar {

  private final ZoneId zone;
  private final WeeklyHours weekly;
  private final Map<LocalDate, SpecialDay> specialDays;

  /**
   * @param specialDays special days for (at least) the dates being checked and the day before each;
   *     at most one per date
   */
  public VenueCalendar(ZoneId zone, WeeklyHours weekly, Collection<SpecialDay> specialDays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.weekly = weekly == null ? WeeklyHours.closed() : weekly;
    this.specialDays = new HashMap<>();
    for (SpecialDay day : specialDays == null ? List.<SpecialDay>of() : specialDays) {
      if (this.specialDays.put(day.date(), day) != null) {
        throw ServiceException.invalid("special_hours",
            "more than one entry for " + Times.formatDate(day.date()));
      }
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public WeeklyHours weekly() {
    return weekly;
  }

  public Optional<SpecialDay> specialDay(LocalDate date) {
    return Optional.ofNullable(specialDays.get(date));
  }

  /** The ranges that open on this date: its special day's if any, else its weekday's. */
  public List<OpeningRange> rangesOn(LocalDate date) {
    SpecialDay special = specialDays.get(date);
    return special != null ? special.ranges() : weekly.on(Times.weekday(date));
  }

  /** The slot's real window in this venue's zone; empty when the start time does not exist. */
  public Optional<SlotWindow> slotWindow(LocalDate date, LocalTime start, int durationMinutes) {
    return SlotWindow.find(zone, date, start, Times.durationMinutes(durationMinutes));
  }

  /**
   * Checks {@code [start, start + duration)} on {@code date} against the hours and the clock.
   * A duration of 0 means the default; an invalid duration is an INVALID_ARGUMENT.
   */
  public SlotCheck check(LocalDate date, LocalTime start, int durationMinutes, Instant now) {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(now, "now");
    Optional<SlotWindow> found = slotWindow(date, start, durationMinutes);
    if (found.isEmpty()) {
      return SlotCheck.rejected(SlotCheck.Verdict.TIME_DOES_NOT_EXIST,
          SlotWindow.nonexistentTime(zone, date, start), null);
    }
    SlotWindow slot = found.get();
    if (slot.start().isBefore(now)) {
      return SlotCheck.rejected(SlotCheck.Verdict.IN_THE_PAST, "in the past", slot);
    }
    boolean startsWhileOpen = false;
    for (Period p : openPeriodsAround(date)) {
      if (!p.open.isAfter(slot.start()) && slot.start().isBefore(p.close)) {
        if (!slot.end().isAfter(p.close)) {
          return SlotCheck.fits(slot);
        }
        startsWhileOpen = true;
      }
    }
    // "Closed" only when the date has no hours of its own and the slot does not start in the
    // previous night's tail; otherwise the hours that exist are the better answer.
    if (rangesOn(date).isEmpty() && !startsWhileOpen) {
      return SlotCheck.rejected(SlotCheck.Verdict.CLOSED_DAY,
          "venue is closed on " + Times.formatDate(date), slot);
    }
    return SlotCheck.rejected(SlotCheck.Verdict.OUTSIDE_HOURS,
        "outside opening hours on " + Times.formatDate(date) + " ("
            + String.join(", ", hoursText(date)) + ")", slot);
  }

  /**
   * Real opening periods of D-1, D and D+1, touching ones joined. D+1 matters only when D's last
   * range runs into it seamlessly; nothing earlier than D-1 or later than D+1 can reach a slot
   * that starts on D and lasts at most 12 hours.
   */
  private List<Period> openPeriodsAround(LocalDate date) {
    List<Period> periods = new ArrayList<>();
    for (LocalDate day = date.minusDays(1); !day.isAfter(date.plusDays(1));
        day = day.plusDays(1)) {
      for (OpeningRange r : rangesOn(day)) {
        Instant open = LocalInstants.lenient(zone, day.atTime(r.open()));
        LocalDate closeDay = r.overnight() ? day.plusDays(1) : day;
        Instant close = LocalInstants.lenient(zone, closeDay.atTime(r.close()));
        if (close.isAfter(open)) { // a range wholly inside a DST gap can come out empty
          periods.add(new Period(open, close));
        }
      }
    }
    periods.sort(Comparator.comparing((Period p) -> p.open));
    List<Period> joined = new ArrayList<>();
    for (Period p : periods) {
      Period last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (last != null && !p.open.isAfter(last.close)) {
        joined.set(joined.size() - 1,
            new Period(last.open, p.close.isAfter(last.close) ? p.close : last.close));
      } else {
        joined.add(p);
      }
    }
    return joined;
  }

  /** D's hours as text for a reason: the overnight tail of D-1 ("00:00-02:00"), then D's own. */
  private List<String> hoursText(LocalDate date) {
    List<String> out = new ArrayList<>();
    for (OpeningRange r : rangesOn(date.minusDays(1))) {
      if (r.overnight() && !r.close().equals(LocalTime.MIDNIGHT)) {
        out.add("00:00-" + Times.formatTime(r.close()));
      }
    }
    for (OpeningRange r : rangesOn(date)) {
      out.add(r.toString());
    }
    return out;
  }

  private record Period(Instant open, Instant close) {
  }
}
