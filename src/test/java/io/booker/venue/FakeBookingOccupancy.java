package io.booker.venue;

import java.time.Instant;
import io.booker.venue.domain.seating.BookedStart;
import io.booker.venue.domain.SlotSearch;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The booking service's answers about a venue's tables: {@link #futureByTable} and
 * {@link #futureByVenue} are the future bookings it counts, {@link #busy} the tables booked at
 * whatever slot is asked. Every call is recorded; {@link #failure}, when set, answers every call.
 */
final class FakeBookingOccupancy implements BookingOccupancy {

  record CountCall(String venueId, List<String> tableIds) {
  }

  record FreeCall(String venueId, List<String> tableIds, LocalDate date, LocalTime start, int durationMinutes, ZoneId zone) {
  }

  final Map<String, Integer> futureByTable = new HashMap<>();
  final Map<String, Integer> futureByVenue = new HashMap<>();
  final Set<String> busy = new HashSet<>();
  final List<CountCall> counts = new ArrayList<>();
  final List<FreeCall> frees = new ArrayList<>();
  Throwable failure;
  /** Runs before every answer (another request committing while the booking service is asked). */
  Runnable beforeAnswer = () -> { };

  @Override
  public Future<Integer> futureBookings(String venueId, List<String> tableIds) {
    counts.add(new CountCall(venueId, List.copyOf(tableIds)));
    beforeAnswer.run();
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    if (tableIds.isEmpty()) {
      return Future.succeededFuture(futureByVenue.getOrDefault(venueId, 0));
    }
    return Future.succeededFuture(tableIds.stream().mapToInt(t -> futureByTable.getOrDefault(t, 0)).sum());
  }

  /** What {@link #occupancy} answers: the tables taken, the starts counted. */
  final List<SlotSearch.Taken> taken = new ArrayList<>();
  final List<BookedStart> starts = new ArrayList<>();
  /** The spans asked for, in order. */
  final List<Instant[]> occupancies = new ArrayList<>();

  @Override
  public Future<Occupancy> occupancy(String venueId, Instant from, Instant to) {
    occupancies.add(new Instant[]{from, to});
    beforeAnswer.run();
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    return Future.succeededFuture(new Occupancy(List.copyOf(taken), List.copyOf(starts)));
  }

  @Override
  public Future<Set<String>> freeTables(String venueId, List<String> tableIds, LocalDate date, LocalTime start, int durationMinutes,
                                        ZoneId zone) {
    frees.add(new FreeCall(venueId, List.copyOf(tableIds), date, start, durationMinutes, zone));
    beforeAnswer.run();
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    Set<String> free = new HashSet<>(tableIds);
    free.removeAll(busy);
    return Future.succeededFuture(free);
  }

  /** True when nothing asked the booking service anything. */
  boolean untouched() {
    return counts.isEmpty() && frees.isEmpty() && occupancies.isEmpty();
  }
}
