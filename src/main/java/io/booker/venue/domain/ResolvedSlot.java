package io.booker.venue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a booking needs checked by the venue, checked: the venue and its zone, the slot normalised
 * (venue-local date, start and duration in minutes) with the instants it starts and ends, the
 * table (then the one merged with it), or each table of a combination, and the seats they give
 * together; {@code combinationId} is the combination booked, or empty.
 */
public record ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
    Instant startsAt, Instant endsAt, List<TableCandidate> tables, String combinationId) {

  public ResolvedSlot {
    tables = List.copyOf(tables);
    combinationId = combinationId == null ? "" : combinationId;
  }

  /** A table, or a mergeable pair. */
  public ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
      Instant startsAt, Instant endsAt, List<TableCandidate> tables) {
    this(venueId, timezone, date, start, durationMinutes, capacity, startsAt, endsAt, tables, "");
  }
}
