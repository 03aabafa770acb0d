package io.booker.venue.domain.seating;

import io.booker.common.ServiceException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Tables of one room that a manager lets seat one party together, with the party sizes they
 * seat (T1+T2+T3 seats 7 to 10). A booking on a combination occupies every table in it. Whether
 * the tables exist and belong to the room is the caller's check; this one is about the shape.
 *
 * @param tableIds 2 to 8 different tables, in the manager's order
 */
public record Combination(UUID id, UUID roomId, List<UUID> tableIds, int minPartySize,
    int maxPartySize) {

  public static final int MAX_TABLES = 8;

  /**
   * The order combinations are offered in: the smallest that seats the party first (by
   * max_party_size), then the one with fewer tables, then by id (as text, as PostgreSQL orders
   * uuids) so that the order is stable.
   */
  public static final Comparator<Combination> SMALLEST_FIRST = Comparator
      .comparingInt(Combination::maxPartySize)
      .thenComparingInt(c -> c.tableIds().size())
      .thenComparing(c -> c.id().toString());

  public Combination {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    if (tableIds == null || tableIds.size() < 2) {
      throw ServiceException.invalid("table_ids", "needs at least 2 tables");
    }
    if (tableIds.size() > MAX_TABLES) {
      throw ServiceException.invalid("table_ids", "at most " + MAX_TABLES + " tables");
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < tableIds.size(); i++) {
      UUID t = tableIds.get(i);
      if (t == null) {
        throw ServiceException.invalid("table_ids[" + i + "]", "is required");
      }
      if (!seen.add(t)) {
        throw ServiceException.invalid("table_ids[" + i + "]", "repeats table " + t);
      }
    }
    tableIds = List.copyOf(tableIds);
    checkSize("min_party_size", minPartySize);
    checkSize("max_party_size", maxPartySize);
    if (minPartySize > maxPartySize) {
      throw ServiceException.invalid("min_party_size",
          "must not be greater than max_party_size (" + maxPartySize + ")");
    }
  }

  public boolean seats(int partySize) {
    return minPartySize <= partySize && partySize <= maxPartySize;
  }

  public boolean uses(UUID tableId) {
    return tableIds.contains(tableId);
  }

  /** The combinations that seat a party, in {@link #SMALLEST_FIRST} order. */
  public static List<Combination> fitting(Collection<Combination> combinations, int partySize) {
    return combinations.stream()
        .filter(c -> c.seats(partySize))
        .sorted(SMALLEST_FIRST)
        .toList();
  }

  private static void checkSize(String field, int size) {
    if (size < 1 || size > Fields.MAX_PARTY_SIZE) {
      throw ServiceException.invalid(field, "must be between 1 and " + Fields.MAX_PARTY_SIZE);
    }
  }
}
