package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Hours for one date that replace the weekday's hours: either closed all day, or its own ranges
 * (a shorter Christmas Eve, a late New Year's Eve). An overnight range here also covers the early
 * hours of the next date, as a weekday's does.
 */
public record SpecialDay(LocalDate date, boolean closed, List<OpeningRange> ranges) {

  public SpecialDay {
    Objects.requireNonNull(date, "date");
    List<OpeningRange> sorted = new ArrayList<>(ranges == null ? List.of() : ranges);
    if (sorted.contains(null)) {
      throw ServiceException.invalid("ranges", "must not contain null");
    }
    if (closed && !sorted.isEmpty()) {
      throw ServiceException.invalid("is_closed", "a closed day has no opening times");
    }
    if (!closed && sorted.isEmpty()) {
      throw ServiceException.invalid("open_time", "is required unless is_closed is true");
    }
    if (sorted.size() > WeeklyHours.MAX_RANGES_PER_WEEKDAY) {
      throw ServiceException.invalid("ranges",
          "at most " + WeeklyHours.MAX_RANGES_PER_WEEKDAY + " ranges per day");
    }
    sorted.sort(Comparator.comparing(OpeningRange::open));
    int[] starts = new int[sorted.size()];
    int[] lengths = new int[sorted.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = sorted.get(i).openMinute();
      lengths[i] = sorted.get(i).lengthMinutes();
    }
    int[] clash = MinuteSpans.findOverlap(starts, lengths, 0);
    if (clash != null) {
      throw ServiceException.invalid("ranges",
          sorted.get(clash[1]) + " overlaps " + sorted.get(clash[0]));
    }
    ranges = List.copyOf(sorted);
  }

  public static SpecialDay closed(LocalDate date) {
    return new SpecialDay(date, true, List.of());
  }

  public static SpecialDay open(LocalDate date, List<OpeningRange> ranges) {
    return new SpecialDay(date, false, ranges);
  }

  /**
   * From a SetSpecialHours request ({@code date}, {@code open_time}, {@code close_time},
   * {@code is_closed}). A closed day must leave both times empty; an open day needs both.
   */
  public static SpecialDay parse(String date, boolean isClosed, String openTime, String closeTime) {
    LocalDate day = Times.parseDate("date", date);
    if (isClosed) {
      if (!isBlank(openTime) || !isBlank(closeTime)) {
        throw ServiceException.invalid("is_closed",
            "a closed day has no opening times; leave open_time and close_time empty");
      }
      return closed(day);
    }
    return open(day, List.of(OpeningRange.parse("", openTime, closeTime)));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
