package io.booker.venue.domain;

import io.booker.common.ServiceException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The regular opening hours: for each weekday (0 = Sunday ... 6 = Saturday) zero or more
 * non-overlapping ranges, e.g. lunch 12:00-15:00 and dinner 18:00-23:00. Overnight ranges count
 * against the next weekday's early ranges (Friday 18:00-03:00 overlaps Saturday 02:00-10:00), and
 * Saturday night wraps into Sunday. Ranges may touch (Friday 18:00-00:00, Saturday 00:00-04:00).
 */
public final class WeeklyHours {

  /** Bounds the work a single request can ask for; no real venue has more. */
  public static final int MAX_RANGES_PER_WEEKDAY = 12;

  private static final int MINUTES_PER_WEEK = 7 * OpeningRange.MINUTES_PER_DAY;
  private static final WeeklyHours CLOSED = new WeeklyHours(List.of());

  private final List<DayRange> ranges;

  private WeeklyHours(List<DayRange> sorted) {
    this.ranges = sorted;
  }

  /** No opening hours at all. */
  public static WeeklyHours closed() {
    return CLOSED;
  }

  /**
   * Validates request text; errors name the field as {@code days[i].weekday},
   * {@code days[i].open_time}, {@code days[i].close_time} or {@code days[i]} for an overlap.
   */
  /**
   * A whole week as a request to replace it carried it. The days are required: an empty list
   * closes the week only when {@code closedAllWeek} says so, so a request that forgot them (a body
   * of {@code {}}) cannot wipe the hours by accident.
   */
  public static WeeklyHours parseWeek(List<DayHoursText> days, boolean closedAllWeek) {
    boolean none = days == null || days.isEmpty();
    if (none && !closedAllWeek) {
      throw ServiceException.invalid("days", "is required (an empty list closes every day)");
    }
    if (!none && closedAllWeek) {
      throw ServiceException.invalid("closed_all_week", "a week closed every day has no days");
    }
    return parse(days);
  }

  public static WeeklyHours parse(List<DayHoursText> days) {
    if (days == null) {
      return CLOSED;
    }
    List<DayRange> parsed = new ArrayList<>(days.size());
    for (int i = 0; i < days.size(); i++) {
      DayHoursText d = days.get(i);
      String field = "days[" + i + "]";
      if (d == null) {
        throw ServiceException.invalid(field, "is required");
      }
      if (d.weekday() == null) {
        throw ServiceException.invalid(field + ".weekday", "is required (0 = Sunday ... 6 = Saturday)");
      }
      if (d.weekday() < 0 || d.weekday() > 6) {
        throw ServiceException.invalid(field + ".weekday", "must be 0 (Sunday) to 6 (Saturday)");
      }
      parsed.add(new DayRange(d.weekday(), OpeningRange.parse(field, d.openTime(), d.closeTime())));
    }
    return of(parsed);
  }

  /** Validates already-typed ranges; errors name positions in {@code days} as {@link #parse}. */
  public static WeeklyHours of(List<DayRange> days) {
    if (days == null || days.isEmpty()) {
      return CLOSED;
    }
    int n = days.size();
    int[] perWeekday = new int[7];
    int[] starts = new int[n];
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      DayRange d = days.get(i);
      if (d == null) {
        throw ServiceException.invalid("days[" + i + "]", "is required");
      }
      if (++perWeekday[d.weekday()] > MAX_RANGES_PER_WEEKDAY) {
        throw ServiceException.invalid("days",
            "at most " + MAX_RANGES_PER_WEEKDAY + " ranges per weekday");
      }
      starts[i] = d.weekday() * OpeningRange.MINUTES_PER_DAY + d.range().openMinute();
      lengths[i] = d.range().lengthMinutes();
    }
    int[] clash = MinuteSpans.findOverlap(starts, lengths, MINUTES_PER_WEEK);
    if (clash != null) {
      DayRange earlier = days.get(clash[0]);
      throw ServiceException.invalid("days[" + clash[1] + "]",
          "overlaps days[" + clash[0] + "] (" + weekdayName(earlier.weekday()) + " "
              + earlier.range() + ")");
    }
    List<DayRange> sorted = new ArrayList<>(days);
    sorted.sort(Comparator.comparingInt(DayRange::weekday)
        .thenComparing(d -> d.range().open()));
    return new WeeklyHours(List.copyOf(sorted));
  }

  /** Every range, ordered by weekday (Sunday first), then opening time. */
  public List<DayRange> ranges() {
    return ranges;
  }

  /** The ranges that open on this weekday (0 = Sunday), by opening time. */
  public List<OpeningRange> on(int weekday) {
    List<OpeningRange> out = new ArrayList<>();
    for (DayRange d : ranges) {
      if (d.weekday() == weekday) {
        out.add(d.range());
      }
    }
    return out;
  }

  public List<OpeningRange> on(DayOfWeek day) {
    return on(day.getValue() % 7);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyHours && ((WeeklyHours) o).ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    return "WeeklyHours" + ranges;
  }

  static String weekdayName(int weekday) {
    DayOfWeek day = DayOfWeek.of(weekday == 0 ? 7 : weekday);
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
