package io.booker.booking.domain;

import java.time.Instant;
import java.util.List;

/**
 * What takes a venue's tables over a span, and the starts that count against its pacing: read in
 * one go by venue's availability search, which then decides every candidate slot in memory.
 *
 * @param ranges active bookings in time (held and not lapsed, confirmed, seated) and blocks, per table
 * @param starts bookings starting in the span that count against pacing (held and not lapsed,
 *               confirmed, seated, finished)
 */
public record TableOccupancy(List<Range> ranges, List<Start> starts) {

  /** A table taken over [from, to), by a booking or by a block. */
  public record Range(java.util.UUID tableId, Instant from, Instant to, boolean blocked) {
  }

  /** A party starting at {@code at}. */
  public record Start(Instant at, int partySize) {
  }

  public TableOccupancy {
    ranges = List.copyOf(ranges);
    starts = List.copyOf(starts);
  }
}
