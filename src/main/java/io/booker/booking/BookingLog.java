package io.booker.booking;

import io.booker.booking.domain.Block;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingStatus;
import io.booker.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One log line per committed change of a booking, as the seed wrote them: INFO, key=value, with
 * the booking, its venue, every table it occupies, the new (and, for a transition, the former)
 * status and who made it ({@code system} for an expiry). The trace id comes from the MDC (see
 * {@link io.booker.platform.tracing.TraceIdsInLogs}).
 *
 * <p>Called by the use cases once the store has committed, never before: a line is a fact. Nothing
 * of the guest (name, phone, email), nor the comment or a cancellation's reason (free text that
 * may name them), is ever written.
 */
final class BookingLog {

  /** The actor of the system's own changes (expiries). */
  static final String SYSTEM = "system";

  private static final Logger log = LoggerFactory.getLogger(BookingLog.class);

  private BookingLog() {
  }

  /** A new hold. */
  static void created(Booking b) {
    if (log.isInfoEnabled()) {
      log.info("event=booking_created booking_id={} venue_id={} table_id={} status={} version={} date={} start_time={} "
          + "duration_minutes={} party_size={} admin_id={}", b.id(), b.venueId(), tables(b), b.status().wire(), b.version(),
        Times.formatDate(b.slot().date()), Times.formatTime(b.slot().start()), b.slot().durationMinutes(), b.partySize(),
        actor(b.adminId()));
    }
  }

  /** A status change or a reschedule, as written. */
  static void changed(BookingChange change) {
    if (!log.isInfoEnabled()) {
      return;
    }
    Booking b = change.after();
    if (BookingAction.RESCHEDULED_EVENT.equals(change.eventType())) {
      log.info("event=booking_rescheduled booking_id={} venue_id={} table_id={} from_table_id={} status={} from_status={} "
          + "version={} date={} start_time={} duration_minutes={} admin_id={}", b.id(), b.venueId(), tables(b),
        tables(change.before()), b.status().wire(), change.fromStatus().wire(), b.version(), Times.formatDate(b.slot().date()),
        Times.formatTime(b.slot().start()), b.slot().durationMinutes(), actor(change.actorId()));
      return;
    }
    log.info("event={} booking_id={} venue_id={} table_id={} status={} from_status={} version={} admin_id={}",
      eventName(change.eventType()), b.id(), b.venueId(), tables(b), b.status().wire(), wire(change.fromStatus()), b.version(),
      actor(change.actorId()));
  }

  /** A lapsed hold expired by the system (the sweeper, or a write that needed its tables). */
  static void expired(Booking expired) {
    if (log.isInfoEnabled()) {
      log.info("event=booking_expired booking_id={} venue_id={} table_id={} status={} from_status={} version={} admin_id={}",
        expired.id(), expired.venueId(), tables(expired), expired.status().wire(), BookingStatus.HELD.wire(), expired.version(),
        SYSTEM);
    }
  }

  /**
   * A write took the tables of another booking's lapsed hold, expiring it in the same transaction:
   * normal when the sweeper is behind, worth a look when it happens often (is the sweeper running?).
   */
  static void holdTakenOver(Booking expired, UUID takenBy) {
    log.warn("event=stale_hold_taken_over booking_id={} taken_over_by={} venue_id={} table_id={}", expired.id(), takenBy,
      expired.venueId(), tables(expired));
  }

  /**
   * A Redis hold key still named a booking that no longer holds the table (released late or never),
   * and {@code takenBy} took it over.
   */
  static void holdKeyTakenOver(String key, UUID staleHolder, UUID takenBy) {
    log.warn("event=stale_hold_key_taken_over hold_key={} booking_id={} taken_over_by={}", key, staleHolder, takenBy);
  }

  /** A repeated action that found the booking already where it leads: nothing was written. */
  static void unchanged(Booking b, String action) {
    log.debug("event=booking_unchanged booking_id={} venue_id={} status={} action={}", b.id(), b.venueId(), b.status().wire(), action);
  }

  /** {@code booking.no_show} → {@code booking_no_show}. */
  static String eventName(String eventType) {
    return eventType.replace('.', '_');
  }

  /** A new block (never its reason: free text). */
  static void blockCreated(Block k, int overlapping) {
    if (log.isInfoEnabled()) {
      log.info("event=block_created block_id={} venue_id={} room_id={} table_id={} starts_at={} ends_at={} overlapping_bookings={} admin_id={}",
        k.id(), k.venueId(), k.roomId() == null ? "" : k.roomId(), blockTables(k), k.period().start(), k.period().end(),
        overlapping, actor(k.createdBy()));
    }
  }

  static void blockDeleted(Block k, String actorId) {
    if (log.isInfoEnabled()) {
      log.info("event=block_deleted block_id={} venue_id={} table_id={} admin_id={}", k.id(), k.venueId(), blockTables(k), actor(actorId));
    }
  }

  private static String blockTables(Block k) {
    return k.tableIds().stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  private static String tables(Booking b) {
    return b.tables().stream().map(BookedTable::tableId).map(UUID::toString).collect(Collectors.joining(","));
  }

  private static String actor(String userId) {
    return userId == null || userId.isEmpty() ? SYSTEM : userId;
  }

  private static String wire(BookingStatus s) {
    return s == null ? "none" : s.wire();
  }
}
