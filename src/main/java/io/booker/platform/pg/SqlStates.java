package io.booker.platform.pg;

import io.vertx.pgclient.PgException;

/**
 * The PostgreSQL error codes (SQLSTATE, appendix A of its manual) the services act on, named as
 * PostgreSQL names their conditions.
 */
public final class SqlStates {

  /** A row with the same key exists (a unique index or constraint). */
  public static final String UNIQUE_VIOLATION = "23505";
  /** A reference to a row that does not exist (or no longer does). */
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  /** An exclusion constraint refused the row: it overlaps one that is there. */
  public static final String EXCLUSION_VIOLATION = "23P01";
  /** A serializable transaction lost to a concurrent one: safe to run again. */
  public static final String SERIALIZATION_FAILURE = "40001";
  /** This transaction was aborted to break a deadlock: safe to run again. */
  public static final String DEADLOCK_DETECTED = "40P01";
  /** A lock was not granted within {@code lock_timeout} (or {@code NOWAIT}). */
  public static final String LOCK_NOT_AVAILABLE = "55P03";
  /** {@code CREATE DATABASE} of a database that exists. */
  public static final String DUPLICATE_DATABASE = "42P04";

  private SqlStates() {
  }

  /** Whether {@code t} is PostgreSQL's refusal with {@code sqlState}. */
  public static boolean is(Throwable t, String sqlState) {
    return t instanceof PgException pe && sqlState.equals(pe.getSqlState());
  }
}
