package io.booker.venue.domain;

import io.booker.venue.domain.seating.PacingWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a booking needs checked by the venue, checked: the venue and its zone, the slot normalised
 * (venue-local date, start and duration in minutes) with the instants it starts and ends, the
 * table (then the one merged with it), or each table of a combination, and the seats they give
 * together, the pacing window the start counts against (null when its service period has no
 * pacing), and the combination booked ({@code combinationId}, empty for a table or a pair).
 */
public record ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
    Instant startsAt, Instant endsAt, List<TableCandidate> tables, PacingWindow pacing, String combinationId) {

  public ResolvedSlot {
    tables = List.copyOf(tables);
    combinationId = combinationId == null ? "" : combinationId;
  }

  /** A table, or a mergeable pair. */
  public ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
      Instant startsAt, Instant endsAt, List<TableCandidate> tables, PacingWindow pacing) {
    this(venueId, timezone, date, start, durationMinutes, capacity, startsAt, endsAt, tables, pacing, "");
  }

  /** A table, or a mergeable pair, outside any service period with pacing. */
  public ResolvedSlot(String venueId, String timezone, LocalDate date, LocalTime start, int durationMinutes, int capacity,
      Instant startsAt, Instant endsAt, List<TableCandidate> tables) {
    this(venueId, timezone, date, start, durationMinutes, capacity, startsAt, endsAt, tables, null, "");
  }
}
