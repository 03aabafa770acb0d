package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A service period (a shift such as lunch or dinner) on some weekdays: when it runs, the start
 * times it offers and how fast guests may arrive.
 *
 * <p>Times are the venue's wall clock. {@code end <= start} runs past midnight (18:00-02:00 ends at
 * 02:00 the next day; {@code end == start} is 24 hours), and that part still belongs to the period
 * of the day it started on. Start times are offered from {@code start} every
 * {@code slotIntervalMinutes} up to {@code lastSeating} inclusive, which lies in
 * {@code [start, end)} on the period's own timeline (01:00 is a valid last seating of 18:00-02:00).
 *
 * @param weekdays the weekdays the period starts on (0 = Sunday ... 6 = Saturday), at least one
 * @param pacing its pacing, or null for none
 */
public record ServicePeriod(String name, Set<Integer> weekdays, LocalTime start, LocalTime end,
    LocalTime lastSeating, int slotIntervalMinutes, Pacing pacing) {

  public static final int MAX_NAME_LENGTH = 60;
  public static final int DEFAULT_SLOT_INTERVAL_MINUTES = 15;
  public static final Set<Integer> SLOT_INTERVALS = Set.of(5, 10, 15, 20, 30, 60);
  static final int MINUTES_PER_DAY = 24 * 60;

  public ServicePeriod {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw ServiceException.invalid("name", "is required");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw ServiceException.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    weekdays = Fields.weekdays("weekdays", weekdays);
    if (weekdays.isEmpty()) {
      throw ServiceException.invalid("weekdays", "needs at least one weekday (0 = Sunday ... 6 = Saturday)");
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(lastSeating, "lastSeating");
    // The wire carries minutes only.
    start = start.withSecond(0).withNano(0);
    end = end.withSecond(0).withNano(0);
    lastSeating = lastSeating.withSecond(0).withNano(0);
    if (!SLOT_INTERVALS.contains(slotIntervalMinutes)) {
      throw ServiceException.invalid("slot_interval_minutes", "must be 5, 10, 15, 20, 30 or 60");
    }
    if (offset(start, lastSeating) >= length(start, end)) {
      throw ServiceException.invalid("last_seating", "must lie within the period ("
          + Times.formatTime(start) + "-" + Times.formatTime(end) + "), before its end");
    }
  }

  /** True when the period ends on the next date (includes the 24-hour period). */
  public boolean overnight() {
    return !end.isAfter(start);
  }

  /** Wall-clock minutes from start to end, 1 to 1440. */
  public int lengthMinutes() {
    return length(start, end);
  }

  /** Wall-clock minutes from the start to the last seating, 0 to length - 1. */
  public int lastSeatingMinutes() {
    return offset(start, lastSeating);
  }

  public boolean runsOn(int weekday) {
    return weekdays.contains(weekday);
  }

  /** {@code Dinner 18:00-23:00}. */
  public String describe() {
    return name + " " + Times.formatTime(start) + "-" + Times.formatTime(end);
  }

  int startMinute() {
    return minuteOfDay(start);
  }

  /** Wall-clock minutes from {@code from} forward to {@code to} on a 24-hour dial, 0 to 1439. */
  static int offset(LocalTime from, LocalTime to) {
    return Math.floorMod(minuteOfDay(to) - minuteOfDay(from), MINUTES_PER_DAY);
  }

  private static int length(LocalTime start, LocalTime end) {
    int length = offset(start, end);
    return length == 0 ? MINUTES_PER_DAY : length;
  }

  private static int minuteOfDay(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
