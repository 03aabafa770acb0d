package io.booker.booking.adapter;

import io.booker.booking.domain.SlotTaken;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.pg.SqlStates;
import io.vertx.pgclient.PgException;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.booker.platform.pg.SqlStates.DEADLOCK_DETECTED;
import static io.booker.platform.pg.SqlStates.EXCLUSION_VIOLATION;
import static io.booker.platform.pg.SqlStates.LOCK_NOT_AVAILABLE;
import static io.booker.platform.pg.SqlStates.SERIALIZATION_FAILURE;
import static io.booker.platform.pg.SqlStates.UNIQUE_VIOLATION;

/** What the booking database's refusals mean to a caller. */
final class PgFailures {

  static final String IDEMPOTENCY_TABLE = "idempotency_keys";
  /** The primary key of idempotency_keys (scope, key): its constraint and its index. */
  static final String IDEMPOTENCY_KEY = IDEMPOTENCY_TABLE + "_pkey";

  private static final Pattern FIRST_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private PgFailures() {
  }

  /**
   * The exclusion constraint is the last word on overlaps: SLOT_TAKEN, naming the table from the
   * constraint's detail ("Key (table_id, during)=(&lt;id&gt;, ...) conflicts with ..."). A lock
   * wait that timed out is told apart by what was waited for, which PostgreSQL names in the error's
   * context: the row of an idempotency key (another request with the same key is being written: a
   * duplicate in flight), or anything else, a table's lock or the booking's row (another request
   * is changing them: busy, try again), whether or not this request carries a key.
   */
  static Throwable translate(Throwable t) {
    if (!(t instanceof PgException pe)) {
      return t;
    }
    String state = pe.getSqlState();
    if (EXCLUSION_VIOLATION.equals(state)) {
      return new SlotTaken(tableOf(pe.getDetail()), "the table is already booked for an overlapping time");
    }
    if (UNIQUE_VIOLATION.equals(state) && IDEMPOTENCY_KEY.equals(pe.getConstraint())) {
      return duplicateInFlight();
    }
    if (LOCK_NOT_AVAILABLE.equals(state)) {
      return waitedForIdempotencyKey(pe) ? duplicateInFlight()
        : new ServiceException(ErrorCode.UNAVAILABLE, "the table or booking is being changed by another request; try again");
    }
    if (DEADLOCK_DETECTED.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
      return new ServiceException(ErrorCode.UNAVAILABLE, "conflicting changes; try again");
    }
    return t;
  }

  /**
   * Whether the lock that timed out guarded an idempotency key: the wait for another transaction's
   * uncommitted key is reported "while inserting index tuple (...) in relation "idempotency_keys_pkey""
   * (the table or its index; only the name is matched, as the words around it follow the server's
   * lc_messages); a table's advisory lock has no such context, a booking's row names "bookings".
   */
  static boolean waitedForIdempotencyKey(PgException pe) {
    String where = pe.getWhere();
    return where != null && where.contains(IDEMPOTENCY_TABLE);
  }

  private static ServiceException duplicateInFlight() {
    return new ServiceException(ErrorCode.DUPLICATE_IN_FLIGHT, "a request with this idempotency key is being processed");
  }

  /** A deadlock broken by aborting this transaction, or a serialization failure: safe to run again. */
  static boolean isDeadlock(Throwable t) {
    return SqlStates.is(t, DEADLOCK_DETECTED) || SqlStates.is(t, SERIALIZATION_FAILURE);
  }

  private static UUID tableOf(String detail) {
    if (detail == null) {
      return null;
    }
    Matcher m = FIRST_UUID.matcher(detail);
    return m.find() ? UUID.fromString(m.group()) : null;
  }
}
