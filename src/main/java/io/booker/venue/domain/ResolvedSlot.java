package io.booker.venue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a booking needs checked by the venue, checked: the venue and its zone, the slot normalised
 * (venue-local date, start and duration in minutes) with the instants it starts and ends, the
 * table (then the one merged with it) and the seats they give together.
 */
public record ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
    Instant startsAt, Instant endsAt, List<TableCandidate> tables) {

  public ResolvedSlot {
    tables = List.copyOf(tables);
  }
}
