package io.booker.venue.domain.seating;

import io.booker.venue.domain.LocalInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service period on one date, its "service day": Friday's 18:00-02:00 dinner runs from Friday
 * 18:00 to Saturday 02:00, and a start at Saturday 00:30 belongs to it (and to Friday's rules).
 */
public record PeriodDay(ServicePeriod period, LocalDate day) {

  public PeriodDay {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(day, "day");
  }

  public LocalDateTime localStart() {
    return day.atTime(period.start());
  }

  /** The wall-clock end, on the next date for an overnight period. */
  public LocalDateTime localEnd() {
    return localStart().plusMinutes(period.lengthMinutes());
  }

  public LocalDateTime localLastSeating() {
    return localStart().plusMinutes(period.lastSeatingMinutes());
  }

  /** True when the wall-clock time lies in {@code [start, end)}. */
  public boolean contains(LocalDateTime local) {
    return !local.isBefore(localStart()) && local.isBefore(localEnd());
  }

  /**
   * True when the period offers this start: within it, not after the last seating, and on the
   * slot grid (a whole number of slot intervals after the start).
   */
  public boolean offersStart(LocalDateTime local) {
    if (!contains(local) || local.isAfter(localLastSeating())) {
      return false;
    }
    long minutes = ChronoUnit.MINUTES.between(localStart(), local);
    return local.getSecond() == 0 && local.getNano() == 0
        && minutes % period.slotIntervalMinutes() == 0;
  }

  /** The real start; a start inside a spring-forward gap is the instant the clocks jump. */
  public Instant start(ZoneId zone) {
    return LocalInstants.lenient(zone, localStart());
  }

  /** The real end, as {@link #start}. */
  public Instant end(ZoneId zone) {
    return LocalInstants.lenient(zone, localEnd());
  }

  /**
   * The start times offered, from the period's start every slot interval up to the last seating
   * inclusive. A time that does not exist (a spring-forward gap) is left out; a time that occurs
   * twice (fall-back) is offered once, at its first occurrence. In time order.
   */
  public List<SlotStart> slotStarts(ZoneId zone) {
    List<SlotStart> out = new ArrayList<>();
    LocalDateTime first = localStart();
    for (int offset = 0; offset <= period.lastSeatingMinutes();
        offset += period.slotIntervalMinutes()) {
      LocalDateTime local = first.plusMinutes(offset);
      LocalInstants.exact(zone, local).ifPresent(at -> out.add(new SlotStart(at, local, this)));
    }
    return out;
  }
}
