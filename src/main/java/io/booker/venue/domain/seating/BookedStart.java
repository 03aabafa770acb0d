package io.booker.venue.domain.seating;

import java.time.Instant;
import java.util.Objects;

/** A booking that counts against pacing: when it starts and how many guests arrive. */
public record BookedStart(Instant start, int partySize) {

  public BookedStart {
    Objects.requireNonNull(start, "start");
    if (partySize < 1) {
      throw new IllegalArgumentException("partySize must be positive");
    }
  }
}
