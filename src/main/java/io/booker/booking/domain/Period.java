package io.booker.booking.domain;

import java.time.Instant;
import java.util.Objects;

/** The real time a booking takes, {@code [start, end)}, as the venue's zone places its slot. */
public record Period(Instant start, Instant end) {

  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
  }
}
