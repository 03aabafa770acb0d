package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.venue.domain.seating.Combination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which tables (or pairs of tables, or the manager's table combinations) can take a party
 * in a slot, given which tables are free. Pure and in memory: the caller fetches tables,
 * combinations and bookings in one query each. At worst O(n^2) pairs of n tables (plus sorting
 * them), and only when no single table fits; combinations cost their tables each.
 */
public final class AvailabilityPlanner {

  public static final int MAX_PARTY_SIZE = 100;

  private static final Comparator<TableCandidate> BY_NAME =
      Comparator.comparing(TableCandidate::name).thenComparing(TableCandidate::tableId);
  /**
   * Available offers, smallest first: by seats (a combination's are its max_party_size), then
   * fewer tables, then the tables' names in order, then ids. On single tables alone it is the
   * smallest capacity first, then by name; on pairs alone, smallest total then the first table's and the
   * second's names, as before combinations existed.
   */
  private static final Comparator<TableOffer> OFFERS_SMALLEST_FIRST =
      Comparator.comparingInt(TableOffer::seats)
          .thenComparingInt(o -> o.tables().size())
          .thenComparing(AvailabilityPlanner::namesInOrder)
          .thenComparing(AvailabilityPlanner::idsInOrder)
          .thenComparing(TableOffer::combinationId);

  private AvailabilityPlanner() {
  }

  /** {@link #plan(List, List, Set, int, SlotCheck)} of a venue without table combinations. */
  public static List<TableOffer> plan(List<TableCandidate> tables, Set<String> freeTableIds,
      int partySize, SlotCheck slotCheck) {
    return plan(tables, List.of(), freeTableIds, partySize, slotCheck);
  }

  /**
   * The answer, in this order: the available options, smallest first ({@link
   * #OFFERS_SMALLEST_FIRST}): single tables that seat the party, the combinations that seat it
   * (its size within theirs) whose every table is free, and, only when no single table fits,
   * same-room pairs of free mergeable tables (a pair that is also an offered combination is
   * offered once, as the combination); then every table that appears in no available entry,
   * unavailable with a reason, by name. If the slot is outside the hours, every table is
   * unavailable with the slot's reason.
   */
  public static List<TableOffer> plan(List<TableCandidate> tables, List<Combination> combinations,
      Set<String> freeTableIds, int partySize, SlotCheck slotCheck) {
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
    List<TableOffer> available = new ArrayList<>();
    for (TableCandidate t : singles) {
      available.add(new TableOffer(t, true, "", null, t.capacity()));
    }
    List<TableOffer> joined = combinationOffers(byName, Objects.requireNonNull(combinations, "combinations"), freeTableIds,
        partySize);
    available.addAll(joined);
    if (singles.isEmpty()) {
      Set<Set<String>> asCombinations = new HashSet<>();
      for (TableOffer c : joined) {
        asCombinations.add(idsOf(c));
      }
      for (TableOffer pair : mergedPairs(byName, freeTableIds, partySize)) {
        if (!asCombinations.contains(idsOf(pair))) {
          available.add(pair);
        }
      }
    }
    available.sort(OFFERS_SMALLEST_FIRST);
    Set<String> offered = new HashSet<>();
    for (TableOffer o : available) {
      out.add(o);
      offered.addAll(idsOf(o));
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
    return pairs;
  }

  /** The combinations that seat the party and whose tables are all the venue's and free. */
  private static List<TableOffer> combinationOffers(List<TableCandidate> tables, List<Combination> combinations,
      Set<String> free, int partySize) {
    List<Combination> fitting = Combination.fitting(combinations, partySize);
    if (fitting.isEmpty()) {
      return List.of();
    }
    Map<String, TableCandidate> byId = new HashMap<>();
    for (TableCandidate t : tables) {
      byId.put(t.tableId(), t);
    }
    List<TableOffer> out = new ArrayList<>();
    for (Combination c : fitting) {
      List<TableCandidate> of = new ArrayList<>(c.tableIds().size());
      for (UUID id : c.tableIds()) {
        TableCandidate t = byId.get(id.toString());
        if (t == null || !free.contains(t.tableId())) {
          break;
        }
        of.add(t);
      }
      if (of.size() == c.tableIds().size()) {
        out.add(TableOffer.combination(c.id().toString(), of, c.maxPartySize(), "combination " + TableChoice.names(of)
            + " (seats " + c.minPartySize() + " to " + c.maxPartySize() + ")"));
      }
    }
    return out;
  }

  private static Set<String> idsOf(TableOffer o) {
    Set<String> ids = new HashSet<>();
    for (TableCandidate t : o.tables()) {
      ids.add(t.tableId());
    }
    return ids;
  }

  private static String namesInOrder(TableOffer o) {
    StringBuilder b = new StringBuilder();
    for (TableCandidate t : o.tables()) {
      b.append(t.name()).append('\u0000');
    }
    return b.toString();
  }

  private static String idsInOrder(TableOffer o) {
    StringBuilder b = new StringBuilder();
    for (TableCandidate t : o.tables()) {
      b.append(t.tableId()).append('\u0000');
    }
    return b.toString();
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
