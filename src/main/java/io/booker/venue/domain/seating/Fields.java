package io.booker.venue.domain.seating;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Validation shared by the seating values: weekday sets and field paths of nested values. */
final class Fields {

  static final int MAX_PARTY_SIZE = 100;

  private Fields() {
  }

  /**
   * Builds a nested value, prefixing the field its validation names with where it sits in the
   * document: a TurnTime's "minutes: ..." becomes "turn_times[1].minutes: ...".
   */
  static <T> T within(String prefix, Supplier<T> build) {
    try {
      return build.get();
    } catch (ServiceException e) {
      if (e.code() != ErrorCode.INVALID_ARGUMENT) {
        throw e;
      }
      throw new ServiceException(ErrorCode.INVALID_ARGUMENT, prefix + "." + e.getMessage());
    }
  }

  /** A sorted, unmodifiable copy of weekdays 0 (Sunday) to 6 (Saturday); null is none. */
  static Set<Integer> weekdays(String field, Collection<Integer> days) {
    TreeSet<Integer> sorted = new TreeSet<>();
    if (days != null) {
      for (Integer d : days) {
        if (d == null || d < 0 || d > 6) {
          throw ServiceException.invalid(field, "must be 0 (Sunday) to 6 (Saturday)");
        }
        sorted.add(d);
      }
    }
    return Collections.unmodifiableSet(sorted);
  }

  /** As {@link #weekdays(String, Collection)} from a request's list, naming a repeated entry. */
  static Set<Integer> weekdayList(String field, List<Integer> days) {
    if (days == null) {
      return Set.of();
    }
    TreeSet<Integer> seen = new TreeSet<>();
    for (int i = 0; i < days.size(); i++) {
      Integer d = days.get(i);
      String at = field + "[" + i + "]";
      if (d == null) {
        throw ServiceException.invalid(at, "is required (0 = Sunday ... 6 = Saturday)");
      }
      if (d < 0 || d > 6) {
        throw ServiceException.invalid(at, "must be 0 (Sunday) to 6 (Saturday)");
      }
      if (!seen.add(d)) {
        throw ServiceException.invalid(at, "repeats weekday " + d);
      }
    }
    return weekdays(field, seen);
  }

  /** 0 = Sunday ... 6 = Saturday, in English. */
  static String weekdayName(int weekday) {
    return DayOfWeek.of(weekday == 0 ? 7 : weekday).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
