package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How many parties and/or guests (covers) may start within each interval of a service period. The
 * intervals are counted from the period's start time: with 15 minutes and a period from 18:00 the
 * windows are 18:00-18:15, 18:15-18:30 and so on.
 *
 * @param intervalMinutes 5, 10, 15, 20, 30 or 60
 * @param maxParties at most this many parties start per interval; null for no cap
 * @param maxCovers at most this many guests start per interval; null for no cap
 */
public record Pacing(int intervalMinutes, Integer maxParties, Integer maxCovers) {

  public static final int DEFAULT_INTERVAL_MINUTES = 15;
  /** The intervals offered, the same as the slot intervals: they divide an hour. */
  public static final Set<Integer> INTERVALS = Set.of(5, 10, 15, 20, 30, 60);
  public static final int MAX_CAP = 1000;

  /** A cap a new party would break. */
  public enum Cap { PARTIES, COVERS }

  public Pacing {
    if (!INTERVALS.contains(intervalMinutes)) {
      throw ServiceException.invalid("pacing.interval_minutes", "must be 5, 10, 15, 20, 30 or 60");
    }
    if (maxParties == null && maxCovers == null) {
      throw ServiceException.invalid("pacing",
          "needs max_parties or max_covers (leave pacing out for no limit)");
    }
    if (maxParties != null && (maxParties < 1 || maxParties > MAX_CAP)) {
      throw ServiceException.invalid("pacing.max_parties", "must be between 1 and " + MAX_CAP);
    }
    if (maxCovers != null && (maxCovers < 1 || maxCovers > MAX_CAP)) {
      throw ServiceException.invalid("pacing.max_covers", "must be between 1 and " + MAX_CAP);
    }
  }

  /**
   * Whether a new party fits beside the parties and covers already starting in its interval. A
   * party larger than the cap on covers never fits, even in an empty interval: only staff may
   * override pacing for it.
   */
  public PacingCheck check(int partiesStarting, int coversStarting, int partySize) {
    if (partiesStarting < 0 || coversStarting < 0 || partySize < 1) {
      throw new IllegalArgumentException("counts must not be negative, a party has a guest");
    }
    List<Cap> exceeded = new ArrayList<>(2);
    if (maxParties != null && partiesStarting + 1 > maxParties) {
      exceeded.add(Cap.PARTIES);
    }
    if (maxCovers != null && coversStarting + partySize > maxCovers) {
      exceeded.add(Cap.COVERS);
    }
    return new PacingCheck(this, partiesStarting, coversStarting, partySize, exceeded);
  }
}
