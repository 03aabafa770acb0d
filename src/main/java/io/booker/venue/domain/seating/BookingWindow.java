package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How far ahead a venue takes bookings and how much notice it needs.
 *
 * <p>{@code maxDaysAhead} counts venue-local dates: with 90, on 1 January (venue time) the last
 * bookable date is 1 April, whatever the start time on it. {@code minNoticeMinutes} counts real
 * minutes from now to the start. Start times in the past are not this rule's business (the hours
 * check refuses them), so a notice of 0 checks nothing.
 *
 * @param maxDaysAhead 1 to 730, or null for no limit
 * @param minNoticeMinutes 0 to 10080 (a week)
 */
public record BookingWindow(Integer maxDaysAhead, int minNoticeMinutes) {

  public static final int MAX_DAYS_AHEAD = 730;
  public static final int MAX_NOTICE_MINUTES = 7 * 24 * 60;
  /** No limits: what a venue without seating rules has. */
  public static final BookingWindow NONE = new BookingWindow(null, 0);

  /** Which limit a start breaks. */
  public enum Limit { MAX_DAYS_AHEAD, MIN_NOTICE }

  /** A start outside the window: the limit it breaks and a message naming it. */
  public record Problem(Limit limit, String message) {
  }

  public BookingWindow {
    if (maxDaysAhead != null && (maxDaysAhead < 1 || maxDaysAhead > MAX_DAYS_AHEAD)) {
      throw ServiceException.invalid("booking_window.max_days_ahead",
          "must be between 1 and " + MAX_DAYS_AHEAD + " (leave it out for no limit)");
    }
    if (minNoticeMinutes < 0 || minNoticeMinutes > MAX_NOTICE_MINUTES) {
      throw ServiceException.invalid("booking_window.min_notice_minutes",
          "must be between 0 and " + MAX_NOTICE_MINUTES + " (a week)");
    }
  }

  /** The last venue-local date that can be booked at {@code now}; empty without a limit. */
  public Optional<LocalDate> lastDate(Instant now, ZoneId zone) {
    if (maxDaysAhead == null) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.ofInstant(now, zone).plusDays(maxDaysAhead));
  }

  /** The earliest start the notice allows at {@code now}. */
  public Instant earliestStart(Instant now) {
    return now.plus(Duration.ofMinutes(minNoticeMinutes));
  }

  /**
   * Empty when a booking starting at {@code start} may be made at {@code now}; otherwise the limit
   * it breaks. The two limits cannot both be broken. Callers that let staff skip the notice ignore
   * a {@link Limit#MIN_NOTICE} problem.
   */
  public Optional<Problem> check(Instant now, Instant start, ZoneId zone) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    Optional<LocalDate> last = lastDate(now, zone);
    if (last.isPresent() && LocalDate.ofInstant(start, zone).isAfter(last.get())) {
      return Optional.of(new Problem(Limit.MAX_DAYS_AHEAD, "bookings open at most "
          + Fields.plural(maxDaysAhead, "day", "days") + " ahead (until "
          + Times.formatDate(last.get()) + ")"));
    }
    if (minNoticeMinutes > 0 && start.isBefore(earliestStart(now))) {
      return Optional.of(new Problem(Limit.MIN_NOTICE, "needs at least "
          + Fields.plural(minNoticeMinutes, "minute's", "minutes'") + " notice"));
    }
    return Optional.empty();
  }
}
