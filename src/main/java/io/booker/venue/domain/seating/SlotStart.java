package io.booker.venue.domain.seating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A start time a service period offers: the real instant and the venue-local date and time it is
 * shown as (the next date for the after-midnight part of an overnight period).
 */
public record SlotStart(Instant instant, LocalDateTime local, PeriodDay periodDay) {

  public SlotStart {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(periodDay, "periodDay");
  }

  public LocalDate date() {
    return local.toLocalDate();
  }

  public LocalTime time() {
    return local.toLocalTime();
  }
}
