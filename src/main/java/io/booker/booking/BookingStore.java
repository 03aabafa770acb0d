package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.HistoryEntry;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.PacingLimit;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableOccupancy;
import io.booker.booking.domain.Period;
import io.booker.common.Paging;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking database, the one place that decides. Every write commits the booking, the tables
 * it occupies, its audit row, its outbox event and (when given) the idempotency answer in one
 * transaction; an overlap on any table fails it with {@link io.booker.booking.domain.SlotTaken}.
 */
public interface BookingStore {

  /** A booking and the database's clock at the time it was read. */
  record Loaded(Booking booking, Instant now) {
  }

  /** A new hold, and the lapsed holds that were in its way and expired in the same transaction. */
  record Created(Booking booking, List<Booking> expired) {
  }

  /** What a hold key's holder is to a new booking of the same tables and time. */
  enum HolderState {
    /** An active booking (a hold in time, confirmed or seated) overlapping it: the table is taken. */
    BLOCKING,
    /** A booking that no longer holds the tables over that time: its hold key is stale. */
    STALE,
    /** No such booking: its transaction is in flight (or never committed); the database decides. */
    UNKNOWN
  }

  Future<Optional<Loaded>> load(UUID id);

  /**
   * Writes booking {@code id}, a hold of the placement's tables for the request: expires the
   * lapsed holds in the way, then inserts with {@code expires_at} = the database's clock +
   * {@code ttl}. Answers the booking as stored. A block of one of the tables overlapping the
   * placement fails it with {@link io.booker.booking.domain.TableBlocked} (nothing is written).
   */
  Future<Created> insertHold(UUID id, Placement placement, NewBooking request, Duration ttl, IdempotencyKey idempotency);

  /**
   * Applies a status change, if the booking is still at {@code change.before().version()} and
   * status; false when it changed meanwhile (nothing is written then).
   */
  Future<Boolean> applyChange(BookingChange change, IdempotencyKey idempotency);

  /**
   * Moves a booking to other tables and/or time, if it is still at {@code change.before()}'s
   * version; empty when it changed meanwhile. The answer lists the lapsed holds expired on the way.
   * An overlap fails with SlotTaken, a block of a new table over the new time with
   * {@link io.booker.booking.domain.TableBlocked}, and either leaves the booking as it was. A new
   * start past {@code pacing} (null: none) fails with PACING_LIMIT unless {@code overridePacing}, in
   * which case the change's history records the override.
   */
  Future<Optional<List<Booking>>> applyReschedule(BookingChange change, PacingLimit pacing, boolean overridePacing,
                                                  IdempotencyKey idempotency);

  /** Expires up to {@code batch} lapsed holds (any node may run this at once); answers them. */
  Future<List<Booking>> expireLapsedHolds(int batch);

  /** What each of {@code holders} is to a booking of {@code tableIds} over {@code period}. */
  Future<Map<UUID, HolderState>> holders(Collection<UUID> holders, List<UUID> tableIds, Period period);

  /**
   * Which booking (held in time, confirmed or seated) occupies each of {@code tableIds} over
   * {@code period}: the winner, after a write lost a table. Tables nobody occupies are absent.
   */
  Future<Map<UUID, UUID>> occupants(List<UUID> tableIds, Period period);

  /** The answer stored for an idempotency key, if any. */
  Future<Optional<IdempotencyKey.StoredAnswer>> storedAnswer(String scope, String key);

  /** Deletes idempotency keys older than {@code age}; answers how many. */
  Future<Integer> forgetIdempotencyKeys(Duration age);

  /** A page of bookings, by date and start time, and how many match in all. */
  Future<Page> list(BookingFilter filter, Paging paging);

  record Page(List<Booking> bookings, int total) {
  }

  /** A booking's audit trail, oldest first, and its venue (whose callers may read it). */
  record History(UUID venueId, List<HistoryEntry> entries) {
  }

  /** The audit trail; empty when the booking does not exist. */
  Future<Optional<History>> history(UUID id);

  /** Why a table is not free over a time. */
  enum Occupancy {
    /** An active booking overlaps it. */
    BOOKED,
    /** Only a block overlaps it. */
    BLOCKED
  }

  /**
   * Which of the tables are occupied over {@code [start, end)} by bookings of {@code venueId}, or
   * blocked by its blocks (lapsed holds do not count; another venue's tables are never occupied).
   * Free tables are absent.
   */
  Future<Map<UUID, Occupancy>> occupied(UUID venueId, UUID[] tableIds, Instant start, Instant end);

  /** Every table of the venue taken over [{@code from}, {@code to}), and the starts in it that count against pacing. */
  Future<TableOccupancy> occupancy(UUID venueId, Instant from, Instant to);

  /** Active bookings that end after now, per table, for some tables or (none given) the whole venue. */
  Future<Map<UUID, Integer>> futureByTable(UUID venueId, UUID[] tableIds);
}
