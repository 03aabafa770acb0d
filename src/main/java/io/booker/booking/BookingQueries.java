package io.booker.booking;

import io.booker.booking.domain.TableOccupancy;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.HistoryEntry;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reads of the booking service, each for a caller who must see the venue: a booking of a venue
 * the caller does not see answers exactly like a missing one, a venue like a missing venue. Every
 * check rides on a read that happens anyway (or needs none), so it costs no round trip.
 */
final class BookingQueries {

  private final BookingStore store;

  BookingQueries(BookingStore store) {
    this.store = store;
  }

  Future<Booking> get(Caller caller, UUID id) {
    return Bookings.load(store, id).map(loaded -> BookingAccess.require(caller, Permission.READ_BOOKINGS, loaded.booking()));
  }

  Future<BookingStore.Page> list(Caller caller, BookingFilter filter, Paging paging) {
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, filter.venueId())
      .compose(v -> store.list(filter, paging));
  }

  /** The audit trail, oldest first. */
  Future<List<HistoryEntry>> history(Caller caller, UUID id) {
    return store.history(id).map(found -> {
      BookingStore.History history = found.orElseThrow(() -> ServiceException.notFound("booking", id.toString()));
      BookingAccess.requireBooking(caller, Permission.READ_BOOKINGS, history.venueId(), id);
      return history.entries();
    });
  }

  /**
   * Which of the venue's tables {@code tableIds} are occupied or blocked over {@code [start, end)},
   * and why; another venue's tables never are.
   */
  Future<Map<UUID, BookingStore.Occupancy>> occupied(Caller caller, UUID venueId, UUID[] tableIds, Instant start, Instant end) {
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, venueId)
      .compose(v -> store.occupied(venueId, tableIds, start, end));
  }

  /** The longest span {@link #occupancy} reads: a week searched, and two days each side (any zone). */
  static final java.time.Duration MAX_OCCUPANCY_SPAN = java.time.Duration.ofDays(11);

  /** What takes the venue's tables over [{@code from}, {@code to}), and the starts in it that count against pacing. */
  Future<TableOccupancy> occupancy(Caller caller, UUID venueId, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw ServiceException.invalid("to", "must be after from");
    }
    if (java.time.Duration.between(from, to).compareTo(MAX_OCCUPANCY_SPAN) > 0) {
      throw ServiceException.invalid("to", "must be at most 11 days after from");
    }
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, venueId)
      .compose(v -> store.occupancy(venueId, from, to));
  }

  /** Active bookings that end after now, per table of the venue (some tables, or none given: all). */
  Future<Map<UUID, Integer>> futureByTable(Caller caller, UUID venueId, UUID[] tableIds) {
    return BookingAccess.venue(caller, Permission.READ_BOOKINGS, venueId)
      .compose(v -> store.futureByTable(venueId, tableIds));
  }
}
