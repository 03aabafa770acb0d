package io.booker.venue.domain;

import io.booker.common.ServiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which tables (or pairs of tables) can take a party in a slot, given which tables are
 * free. Pure and in memory: the caller fetches tables and bookings in one query each. At worst
 * O(n^2) pairs of n tables (plus sorting them), and only when no single table fits.
 */
public final class AvailabilityPlanner {

  public static final int MAX_PARTY_SIZE = 100;

  private static final Comparator<TableCandidate> BY_NAME =
      Comparator.comparing(TableCandidate::name).thenComparing(TableCandidate::tableId);
  private static final Comparator<TableCandidate> SMALLEST_FIRST =
      Comparator.comparingInt(TableCandidate::capacity).thenComparing(BY_NAME);
  private static final Comparator<TableOffer> PAIRS_SMALLEST_FIRST =
      Comparator.comparingInt(TableOffer::seats)
          .thenComparing(TableOffer::table, BY_NAME)
          .thenComparing(TableOffer::mergedWith, BY_NAME);

  private AvailabilityPlanner() {
  }

  /**
   * The answer, in this order: available single tables, smallest sufficient first; if there are
   * none, available same-room pairs of free mergeable tables, smallest total first; then every
   * table that appears in no available entry, unavailable with a reason, by name. If the slot is
   * outside the hours, every table is unavailable with the slot's reason.
   */
  public static List<TableOffer> plan(List<TableCandidate> tables, Set<String> freeTableIds,
      int partySize, SlotCheck slotCheck) {
    if (partySize < 1 || partySize > MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size", "must be between 1 and " + MAX_PARTY_SIZE);
    }
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(freeTableIds, "freeTableIds");
    Objects.requireNonNull(slotCheck, "slotCheck");

    List<TableCandidate> byName = new ArrayList<>(tables);
    byName.sort(BY_NAME);
    List<TableOffer> out = new ArrayList<>(byName.size());
    if (!slotCheck.open()) {
      for (TableCandidate t : byName) {
        out.add(new TableOffer(t, false, slotCheck.reason(), null, t.capacity()));
      }
      return out;
    }

    List<TableCandidate> singles = new ArrayList<>();
    for (TableCandidate t : byName) {
      if (t.capacity() >= partySize && freeTableIds.contains(t.tableId())) {
        singles.add(t);
      }
    }
    singles.sort(SMALLEST_FIRST);
    Set<String> offered = new HashSet<>();
    for (TableCandidate t : singles) {
      out.add(new TableOffer(t, true, "", null, t.capacity()));
      offered.add(t.tableId());
    }
    if (singles.isEmpty()) {
      for (TableOffer pair : mergedPairs(byName, freeTableIds, partySize)) {
        out.add(pair);
        offered.add(pair.table().tableId());
        offered.add(pair.mergedWith().tableId());
      }
    }

    for (TableCandidate t : byName) {
      if (!offered.contains(t.tableId())) {
        out.add(new TableOffer(t, false, whyNot(t, partySize), null, t.capacity()));
      }
    }
    return out;
  }

  /** Each unordered pair once, the table first by name; tables are sorted by name already. */
  private static List<TableOffer> mergedPairs(List<TableCandidate> byName, Set<String> free,
      int partySize) {
    List<TableCandidate> mergeable = new ArrayList<>();
    for (TableCandidate t : byName) {
      if (t.canMerge() && t.capacity() > 0 && free.contains(t.tableId())) {
        mergeable.add(t);
      }
    }
    List<TableOffer> pairs = new ArrayList<>();
    for (int i = 0; i < mergeable.size(); i++) {
      TableCandidate a = mergeable.get(i);
      for (int j = i + 1; j < mergeable.size(); j++) {
        TableCandidate b = mergeable.get(j);
        int seats = a.capacity() + b.capacity();
        if (a.roomId().equals(b.roomId()) && seats >= partySize
            && !a.tableId().equals(b.tableId())) {
          pairs.add(new TableOffer(a, true,
              "merged with " + b.name() + " (total capacity " + seats + ")", b, seats));
        }
      }
    }
    pairs.sort(PAIRS_SMALLEST_FIRST);
    return pairs;
  }

  /**
   * Capacity first: a table too small will never do, a booked one might at another time. A table
   * big enough that was not offered can only be taken, since free ones are always offered.
   */
  private static String whyNot(TableCandidate t, int partySize) {
    if (t.capacity() < partySize) {
      return "capacity " + t.capacity() + " is less than party of " + partySize;
    }
    return "already booked for this slot";
  }
}
