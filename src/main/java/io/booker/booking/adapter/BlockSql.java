package io.booker.booking.adapter;

/** SQL of blocked tables (the booking side of the race is in {@link BookingSql#blockedBy}). */
final class BlockSql {

  /**
   * Takes the per-table lock of tables $1, in key order, exactly as a booking write does
   * ({@link BookingSql#EXPIRE_IN_THE_WAY}), and answers the transaction's clock. A statement of its
   * own: the statements after it see whatever the writers it waited for committed.
   */
  static final String LOCK_TABLES =
    "SELECT (SELECT count(pg_advisory_xact_lock(s.k)) FROM "
      + "  (SELECT DISTINCT hashtextextended(t.id::text, 0) AS k FROM unnest($1::uuid[]) AS t(id) ORDER BY 1) s) AS locked, "
      + "now() AS db_now";

  /**
   * Block $4 of venue $5 (room $6, reason $7, by $8 at $9) over [$2, $3) on tables $1, with its outbox
   * event ($11 id, $12 topic, $13 key, $14 payload, $15 traceparent), unless active bookings
   * (held in time, confirmed, seated) of those tables overlap it and $10 (allow overlap) is false.
   * Answers whether it was written and the overlapping bookings by id.
   */
  static final String INSERT =
    "WITH o AS (SELECT DISTINCT bt.booking_id FROM unnest($1::uuid[]) AS t(id) CROSS JOIN LATERAL "
      + "  (SELECT bt.booking_id FROM booking_tables bt WHERE bt.table_id = t.id AND bt.active "
      + "    AND bt.during && tstzrange($2::timestamptz, $3::timestamptz, '[)') OFFSET 0) bt "
      + "  JOIN bookings b ON b.id = bt.booking_id WHERE NOT (b.status = 'held' AND b.expires_at <= now())), "
      + "k AS (INSERT INTO blocks (id, venue_id, room_id, reason, starts_at, ends_at, created_by, created_at) "
      + "  SELECT $4::uuid, $5::uuid, $6::uuid, $7::text, $2::timestamptz, $3::timestamptz, $8::text, $9::timestamptz "
      + "  WHERE $10::boolean OR NOT EXISTS (SELECT 1 FROM o) RETURNING id, venue_id), "
      + "kt AS (INSERT INTO block_tables (block_id, table_id, venue_id, during) "
      + "  SELECT k.id, x.table_id, k.venue_id, tstzrange($2::timestamptz, $3::timestamptz, '[)') "
      + "  FROM k CROSS JOIN unnest($1::uuid[]) AS x(table_id)), "
      + "e AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, traceparent) "
      + "  SELECT $11::uuid, $12::text, $13::text, $12::text, $14::text, $15::text WHERE EXISTS (SELECT 1 FROM k)) "
      + "SELECT (SELECT count(*) FROM k) AS n, ARRAY(SELECT booking_id FROM o ORDER BY booking_id) AS overlapping";

  private static final String COLUMNS =
    "k.id, k.venue_id, k.room_id, k.reason, k.starts_at, k.ends_at, k.created_by, k.created_at, "
      + "ARRAY(SELECT kt.table_id FROM block_tables kt WHERE kt.block_id = k.id ORDER BY kt.table_id) AS table_ids";

  static final String LOAD = "SELECT " + COLUMNS + " FROM blocks k WHERE k.id = $1";

  /**
   * Blocks of venue $1 overlapping [$2, $3). A block lasts at most 31 days (the table's check), so
   * those start after $2 - 31 days: one range of the index (venue, start).
   */
  static final String LIST =
    "SELECT " + COLUMNS + " FROM blocks k WHERE k.venue_id = $1 AND k.starts_at < $3 "
      + "AND k.starts_at > $2::timestamptz - interval '31 days' AND k.ends_at > $2 ORDER BY k.starts_at, k.id";

  /** Blocks of venue $1 not over yet that start within $2 days. */
  static final String LIST_UPCOMING =
    "SELECT " + COLUMNS + " FROM blocks k WHERE k.venue_id = $1 AND k.starts_at < now() + make_interval(days => $2) "
      + "AND k.starts_at > now() - interval '31 days' AND k.ends_at > now() ORDER BY k.starts_at, k.id";

  /** Deletes block $1 with its outbox event ($2 id, $3 topic, $4 key, $5 payload, $6 traceparent). */
  static final String DELETE =
    "WITH k AS (DELETE FROM blocks WHERE id = $1 RETURNING id), "
      + "e AS (INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, traceparent) "
      + "  SELECT $2::uuid, $3::text, $4::text, $3::text, $5::text, $6::text WHERE EXISTS (SELECT 1 FROM k)) "
      + "SELECT count(*) AS n FROM k";

  private BlockSql() {
  }
}
