package io.booker.venue.domain;

import io.booker.common.Times;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of opening time within a day, as wall-clock times.
 *
 * <ul>
 *   <li>{@code close > open}: open and close on the same date (12:00-15:00);</li>
 *   <li>{@code close < open}: closes on the next date (18:00-02:00), an overnight range;</li>
 *   <li>{@code close == open}: open 24 hours from {@code open} on this date to the same time on
 *       the next date. The wire has no other way to say "open all day", and an empty range is
 *       never what anyone meant.</li>
 * </ul>
 */
public record OpeningRange(LocalTime open, LocalTime close) {

  static final int MINUTES_PER_DAY = 24 * 60;

  public OpeningRange {
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(close, "close");
    // The wire carries minutes only; seconds would make touching ranges look overlapping.
    open = open.withSecond(0).withNano(0);
    close = close.withSecond(0).withNano(0);
  }

  /**
   * Parses {@code open_time} and {@code close_time}, naming them {@code <fieldPrefix>.open_time}
   * and {@code <fieldPrefix>.close_time} in errors (no prefix when it is null or empty).
   */
  public static OpeningRange parse(String fieldPrefix, String open, String close) {
    String prefix = fieldPrefix == null || fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    return new OpeningRange(
        Times.parseTime(prefix + "open_time", open),
        Times.parseTime(prefix + "close_time", close));
  }

  /** True when the range ends on the next date (includes the 24-hour range). */
  public boolean overnight() {
    return !close.isAfter(open);
  }

  /** True when {@code open == close}: open for 24 hours. */
  public boolean allDay() {
    return open.equals(close);
  }

  /** Minutes from opening to closing on the wall clock, 1 to 1440. */
  public int lengthMinutes() {
    int length = minuteOfDay(close) - minuteOfDay(open);
    return length > 0 ? length : length + MINUTES_PER_DAY;
  }

  int openMinute() {
    return minuteOfDay(open);
  }

  /** {@code HH:MM-HH:MM}. */
  @Override
  public String toString() {
    return Times.formatTime(open) + "-" + Times.formatTime(close);
  }

  private static int minuteOfDay(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
