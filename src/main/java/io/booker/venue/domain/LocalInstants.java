package io.booker.venue.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a venue's wall-clock time into an instant. In a fall-back overlap the earlier instant
 * (the larger offset) is used everywhere, so slots and ranges agree on which "02:30" they mean.
 */
public final class LocalInstants {

  private LocalInstants() {
  }

  /** Empty when the wall-clock time does not exist (a spring-forward gap). */
  public static Optional<Instant> exact(ZoneId zone, LocalDateTime local) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    return offsets.stream()
        // By seconds, not ZoneOffset's natural order, which runs from +18:00 down to -18:00.
        .max(Comparator.comparingInt(ZoneOffset::getTotalSeconds))
        .map(offset -> local.toInstant(offset));
  }

  /**
   * For the edges of opening ranges: a time inside a gap is the end of the gap (the instant the
   * clocks jump), so a venue opening at 02:30 on a night that skips 02:00-03:00 opens at 03:00,
   * not at java.time's 03:30; a range wholly inside the gap comes out empty.
   */
  public static Instant lenient(ZoneId zone, LocalDateTime local) {
    return exact(zone, local).orElseGet(() -> zone.getRules().getTransition(local).getInstant());
  }
}
