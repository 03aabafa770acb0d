package io.booker.venue.domain.seating;

import io.booker.venue.domain.LocalInstants;
import io.booker.common.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pacing interval a start falls in: {@code [from, to)} in real time, and the wall-clock times
 * it is shown as.
 *
 * <p>The intervals are laid on the wall clock from the period's start (18:00, 18:15, 18:30, ...)
 * and each edge is turned into an instant the way the venue's hours are: inside a spring-forward
 * gap an edge is the instant the clocks jump (so intervals wholly inside the gap are empty), and
 * an edge that occurs twice (fall-back) is its first occurrence (so the interval that ends where
 * the repeated hour ends is longer in real time). The edges never go backwards, so the intervals of
 * a period cover it without overlapping: every start is counted in exactly one. The last interval
 * is cut at the period's end (the later occurrence if the end is ambiguous) so that it never counts
 * the next period's starts.
 */
public record PacingWindow(PeriodDay periodDay, LocalDateTime localFrom, LocalDateTime localTo,
    Instant from, Instant to) {

  public PacingWindow {
    Objects.requireNonNull(periodDay, "periodDay");
    Objects.requireNonNull(periodDay.period().pacing(), "the period has no pacing");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to must be after from");
    }
  }

  /**
   * The interval of a start within a period; empty when the period has no pacing.
   *
   * @throws IllegalArgumentException when the start is not within the period
   */
  public static Optional<PacingWindow> of(PeriodDay periodDay, Instant start, ZoneId zone) {
    Pacing pacing = periodDay.period().pacing();
    if (pacing == null) {
      return Optional.empty();
    }
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    if (!periodDay.contains(local)) {
      throw new IllegalArgumentException(start + " is not within " + periodDay);
    }
    int step = pacing.intervalMinutes();
    int length = periodDay.period().lengthMinutes();
    int last = (length - 1) / step;
    LocalDateTime first = periodDay.localStart();
    Instant end = latest(zone, periodDay.localEnd());
    // The wall clock names the interval; only a start in the second pass of a repeated hour lies
    // past it in real time, and then in a later one.
    int k = (int) (ChronoUnit.MINUTES.between(first, local) / step);
    while (true) {
      LocalDateTime localFrom = first.plusMinutes((long) k * step);
      LocalDateTime localTo = k == last ? periodDay.localEnd() : localFrom.plusMinutes(step);
      Instant from = LocalInstants.lenient(zone, localFrom);
      Instant to = k == last ? end : LocalInstants.lenient(zone, localTo);
      if (start.isBefore(to) || k == last) {
        return Optional.of(new PacingWindow(periodDay, localFrom, localTo, from, to));
      }
      k++;
    }
  }

  public Pacing pacing() {
    return periodDay.period().pacing();
  }

  public boolean contains(Instant start) {
    return !start.isBefore(from) && start.isBefore(to);
  }

  /** Whether a party fits beside the parties and covers already starting in this interval. */
  public PacingCheck check(int partiesStarting, int coversStarting, int partySize) {
    return pacing().check(partiesStarting, coversStarting, partySize);
  }

  /** As {@link #check(int, int, int)}, counting the starts of {@code booked} in this interval. */
  public PacingCheck check(List<BookedStart> booked, int partySize) {
    int parties = 0;
    int covers = 0;
    for (BookedStart b : booked) {
      if (contains(b.start())) {
        parties++;
        covers += b.partySize();
      }
    }
    return check(parties, covers, partySize);
  }

  /** "at most 6 parties may start between 19:00 and 19:15 (...)" for a check that failed. */
  public String refusal(PacingCheck check) {
    return check.refusal(Times.formatTime(localFrom.toLocalTime()),
        Times.formatTime(localTo.toLocalTime()));
  }

  private static Instant latest(ZoneId zone, LocalDateTime local) {
    var offsets = zone.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      return LocalInstants.lenient(zone, local);
    }
    Instant latest = null;
    for (var offset : offsets) {
      Instant at = local.toInstant(offset);
      if (latest == null || at.isAfter(latest)) {
        latest = at;
      }
    }
    return latest;
  }
}
