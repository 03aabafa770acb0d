package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import java.util.Set;

/**
 * How long a party of up to {@code maxPartySize} guests keeps its table: one row of the turn-time
 * table. Rows may be limited to weekdays and to a service period; {@link SeatingRules#turnMinutes}
 * picks the most specific row that fits a party.
 *
 * @param maxPartySize the largest party this row is for; null for every party larger than the
 *     row before it (of the same period and weekday)
 * @param minutes 15 to 720 in steps of 5, as any booking duration
 * @param weekdays the weekdays (0 = Sunday ... 6 = Saturday) the row holds on; empty for every day
 * @param period the name of the service period the row holds in; null for any time
 */
public record TurnTime(Integer maxPartySize, int minutes, Set<Integer> weekdays, String period) {

  public static final int MIN_MINUTES = 15;
  public static final int MAX_MINUTES = 720;

  public TurnTime {
    if (maxPartySize != null && (maxPartySize < 1 || maxPartySize > Fields.MAX_PARTY_SIZE)) {
      throw ServiceException.invalid("max_party_size",
          "must be between 1 and " + Fields.MAX_PARTY_SIZE + " (leave it out for every larger party)");
    }
    if (minutes < MIN_MINUTES || minutes > MAX_MINUTES || minutes % 5 != 0) {
      throw ServiceException.invalid("minutes",
          "must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " in steps of 5");
    }
    weekdays = Fields.weekdays("weekdays", weekdays);
    period = period == null || period.isBlank() ? null : period.strip();
  }

  /** A row for every day and every period. */
  public static TurnTime of(Integer maxPartySize, int minutes) {
    return new TurnTime(maxPartySize, minutes, Set.of(), null);
  }

  /** True when a party of this size may use this row (its size is within the row's maximum). */
  public boolean seats(int partySize) {
    return maxPartySize == null || partySize <= maxPartySize;
  }

  /** True when the row holds on this weekday (0 = Sunday) in this period (null: outside periods). */
  public boolean holdsOn(int weekday, String periodName) {
    return (weekdays.isEmpty() || weekdays.contains(weekday))
        && (period == null || period.equals(periodName));
  }

  /** 3 for a period and weekdays, 2 for a period, 1 for weekdays, 0 for a general row. */
  int specificity() {
    return (period != null ? 2 : 0) + (weekdays.isEmpty() ? 0 : 1);
  }
}
