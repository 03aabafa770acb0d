package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.Times;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.AvailabilityPlanner;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.SlotCheck;
import io.booker.venue.domain.SlotSearch;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.TableCandidate;
import io.booker.venue.domain.TableChoice;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.TablesAtSlot;
import io.booker.venue.domain.seating.Combination;
import io.booker.venue.domain.seating.PacingCheck;
import io.booker.venue.domain.seating.PacingWindow;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which tables can seat a party at a slot. Per request: one query for the venue (hours, special
 * days, tables, table combinations) and, when the slot is within the hours, one call to the booking service for the
 * tables that could take part; the rest is the pure {@link AvailabilityPlanner}. Also what a
 * booking needs checked ({@link #resolveBookingSlot}), without calling the booking service.
 * Both read a venue: {@link Permission#READ_VENUE} on it, checked before anything runs (the
 * booking service calls {@code ResolveBookingSlot} on behalf of its own caller).
 */
final class AvailabilityUseCases {

  /** The most tables one CheckTables request may name. */
  static final int MAX_TABLE_IDS = 500;
  static final int DEFAULT_MAX_OFFERS = 50;
  static final int MAX_OFFERS = 200;

  private final AvailabilityReads reads;
  private final BookingOccupancy bookings;
  private final Clock clock;

  AvailabilityUseCases(VenueDeps deps) {
    this.reads = deps.availability();
    this.bookings = deps.bookings();
    this.clock = deps.clock();
  }

  /**
   * The tables that can seat {@code party} at {@code slot} (null: the request had none), and with
   * {@code includeUnavailable} every other one with its reason; {@code maxOffers} 0 is the default.
   */
  Future<List<TableOffer>> checkAvailability(Caller caller, String venue, SlotText slot, int party, boolean includeUnavailable,
                                             int requestedOffers) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
    if (slot == null) {
      throw ServiceException.invalid("slot", "is required");
    }
    LocalDate date = Times.parseDate("slot.date", slot.date());
    LocalTime start = Times.parseTime("slot.start_time", slot.startTime());
    int asked = Times.durationMinutes(slot.durationMinutes());
    if (party < 1 || party > AvailabilityPlanner.MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size", "must be between 1 and " + AvailabilityPlanner.MAX_PARTY_SIZE);
    }
    int maxOffers = maxOffers(requestedOffers);
    return reads.snapshot(venueId, date).compose(found -> {
      AvailabilitySnapshot snapshot = found.orElseThrow(() -> ServiceException.notFound("venue", venue));
      int duration = duration(snapshot, slot, asked, party, date, start);
      SlotCheck check = snapshot.calendar().check(date, start, duration, clock.instant());
      requireWithinWindow(snapshot, check);
      Optional<PacingWindow> pacing = check.open() ? snapshot.seating().pacingWindow(check.start(), snapshot.zone()) : Optional.empty();
      if (pacing.isPresent()) {
        return paced(venueId, snapshot, check, pacing.get(), party)
          .map(plan -> answer(plan, maxOffers, includeUnavailable));
      }
      return freeTables(venueId, snapshot, date, start, duration, party, check)
        .map(free -> answer(AvailabilityPlanner.plan(snapshot.tables(), snapshot.combinations(), free, party, check), maxOffers,
          includeUnavailable));
    });
  }

  /**
   * Checks everything a booking needs from the venue, with one query for the venue's hours and the
   * tables asked for. It does not ask the booking service anything: whether the tables are free
   * is for the booking service's own database to decide, in the transaction that books them.
   */
  /** {@code table}, {@code merged} (the second table of a pair) and {@code slot}: null when the request had none. */
  Future<ResolvedSlot> resolveBookingSlot(Caller caller, String venue, TableRefText table, TableRefText merged, SlotText slot,
                                          int partySize) {
    return resolveBookingSlot(caller, venue, table, merged, "", slot, partySize);
  }

  /**
   * As {@link #resolveBookingSlot(Caller, String, TableRefText, TableRefText, SlotText, int)}, or,
   * with {@code combination} (not empty; {@code table} and {@code merged} then null), every table
   * of that combination of the venue, in its order, for a party within its sizes: still one query.
   */
  Future<ResolvedSlot> resolveBookingSlot(Caller caller, String venue, TableRefText table, TableRefText merged, String combination,
                                          SlotText slot, int partySize) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
    if (combination != null && !combination.isEmpty()) {
      return resolveCombination(venueId, venue, table, merged, combination, slot, partySize);
    }
    if (table == null) {
      throw ServiceException.invalid("table", "is required");
    }
    UUID tableId = Ids.uuid("table.table_id", table.tableId());
    String roomId = optionalId("table.room_id", table.roomId());
    String mergedId = merged != null ? Ids.uuid("merged_with_table.table_id", merged.tableId()).toString() : "";
    String mergedRoomId = merged != null ? optionalId("merged_with_table.room_id", merged.roomId()) : "";
    if (slot == null) {
      throw ServiceException.invalid("slot", "is required");
    }
    LocalDate date = Times.parseDate("slot.date", slot.date());
    LocalTime start = Times.parseTime("slot.start_time", slot.startTime());
    int askedDuration = Times.durationMinutes(slot.durationMinutes());
    UUID[] asked = mergedId.isEmpty() ? new UUID[]{tableId} : new UUID[]{tableId, UUID.fromString(mergedId)};
    return reads.snapshot(venueId, date, asked).map(found -> {
      AvailabilitySnapshot snapshot = found.orElseThrow(() -> ServiceException.notFound("venue", venue));
      Map<String, TableCandidate> byId = new HashMap<>();
      snapshot.tables().forEach(t -> byId.put(t.tableId(), t));
      TableChoice choice = TableChoice.of(byId, tableId.toString(), roomId, mergedId, mergedRoomId, partySize);
      return resolved(venueId, snapshot, slot, askedDuration, partySize, date, start, choice, "");
    });
  }

  private Future<ResolvedSlot> resolveCombination(UUID venueId, String venue, TableRefText table, TableRefText merged,
                                                 String combination, SlotText slot, int partySize) {
    UUID combinationId = Ids.uuid("combination_id", combination);
    if (table != null || merged != null) {
      throw ServiceException.invalid("combination_id", "give either combination_id or table (and merged_with_table), not both");
    }
    if (slot == null) {
      throw ServiceException.invalid("slot", "is required");
    }
    LocalDate date = Times.parseDate("slot.date", slot.date());
    LocalTime start = Times.parseTime("slot.start_time", slot.startTime());
    int askedDuration = Times.durationMinutes(slot.durationMinutes());
    return reads.combinationSnapshot(venueId, date, combinationId).map(found -> {
      AvailabilitySnapshot snapshot = found.orElseThrow(() -> ServiceException.notFound("venue", venue));
      Combination asked = snapshot.combinations().stream().findFirst().orElseThrow(() ->
        new ServiceException(ErrorCode.NOT_FOUND, "combination " + combinationId + " not found in this venue"));
      Map<String, TableCandidate> byId = new HashMap<>();
      snapshot.tables().forEach(t -> byId.put(t.tableId(), t));
      TableChoice choice = TableChoice.of(byId, asked, partySize);
      return resolved(venueId, snapshot, slot, askedDuration, partySize, date, start, choice, combinationId.toString());
    });
  }


  /**
   * The slot checked against the hours, the clock and the booking window, lasting the asked
   * duration or the party's turn time, with the pacing window its start counts against;
   * INVALID_ARGUMENT naming the slot when it cannot be booked.
   */
  private ResolvedSlot resolved(UUID venueId, AvailabilitySnapshot snapshot, SlotText slot, int askedDuration, int partySize,
                                LocalDate date, LocalTime start, TableChoice choice, String combinationId) {
    int duration = duration(snapshot, slot, askedDuration, partySize, date, start);
    SlotCheck check = snapshot.calendar().check(date, start, duration, clock.instant());
    if (!check.open()) {
      String field = check.verdict() == SlotCheck.Verdict.TIME_DOES_NOT_EXIST ? "slot.start_time" : "slot";
      throw ServiceException.invalid(field, check.reason());
    }
    requireWithinWindow(snapshot, check);
    PacingWindow pacing = snapshot.seating().pacingWindow(check.start(), snapshot.zone()).orElse(null);
    return new ResolvedSlot(venueId.toString(), snapshot.zone().getId(), date, start, duration, choice.seats(),
      check.start(), check.end(), choice.tables(), pacing, combinationId);
  }


  /**
   * Which of the named tables are free at a slot: the slot is read and checked exactly as
   * {@link #checkAvailability} does (venue-local, duration, hours, past), the tables must be the
   * venue's. One query for the venue with those tables; one call to the booking service, only
   * when the slot is open. The answer reveals bookings: {@link Permission#READ_BOOKINGS}.
   */
  Future<List<TablesAtSlot.Answer>> checkTables(Caller caller, String venue, List<String> tableIds, SlotText slot) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_BOOKINGS, venueId.toString(), "venue", venue);
    int n = tableIds.size();
    if (n == 0 || n > MAX_TABLE_IDS) {
      throw ServiceException.invalid("table_ids", n == 0 ? "is required" : "at most " + MAX_TABLE_IDS + " tables per request");
    }
    List<String> asked = new ArrayList<>(n);
    Set<UUID> distinct = new HashSet<>();
    for (int i = 0; i < n; i++) {
      UUID id = Ids.uuid("table_ids[" + i + "]", tableIds.get(i));
      asked.add(id.toString());
      distinct.add(id);
    }
    if (slot == null) {
      throw ServiceException.invalid("slot", "is required");
    }
    LocalDate date = Times.parseDate("slot.date", slot.date());
    LocalTime start = Times.parseTime("slot.start_time", slot.startTime());
    int duration = Times.durationMinutes(slot.durationMinutes());
    return reads.snapshot(venueId, date, distinct.toArray(UUID[]::new)).compose(found -> {
      AvailabilitySnapshot snapshot = found.orElseThrow(() -> ServiceException.notFound("venue", venue));
      TablesAtSlot.requireKnown(asked, snapshot.tables());
      SlotCheck check = snapshot.calendar().check(date, start, duration, clock.instant());
      Future<Set<String>> free = check.open()
        ? freeOf(venueId, snapshot, date, start, duration, distinct.stream().map(UUID::toString).toList()) : Future.succeededFuture(Set.of());
      return free.map(ids -> TablesAtSlot.answer(asked, check, ids));
    });
  }

  /**
   * How long the slot lasts: the duration asked for; without one, the turn time of the venue's
   * seating rules for the party at that date and time; without a matching rule, the default.
   */
  private static int duration(AvailabilitySnapshot snapshot, SlotText slot, int asked, int party, LocalDate date, LocalTime start) {
    if (slot.durationMinutes() != 0) {
      return asked;
    }
    return snapshot.seating().turnMinutes(party, date, start).orElse(asked);
  }

  /** A slot outside the venue's booking window (too far ahead, too little notice) is a 400 naming the limit. */
  private void requireWithinWindow(AvailabilitySnapshot snapshot, SlotCheck check) {
    if (!check.open()) {
      return;
    }
    snapshot.seating().bookingWindow().check(clock.instant(), check.start(), snapshot.zone()).ifPresent(problem -> {
      throw ServiceException.invalid("slot", problem.message());
    });
  }

  static final int DEFAULT_SEARCH_WINDOW_MINUTES = 120;
  static final int MAX_SEARCH_WINDOW_MINUTES = 720;
  static final int MAX_SEARCH_DAYS = 7;
  static final int DEFAULT_SEARCH_LIMIT = 10;
  static final int MAX_SEARCH_LIMIT = 50;

  /**
   * The start times closest to {@code time} on {@code date} (and the {@code days} - 1 days after)
   * at which the party can be seated: see {@link SlotSearch}. Statements: one snapshot per day
   * searched (at most {@value #MAX_SEARCH_DAYS}, run at once) and one call to the booking service
   * for the whole span (one statement there), whatever the number of candidate starts.
   * Reveals bookings: {@link Permission#READ_BOOKINGS}.
   */
  Future<List<SlotSearch.Option>> search(Caller caller, String venue, int party, String dateText, String timeText, int window,
                                         int days, int duration, int limit) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_BOOKINGS, venueId.toString(), "venue", venue);
    if (party < 1 || party > AvailabilityPlanner.MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size", "must be between 1 and " + AvailabilityPlanner.MAX_PARTY_SIZE);
    }
    LocalDate date = Times.parseDate("date", dateText);
    LocalTime time = Times.parseTime("time", timeText);
    int windowMinutes = bounded("window_minutes", window, DEFAULT_SEARCH_WINDOW_MINUTES, 0, MAX_SEARCH_WINDOW_MINUTES);
    int dayCount = bounded("days", days, 1, 1, MAX_SEARCH_DAYS);
    int answers = bounded("limit", limit, DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT);
    int minutes = duration == 0 ? 0 : Times.durationMinutes(duration);
    SlotSearch.Ask ask = new SlotSearch.Ask(party, date, time, windowMinutes, dayCount, minutes, answers);
    List<LocalDate> searched = SlotSearch.days(ask);
    List<Future<java.util.Optional<AvailabilitySnapshot>>> perDay = new ArrayList<>();
    for (LocalDate d : searched) {
      perDay.add(reads.snapshot(venueId, d));
    }
    // Wide enough in any zone: from two days before the first day to two days after the last.
    Instant from = date.minusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant to = date.plusDays(dayCount + 2L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return Future.all(perDay).compose(all -> {
      List<AvailabilitySnapshot> snapshots = new ArrayList<>();
      for (Future<java.util.Optional<AvailabilitySnapshot>> f : perDay) {
        snapshots.add(f.result().orElseThrow(() -> ServiceException.notFound("venue", venue)));
      }
      return bookings.occupancy(venueId.toString(), from, to).map(o ->
        SlotSearch.search(ask, SlotSearch.inOrder(searched, snapshots), o.taken(), o.starts(), clock.instant()));
    });
  }

  /** A request's number: 0 means {@code otherwise}; else within [min, max]. */
  private static int bounded(String field, int value, int otherwise, int min, int max) {
    if (value == 0) {
      return otherwise;
    }
    if (value < min || value > max) {
      throw ServiceException.invalid(field, "must be between " + min + " and " + max + " (0 means " + otherwise + ")");
    }
    return value;
  }

  /** The number of available offers an answer lists: 0 means the default. */
  private static int maxOffers(int requested) {
    if (requested == 0) {
      return DEFAULT_MAX_OFFERS;
    }
    if (requested < 1 || requested > MAX_OFFERS) {
      throw ServiceException.invalid("max_offers", "must be between 1 and " + MAX_OFFERS + " (0 means " + DEFAULT_MAX_OFFERS + ")");
    }
    return requested;
  }

  private static String optionalId(String field, String id) {
    return id == null || id.isEmpty() ? "" : Ids.uuid(field, id).toString();
  }

  /**
   * Asks the booking service, once, which of the tables that could take part are free (those big
   * enough, the mergeable ones and those of the combinations that seat the party). Nothing
   * to ask when the slot is outside the hours or no table could take part; a failure of the call
   * fails the check (it never reads as "nothing available").
   */
  private Future<Set<String>> freeTables(UUID venueId, AvailabilitySnapshot venue, LocalDate date, LocalTime start, int duration, int party,
                                         SlotCheck check) {
    Set<String> inCombinations = new HashSet<>();
    for (Combination c : Combination.fitting(venue.combinations(), party)) {
      c.tableIds().forEach(id -> inCombinations.add(id.toString()));
    }
    List<String> ids = new ArrayList<>();
    for (TableCandidate t : venue.tables()) {
      if (t.capacity() >= party || t.canMerge() || inCombinations.contains(t.tableId())) {
        ids.add(t.tableId());
      }
    }
    if (!check.open() || ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return freeOf(venueId, venue, date, start, duration, ids);
  }

  /**
   * A slot in a paced service period: one call to the booking service for what takes the tables
   * over the slot and the starts in its pacing window (instead of the free-tables call), then the
   * plan; when the pacing interval is full, every table that would be free is unavailable with the
   * cap as its reason (a booked one keeps its own), so staff can still see where an overridden
   * booking could go.
   */
  private Future<List<TableOffer>> paced(UUID venueId, AvailabilitySnapshot snapshot, SlotCheck check, PacingWindow pacing, int party) {
    Instant from = pacing.from().isBefore(check.start()) ? pacing.from() : check.start();
    Instant to = pacing.to().isAfter(check.end()) ? pacing.to() : check.end();
    return bookings.occupancy(venueId.toString(), from, to).map(o -> {
      PacingCheck counted = pacing.check(o.starts(), party);
      Set<String> free = SlotSearch.freeTables(snapshot.tables(), SlotSearch.byTable(o.taken()), check.start(), check.end());
      List<TableOffer> plan = AvailabilityPlanner.plan(snapshot.tables(), snapshot.combinations(), free, party, check);
      if (counted.fits()) {
        return plan;
      }
      String full = pacing.refusal(counted);
      List<TableOffer> refused = new ArrayList<>(plan.size());
      for (TableOffer offer : plan) {
        refused.add(offer.available()
          ? new TableOffer(offer.table(), false, full, offer.mergedWith(), offer.seats(), offer.tables(), offer.combinationId())
          : offer);
      }
      return refused;
    });
  }

  /** One call to the booking service: which of {@code ids} have no booking overlapping the slot. */
  private Future<Set<String>> freeOf(UUID venueId, AvailabilitySnapshot venue, LocalDate date, LocalTime start, int duration, List<String> ids) {
    return bookings.freeTables(venueId.toString(), ids, date, start, duration, venue.zone());
  }

  /**
   * Like the original: only what can be booked, in the planner's order (smallest fit first), at
   * most {@code maxOffers} of it; with {@code includeUnavailable}, every other table follows with
   * its reason.
   */
  private static List<TableOffer> answer(List<TableOffer> offers, int maxOffers, boolean includeUnavailable) {
    List<TableOffer> out = new ArrayList<>();
    int available = 0;
    for (TableOffer o : offers) {
      if (o.available() ? available++ >= maxOffers : !includeUnavailable) {
        continue;
      }
      out.add(o);
    }
    return out;
  }
}
