package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.DayRange;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.WeeklyHours;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening hours and special days of the venues. Every write commits its outbox event with it.
 */
public interface ScheduleStore {

  /** Replaces the venue's whole week; false (and nothing written) when the venue does not exist. */
  Future<Boolean> replaceWeek(UUID venueId, WeeklyHours week, OutboxEvent event);

  /** The week as stored, by weekday then opening time; empty when the venue does not exist. */
  Future<Optional<List<DayRange>>> week(UUID venueId);

  /** The venue's IANA zone id; empty when the venue does not exist. */
  Future<Optional<String>> timezone(UUID venueId);

  /** Creates or replaces the special day and its ranges; false (nothing written) for an unknown venue. */
  Future<Boolean> putSpecialDay(UUID venueId, SpecialDay day, OutboxEvent event);

  /** Removes the special day of {@code date}; false (nothing written) when there was none. */
  Future<Boolean> deleteSpecialDay(UUID venueId, LocalDate date, OutboxEvent event);

  /** The special days in {@code [from, to]}, by date, each with its ranges by opening time. */
  Future<List<SpecialDay>> specialDays(UUID venueId, LocalDate from, LocalDate to);
}
