package io.booker.venue.domain.seating;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A venue's wall-clock times as instants, with the same choices as the venue's hours: in a
 * fall-back overlap the earlier instant (the larger offset) counts, so a slot at "02:30" and a
 * booking at "02:30" mean the same moment; a time inside a spring-forward gap does not exist.
 */
final class WallClock {

  private WallClock() {
  }

  /** Empty when the wall-clock time does not exist (a spring-forward gap). */
  static Optional<Instant> exact(ZoneId zone, LocalDateTime local) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    return offsets.stream()
        // By seconds, not ZoneOffset's natural order, which runs from +18:00 down to -18:00.
        .max(Comparator.comparingInt(ZoneOffset::getTotalSeconds))
        .map(local::toInstant);
  }

  /**
   * For edges of ranges: a time inside a gap is the instant the clocks jump, so a range edge never
   * moves past the times around it and ranges that partition the wall clock partition real time.
   */
  static Instant lenient(ZoneId zone, LocalDateTime local) {
    return exact(zone, local).orElseGet(() -> zone.getRules().getTransition(local).getInstant());
  }
}
