package io.booker.booking.adapter;

/**
 * SQL of the booking service. A write is a fixed number of statements whatever it touches: the
 * audit rows, outbox events and idempotency answer of a change ride along as CTEs of its main
 * statement ({@link #changes}), fed by arrays.
 */
final class BookingSql {

  /** Every column of a booking, as {@link Rows#booking} reads them. */
  static final String COLUMNS =
    "b.id, b.venue_id, b.room_id, b.table_id, b.merged_room_id, b.merged_table_id, b.slot_date, b.start_time, "
      + "b.duration_minutes, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.party_size, b.customer_name, "
      + "b.customer_phone, b.customer_email, b.comment, b.status, b.version, b.admin_id, b.expires_at, b.created_at, "
      + "b.updated_at, b.cancel_reason, b.more_room_ids, b.more_table_ids, b.combination_id";

  /**
   * The rows of tables $1 occupied over [$2, $3) ({@code bt}): one probe of the exclusion
   * constraint's index (table, time range) per table, whatever the planner estimates ({@code OFFSET
   * 0} keeps the per-table subquery). {@code table_id = ANY($1)} would be no index condition of a
   * GiST index, and PostgreSQL would read every booking of that time, of every table.
   */
  private static final String OCCUPYING =
    "FROM unnest($1::uuid[]) AS t(id) CROSS JOIN LATERAL (SELECT bt.booking_id, bt.table_id FROM booking_tables bt "
      + "WHERE bt.table_id = t.id AND bt.active AND bt.during && tstzrange($2, $3, '[)') OFFSET 0) bt";

  /** A booking with the database's clock (which decides expiries). */
  static final String LOAD = "SELECT " + COLUMNS + ", now() AS db_now FROM bookings b WHERE b.id = $1";

  /**
   * Opens a write that will occupy tables $1 over [$2, $3) (booking $4 aside): takes a transaction
   * lock per table, in one order, then expires the lapsed holds in the way, freeing their tables.
   * One row always: the database's clock, then each expired hold.
   *
   * <p>The table locks (advisory, released at commit) put the writers of one table in a queue.
   * Without them, two inserts that conflict under the exclusion constraint can each wait for the
   * other, and PostgreSQL breaks that deadlock only after a second; on a contended slot such waits
   * pile up and hold every connection. The lock subquery is a one-time filter of the update, so
   * it runs before any booking row is locked.
   */
  static final String EXPIRE_IN_THE_WAY =
    "WITH l AS MATERIALIZED (SELECT count(pg_advisory_xact_lock(s.k)) AS n FROM "
      + "  (SELECT DISTINCT hashtextextended(t.id::text, 0) AS k FROM unnest($1::uuid[]) AS t(id) ORDER BY 1) s), "
      + "x AS (UPDATE bookings b SET status = 'expired', version = b.version + 1, updated_at = now() "
      + "  WHERE (SELECT n FROM l) >= 0 "
      + "    AND b.status = 'held' AND b.expires_at <= now() AND b.id <> $4 AND b.id IN (SELECT bt.booking_id " + OCCUPYING + ") "
      + "  RETURNING " + COLUMNS + "), "
      + "t AS (UPDATE booking_tables SET active = false WHERE booking_id IN (SELECT id FROM x)) "
      + "SELECT now() AS db_now, (SELECT n FROM l) AS locked, x.* FROM (SELECT 1) AS one LEFT JOIN x ON true";

  /**
   * The first block of tables $t overlapping [$s, $e) ({@code blk}: the table and the block's time),
   * one probe of block_tables' index (table, time range) per table. Read by a statement after the
   * tables' locks were taken ({@link #EXPIRE_IN_THE_WAY}), so a block committed while this write
   * waited for them is seen; a block still being written waits for this write's commit and then
   * sees its booking (see docs/seating.md, "Blocked tables").
   */
  static String blockedBy(int t, int s, int e) {
    return "blk AS (SELECT k.table_id, lower(k.during) AS blocked_from, upper(k.during) AS blocked_to "
      + "FROM unnest($" + t + "::uuid[]) AS bt(id) CROSS JOIN LATERAL (SELECT kt.table_id, kt.during FROM block_tables kt "
      + "WHERE kt.table_id = bt.id AND kt.during && tstzrange($" + s + "::timestamptz, $" + e + "::timestamptz, '[)') "
      + "ORDER BY lower(kt.during) LIMIT 1) k ORDER BY k.table_id LIMIT 1)";
  }

  /** The answer of a write guarded by {@link #blockedBy}: rows written ({@code n}) and the block in the way, if any. */
  private static final String WRITTEN_OR_BLOCKED =
    " SELECT (SELECT count(*) FROM b) AS n, blk.table_id AS blocked_table, blk.blocked_from, blk.blocked_to "
      + "FROM (SELECT 1) AS one LEFT JOIN blk ON true";

  /**
   * A new hold and the tables it occupies (the exclusion constraint decides), with its changes from
   * $21, then the rooms and tables past the first two and the combination ({@link #INSERT_HOLD_MORE}
   * on); nothing is written when a block of its tables $20 overlaps it ({@link #blockedBy}). Tables
   * are taken in id order, so two bookings sharing two tables cannot deadlock. The hold keeps the
   * trace context of its request (the changes' traceparent parameter): its expiry links to it.
   */
  /** The number of {@link #INSERT_HOLD}'s parameter of the rooms past the first two (then their tables, then the combination). */
  static final int INSERT_HOLD_MORE = traceparent(21) + 1;

  /** The lock of one venue's pacing window ($1: its key), held to the end of the transaction. */
  static final String PACING_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))";

  /**
   * The parties and guests starting in [$2, $3) at venue $1 that count against its pacing (held in
   * time, confirmed, seated or finished; not booking $4, which is being moved). Index
   * {@code bookings_starting} (V7).
   */
  static final String PACING_COUNT =
    "SELECT count(*) AS parties, coalesce(sum(party_size), 0) AS covers FROM bookings "
      + "WHERE venue_id = $1 AND lower(during) >= $2 AND lower(during) < $3 AND id <> $4 "
      + "  AND status IN ('held', 'confirmed', 'seated', 'finished') AND (status <> 'held' OR expires_at > now())";

  static final String INSERT_HOLD =
    "WITH " + blockedBy(20, 10, 11) + ", "
      + "b AS (INSERT INTO bookings (id, venue_id, room_id, table_id, merged_room_id, merged_table_id, slot_date, start_time, "
      + "    duration_minutes, during, party_size, customer_name, customer_phone, customer_email, comment, status, admin_id, "
      + "    expires_at, version, created_at, updated_at, traceparent, more_room_ids, more_table_ids, combination_id) "
      + "  SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::date, $8::time, $9::int4, "
      + "    tstzrange($10::timestamptz, $11::timestamptz, '[)'), $12::int4, $13::text, $14::text, $15::text, $16::text, 'held', "
      + "    $17::text, $18::timestamptz, 1, $19::timestamptz, $19::timestamptz, $" + traceparent(21) + "::text, "
      + "    $" + INSERT_HOLD_MORE + "::uuid[], $" + (INSERT_HOLD_MORE + 1) + "::uuid[], $" + (INSERT_HOLD_MORE + 2) + "::uuid "
      + "  WHERE NOT EXISTS (SELECT 1 FROM blk) "
      + "  RETURNING id, venue_id, during), "
      + "t AS (INSERT INTO booking_tables (booking_id, table_id, venue_id, during) "
      + "  SELECT b.id, x.table_id, b.venue_id, b.during FROM b CROSS JOIN unnest($20::uuid[]) AS x(table_id) ORDER BY x.table_id)"
      + changes(21)
      + WRITTEN_OR_BLOCKED;

  /**
   * A status change of booking $1 from $3 at version $4 to $2; the time rules of the state machine
   * are checked again by the database's clock. Frees the tables when $8 is false. Changes from $9.
   */
  static final String CHANGE_STATUS =
    "WITH b AS (UPDATE bookings SET status = $2, version = version + 1, updated_at = $5, expires_at = $6, cancel_reason = $7 "
      + "  WHERE id = $1 AND status = $3 AND version = $4 AND $2 <> $3 "
      + "    AND ($2 <> 'confirmed' OR expires_at > now()) "
      + "    AND ($2 <> 'expired' OR expires_at <= now()) "
      + "    AND ($2 <> 'no_show' OR lower(during) <= now()) "
      + "  RETURNING id), "
      + "t AS (UPDATE booking_tables SET active = false WHERE NOT $8::boolean AND booking_id IN (SELECT id FROM b))"
      + changes(9)
      + " SELECT count(*) AS n FROM b";

  /**
   * The number of {@link #MOVE}'s parameter of the rooms past the first two (then their tables,
   * then the combination): after its changes and the new tables ({@link #MOVE_TABLES}).
   */
  static final int MOVE_MORE = traceparent(13) + 2;

  /**
   * Moves booking $1 (still at version $12, held in time or confirmed) to new tables and time and
   * lets go of the tables it had; {@link #OCCUPY} then takes the new ones. Changes from $13. Nothing
   * is written when a block of the new tables (parameter {@link #MOVE_TABLES}) overlaps the new time.
   * The rooms and tables past the first two and the combination follow ({@link #MOVE_MORE} on).
   */
  static final String MOVE =
    "WITH " + blockedBy(traceparent(13) + 1, 9, 10) + ", "
      + "b AS (UPDATE bookings SET room_id = $2, table_id = $3, merged_room_id = $4, merged_table_id = $5, slot_date = $6, "
      + "    start_time = $7, duration_minutes = $8, during = tstzrange($9, $10, '[)'), version = version + 1, updated_at = $11, "
      + "    more_room_ids = $" + MOVE_MORE + "::uuid[], more_table_ids = $" + (MOVE_MORE + 1) + "::uuid[], "
      + "    combination_id = $" + (MOVE_MORE + 2) + "::uuid "
      + "  WHERE id = $1 AND version = $12 AND (status = 'confirmed' OR (status = 'held' AND expires_at > now())) "
      + "    AND NOT EXISTS (SELECT 1 FROM blk) "
      + "  RETURNING id), "
      + "d AS (DELETE FROM booking_tables WHERE booking_id IN (SELECT id FROM b))"
      + changes(13)
      + WRITTEN_OR_BLOCKED;

  /** The number of {@link #MOVE}'s parameter of the new tables, after its changes. */
  static final int MOVE_TABLES = traceparent(13) + 1;

  /** Booking $1 of venue $2 occupies tables $5 over [$3, $4); the exclusion constraint decides. */
  static final String OCCUPY =
    "INSERT INTO booking_tables (booking_id, table_id, venue_id, during) "
      + "SELECT $1, x.table_id, $2, tstzrange($3, $4, '[)') FROM unnest($5::uuid[]) AS x(table_id) ORDER BY x.table_id";

  /** Claims up to $1 lapsed holds; rows stay locked until the transaction ends. */
  static final String CLAIM_LAPSED =
    "SELECT " + COLUMNS + ", now() AS db_now, b.traceparent AS hold_traceparent FROM bookings b WHERE b.status = 'held' AND b.expires_at <= now() "
      + "ORDER BY b.expires_at LIMIT $1 FOR UPDATE SKIP LOCKED";

  /** Expires the claimed holds $1, freeing their tables. Changes from $2. */
  static final String EXPIRE =
    "WITH b AS (UPDATE bookings SET status = 'expired', version = version + 1, updated_at = now() "
      + "  WHERE id = ANY($1) AND status = 'held' RETURNING id), "
      + "t AS (UPDATE booking_tables SET active = false WHERE booking_id IN (SELECT id FROM b))"
      + changes(2)
      + " SELECT count(*) AS n FROM b";

  /** What each booking $1 is to tables $2 over [$3, $4). */
  static final String HOLDERS =
    "SELECT b.id, b.status, b.status = 'held' AND b.expires_at <= now() AS lapsed, "
      + "EXISTS (SELECT 1 FROM booking_tables bt WHERE bt.booking_id = b.id AND bt.active AND bt.table_id = ANY($2) "
      + "  AND bt.during && tstzrange($3, $4, '[)')) AS overlaps "
      + "FROM bookings b WHERE b.id = ANY($1)";

  static final String STORED_ANSWER =
    "SELECT operation, request_hash, response FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 "
      + "AND created_at > now() - interval '24 hours'";

  /** At most 1000 keys a round, so a big backlog never holds locks for long. */
  static final String FORGET_KEYS =
    "DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY("
      + "SELECT ctid FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1) LIMIT 1000))";

  /**
   * The audit trail and the booking's venue; no row for an unknown booking, one row with a null id
   * for a booking without entries.
   */
  static final String HISTORY =
    "SELECT b.venue_id, e.id, e.event_type, e.actor_id, e.from_status, e.to_status, e.version, e.payload, e.created_at "
      + "FROM bookings b LEFT JOIN booking_events e ON e.booking_id = b.id WHERE b.id = $1 ORDER BY e.id";

  /** A lapsed hold occupies nothing, whether or not it was expired yet. */
  private static final String IN_TIME = "NOT (b.status = 'held' AND b.expires_at <= now())";

  /**
   * Tables among $1 occupied over [$2, $3) by an active booking of venue $4, or blocked by a block
   * of that venue ({@code blocked}): a caller asking about another venue's tables learns nothing of
   * them. One row per table, a booking's when it has both.
   */
  static final String OCCUPIED_TABLES =
    "SELECT x.table_id, bool_and(x.blocked) AS blocked FROM ("
      + "SELECT bt.table_id, false AS blocked " + OCCUPYING + " JOIN bookings b ON b.id = bt.booking_id WHERE b.venue_id = $4 AND " + IN_TIME
      + " UNION ALL SELECT k.table_id, true FROM unnest($1::uuid[]) AS t(id) CROSS JOIN LATERAL (SELECT kt.table_id FROM block_tables kt "
      + "  WHERE kt.table_id = t.id AND kt.venue_id = $4 AND kt.during && tstzrange($2, $3, '[)') LIMIT 1) k"
      + ") x GROUP BY x.table_id";

  /**
   * Every table of venue $1 taken over [$2, $3) by an active booking in time or by a block, and the
   * starts in [$2, $3) that count against pacing ({@code start} rows, table null), in one statement.
   */
  static final String OCCUPANCY =
    "SELECT bt.table_id, lower(bt.during) AS range_from, upper(bt.during) AS range_to, false AS blocked, 0 AS party_size "
      + "FROM booking_tables bt JOIN bookings b ON b.id = bt.booking_id "
      + "WHERE bt.venue_id = $1 AND bt.active AND bt.during && tstzrange($2, $3, '[)') AND " + IN_TIME
      + " UNION ALL SELECT kt.table_id, lower(kt.during), upper(kt.during), true, 0 FROM block_tables kt "
      + "WHERE kt.venue_id = $1 AND kt.during && tstzrange($2, $3, '[)') "
      + " UNION ALL SELECT NULL, lower(b.during), NULL, false, b.party_size FROM bookings b "
      + "WHERE b.venue_id = $1 AND lower(b.during) >= $2 AND lower(b.during) < $3 "
      + "  AND b.status IN ('held', 'confirmed', 'seated', 'finished') AND (b.status <> 'held' OR b.expires_at > now())";

  /** Which booking in time occupies each of tables $1 over [$2, $3): who won a table. */
  static final String OCCUPANTS =
    "SELECT DISTINCT ON (bt.table_id) bt.table_id, bt.booking_id " + OCCUPYING
      + " JOIN bookings b ON b.id = bt.booking_id WHERE " + IN_TIME + " ORDER BY bt.table_id";

  /** Active bookings per table that end after now, for tables $2 of venue $1. */
  static final String FUTURE_BY_TABLE =
    "SELECT bt.table_id, count(*) AS n FROM booking_tables bt JOIN bookings b ON b.id = bt.booking_id "
      + "WHERE bt.active AND bt.venue_id = $1 AND bt.table_id = ANY($2) AND upper(bt.during) > now() AND " + IN_TIME
      + " GROUP BY bt.table_id";

  /** Active bookings per table that end after now, for a whole venue. */
  static final String FUTURE_BY_VENUE =
    "SELECT bt.table_id, count(*) AS n FROM booking_tables bt JOIN bookings b ON b.id = bt.booking_id "
      + "WHERE bt.active AND bt.venue_id = $1 AND upper(bt.during) > now() AND " + IN_TIME + " GROUP BY bt.table_id";

  private BookingSql() {
  }

  /**
   * A venue's bookings by date and start time, with only the filters used (so each variant is its
   * own prepared statement with its own plan on the indexes): venue $1, then in this order those
   * present of date, statuses and table, then limit and offset.
   */
  static String list(boolean date, boolean statuses, boolean table) {
    StringBuilder where = new StringBuilder("b.venue_id = $1");
    int n = 2;
    if (date) {
      where.append(" AND b.slot_date = $").append(n++);
    }
    if (statuses) {
      where.append(" AND b.status = ANY($").append(n++).append(")");
    }
    if (table) {
      where.append(" AND (b.table_id = $").append(n).append(" OR b.merged_table_id = $").append(n)
        .append(" OR b.more_table_ids @> ARRAY[$").append(n).append("::uuid])");
      n++;
    }
    // The count and the page each get their own scan: the page's stops at its limit.
    return "WITH page AS (SELECT " + COLUMNS + " FROM bookings b WHERE " + where
      + " ORDER BY b.slot_date, b.start_time, b.id LIMIT $" + n + " OFFSET $" + (n + 1) + ") "
      + "SELECT c.total, p.* FROM (SELECT count(*) AS total FROM bookings b WHERE " + where + ") c "
      + "LEFT JOIN page p ON true ORDER BY p.slot_date, p.start_time, p.id";
  }

  /**
   * The audit rows, outbox events and idempotency answer of the changes made by a statement whose
   * main CTE is {@code b}: written only if {@code b} touched a row. Parameters from {@code p}: seven
   * audit arrays, six outbox arrays, then the idempotency scope (null for none), key, operation,
   * request hash, answer and booking id, then the events' traceparent (null when not traced).
   */
  /** The number of the traceparent parameter of {@link #changes(int) changes(p)}. */
  static int traceparent(int p) {
    return p + 19;
  }

  static String changes(int p) {
    return ", a AS (INSERT INTO booking_events (booking_id, event_type, actor_id, from_status, to_status, version, payload) "
      + "  SELECT x.booking_id, x.event_type, x.actor_id, NULLIF(x.from_status, ''), x.to_status, x.version, x.payload "
      + "  FROM unnest($" + p + "::uuid[], $" + (p + 1) + "::text[], $" + (p + 2) + "::text[], $" + (p + 3) + "::text[], $"
      + (p + 4) + "::text[], $" + (p + 5) + "::int8[], $" + (p + 6) + "::text[]) "
      + "    AS x(booking_id, event_type, actor_id, from_status, to_status, version, payload) "
      + "  WHERE EXISTS (SELECT 1 FROM b)), "
      + "o AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version, traceparent) "
      + "  SELECT x.*, $" + traceparent(p) + "::text FROM unnest($" + (p + 7) + "::uuid[], $" + (p + 8) + "::text[], $" + (p + 9) + "::text[], $" + (p + 10)
      + "::text[], $" + (p + 11) + "::text[], $" + (p + 12) + "::int8[]) AS x WHERE EXISTS (SELECT 1 FROM b)), "
      + "k AS (INSERT INTO idempotency_keys (scope, idem_key, operation, request_hash, response, booking_id) "
      + "  SELECT $" + (p + 13) + ", $" + (p + 14) + ", $" + (p + 15) + ", $" + (p + 16) + ", $" + (p + 17) + ", $" + (p + 18)
      + "  WHERE $" + (p + 13) + "::text IS NOT NULL AND EXISTS (SELECT 1 FROM b))";
  }
}
