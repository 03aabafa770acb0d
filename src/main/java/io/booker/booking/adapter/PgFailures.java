package io.booker.booking.adapter;

import io.booker.booking.domain.SlotTaken;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.pgclient.PgException;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the booking database's refusals mean to a caller. */
final class PgFailures {

  static final String EXCLUSION_VIOLATION = "23P01";
  static final String UNIQUE_VIOLATION = "23505";
  static final String LOCK_NOT_AVAILABLE = "55P03";
  static final String DEADLOCK = "40P01";
  static final String SERIALIZATION = "40001";

  private static final Pattern FIRST_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private PgFailures() {
  }

  /**
   * The exclusion constraint is the last word on overlaps: SLOT_TAKEN, naming the table from the
   * constraint's detail ("Key (table_id, during)=(&lt;id&gt;, ...) conflicts with ..."). A lock
   * wait that timed out means another request holds the booking or the key: for a keyed write,
   * that is a duplicate in flight.
   */
  static Throwable translate(Throwable t, boolean keyed) {
    if (!(t instanceof PgException pe)) {
      return t;
    }
    String state = pe.getSqlState();
    if (EXCLUSION_VIOLATION.equals(state)) {
      return new SlotTaken(tableOf(pe.getDetail()), "the table is already booked for an overlapping time");
    }
    if (UNIQUE_VIOLATION.equals(state) && "idempotency_keys_pkey".equals(pe.getConstraint())) {
      return new ServiceException(ErrorCode.DUPLICATE_IN_FLIGHT, "a request with this idempotency key is being processed");
    }
    if (LOCK_NOT_AVAILABLE.equals(state)) {
      return keyed ? new ServiceException(ErrorCode.DUPLICATE_IN_FLIGHT, "a request with this idempotency key is being processed")
        : new ServiceException(ErrorCode.UNAVAILABLE, "the booking is busy; try again");
    }
    if (DEADLOCK.equals(state) || SERIALIZATION.equals(state)) {
      return new ServiceException(ErrorCode.UNAVAILABLE, "conflicting changes; try again");
    }
    return t;
  }

  /** A deadlock broken by aborting this transaction, or a serialization failure: safe to run again. */
  static boolean isDeadlock(Throwable t) {
    return t instanceof PgException pe && (DEADLOCK.equals(pe.getSqlState()) || SERIALIZATION.equals(pe.getSqlState()));
  }

  private static UUID tableOf(String detail) {
    if (detail == null) {
      return null;
    }
    Matcher m = FIRST_UUID.matcher(detail);
    return m.find() ? UUID.fromString(m.group()) : null;
  }
}
