package io.booker.venue.adapter;

/**
 * SQL of opening hours, special days and the availability snapshot. Batches go through
 * {@code unnest} over arrays, so a write is a fixed number of statements whatever its size.
 */
final class ScheduleSql {

  /**
   * Locks the venue row for the rest of the transaction: concurrent replacements of the same week
   * run one after the other, so neither can see half of the other's rows. NO KEY UPDATE still lets
   * foreign-key checks (new rooms, tables) through.
   */
  static final String LOCK_VENUE = "SELECT id FROM venues WHERE id = $1 FOR NO KEY UPDATE";

  static final String SELECT_TIMEZONE = "SELECT timezone FROM venues WHERE id = $1";

  static final String DELETE_WEEK = "DELETE FROM opening_hours WHERE venue_id = $1";

  static final String INSERT_WEEK =
    "INSERT INTO opening_hours (venue_id, weekday, open_time, close_time) "
      + "SELECT $1, d.weekday, d.open_time, d.close_time FROM unnest($2::smallint[], $3::time[], $4::time[]) AS d(weekday, open_time, close_time)";

  /** One row per range; a venue without hours gives one row with null weekday; an unknown venue none. */
  static final String SELECT_WEEK =
    "SELECT o.weekday, o.open_time, o.close_time FROM venues v LEFT JOIN opening_hours o ON o.venue_id = v.id "
      + "WHERE v.id = $1 ORDER BY o.weekday, o.open_time";

  /**
   * Creates or replaces the special day (locking its row) only if the venue exists: no row back
   * means an unknown venue.
   */
  static final String UPSERT_SPECIAL_DAY =
    "INSERT INTO special_days (venue_id, day, is_closed) SELECT id, $2, $3 FROM venues WHERE id = $1 "
      + "ON CONFLICT (venue_id, day) DO UPDATE SET is_closed = EXCLUDED.is_closed, updated_at = now() RETURNING day";

  static final String DELETE_SPECIAL_RANGES = "DELETE FROM special_ranges WHERE venue_id = $1 AND day = $2";

  static final String INSERT_SPECIAL_RANGES =
    "INSERT INTO special_ranges (venue_id, day, open_time, close_time) "
      + "SELECT $1, $2, r.open_time, r.close_time FROM unnest($3::time[], $4::time[]) AS r(open_time, close_time)";

  /** Its ranges go with it (ON DELETE CASCADE). */
  static final String DELETE_SPECIAL_DAY = "DELETE FROM special_days WHERE venue_id = $1 AND day = $2 RETURNING day";

  /** One row per range of each day in [$2, $3]; a closed day gives one row with null times. */
  static final String SELECT_SPECIAL_DAYS =
    "SELECT d.day, d.is_closed, r.open_time, r.close_time FROM special_days d "
      + "LEFT JOIN special_ranges r ON r.venue_id = d.venue_id AND r.day = d.day "
      + "WHERE d.venue_id = $1 AND d.day BETWEEN $2 AND $3 ORDER BY d.day, r.open_time";

  /**
   * Everything availability needs about a venue, in one round trip and one row (none for an
   * unknown venue): its zone, weekly hours, the special days of $2 and the dates either side, every
   * table and every table combination. The dates either side matter because the night before can
   * run into $2 and $2 can run seamlessly into the next date.
   */
  static final String SELECT_AVAILABILITY_SNAPSHOT = snapshot("", "");

  /**
   * As {@link #SELECT_AVAILABILITY_SNAPSHOT}, with only the tables among $3 (what a booking asks
   * for) and no combination: the venue's size does not matter to the write path.
   */
  static final String SELECT_BOOKING_SNAPSHOT = snapshot(" AND t.id = ANY($3)", null);

  /**
   * As {@link #SELECT_AVAILABILITY_SNAPSHOT}, with only combination $3 (when it is the venue's)
   * and its tables: what a booking on a combination needs, in the same one statement.
   */
  static final String SELECT_COMBINATION_SNAPSHOT = snapshot(
    " AND t.id IN (SELECT unnest(c.table_ids) FROM table_combinations c WHERE c.id = $3 AND c.venue_id = v.id)", " AND c.id = $3");

  /** @param combinationFilter null: no combination is read */
  private static String snapshot(String tableFilter, String combinationFilter) {
    String combinations = combinationFilter == null ? "'[]'::json"
      : "(SELECT coalesce(json_agg(json_build_object('id', c.id, 'room_id', c.room_id, 'table_ids', c.table_ids, "
        + "     'min_party_size', c.min_party_size, 'max_party_size', c.max_party_size)), '[]'::json) "
        + "   FROM table_combinations c WHERE c.venue_id = v.id" + combinationFilter + ")";
    return "SELECT v.timezone, s.rules AS seating, s.updated_at AS seating_updated_at, "
      + "(SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, 'open', h.open_time, 'close', h.close_time)), '[]'::json) "
      + "   FROM opening_hours h WHERE h.venue_id = v.id) AS hours, "
      + "(SELECT coalesce(json_agg(json_build_object('day', d.day, 'closed', d.is_closed, 'open', r.open_time, 'close', r.close_time)), '[]'::json) "
      + "   FROM special_days d LEFT JOIN special_ranges r ON r.venue_id = d.venue_id AND r.day = d.day "
      + "   WHERE d.venue_id = v.id AND d.day BETWEEN $2::date - 1 AND $2::date + 1) AS special_days, "
      + "(SELECT coalesce(json_agg(json_build_object('id', t.id, 'room_id', t.room_id, 'name', t.name, 'capacity', t.capacity, "
      + "     'can_merge', t.can_merge)), '[]'::json) "
      + "   FROM dining_tables t WHERE t.venue_id = v.id" + tableFilter + ") AS tables, "
      + combinations + " AS combinations "
      + "FROM venues v LEFT JOIN seating_rules s ON s.venue_id = v.id WHERE v.id = $1";
  }

  private ScheduleSql() {
  }
}
