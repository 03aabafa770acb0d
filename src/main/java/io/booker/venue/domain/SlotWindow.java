package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.common.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The real time a slot occupies, {@code [start, end)}. The end is the start plus the duration in
 * real minutes, so across a daylight-saving change the wall-clock end moves by an hour: a 120
 * minute slot at 01:30 on 2025-03-30 in Berlin ends at 04:30 local time. Bookings overlap when
 * their windows do, whatever the clocks said.
 */
public record SlotWindow(Instant start, Instant end) {

  public SlotWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
  }

  /**
   * The window of a slot in a zone, or empty when the start time does not exist there (inside a
   * spring-forward gap). In a fall-back overlap the earlier of the two instants is used.
   */
  public static Optional<SlotWindow> find(ZoneId zone, LocalDate date, LocalTime start,
      int durationMinutes) {
    if (durationMinutes < 1) {
      throw new IllegalArgumentException("durationMinutes must be positive");
    }
    return LocalInstants.exact(zone, date.atTime(start))
        .map(s -> new SlotWindow(s, s.plus(Duration.ofMinutes(durationMinutes))));
  }

  /** As {@link #find}, but a start time that does not exist is invalid input. */
  public static SlotWindow of(ZoneId zone, LocalDate date, LocalTime start, int durationMinutes) {
    return find(zone, date, start, durationMinutes).orElseThrow(
        () -> ServiceException.invalid("slot.start_time", nonexistentTime(zone, date, start)));
  }

  public boolean overlaps(SlotWindow other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  static String nonexistentTime(ZoneId zone, LocalDate date, LocalTime start) {
    return "time " + Times.formatTime(start) + " does not exist on " + Times.formatDate(date)
        + " in " + zone.getId() + " (daylight saving)";
  }
}
