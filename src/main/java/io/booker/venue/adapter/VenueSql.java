package io.booker.venue.adapter;

/** Every SQL statement of the venue service, in one place. */
final class VenueSql {

  static final String VENUE_COLUMNS = "id, name, timezone, address, phone, email, description, language, created_at, updated_at";
  static final String ROOM_COLUMNS = "id, venue_id, name, created_at, updated_at";
  /** A table's place on the floor plan: six columns, all set or all null (V5). */
  static final String POSITION_COLUMNS =
    "position_x, position_y, position_width, position_height, position_rotation, position_shape";
  static final String TABLE_COLUMNS = "id, room_id, venue_id, name, capacity, can_merge, zone, created_at, updated_at, "
    + POSITION_COLUMNS;

  static final String INSERT_VENUE =
    "INSERT INTO venues (id, name, timezone, address, phone, email, description, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
      + "RETURNING " + VENUE_COLUMNS;
  static final String SELECT_VENUE = "SELECT " + VENUE_COLUMNS + " FROM venues WHERE id = $1";
  /** An empty $7 keeps the current zone; every other field is replaced (an empty $8 clears the language). */
  static final String UPDATE_VENUE =
    "UPDATE venues SET name = $2, address = $3, phone = $4, email = $5, description = $6, "
      + "timezone = COALESCE(NULLIF($7, ''), timezone), language = $8, updated_at = now() WHERE id = $1 RETURNING " + VENUE_COLUMNS;
  /**
   * Locks a venue row: creating a room or a table takes a key-share lock on it, so none can appear
   * until the deleting transaction ends. Statements after it (fresh snapshots) see every committed child.
   */
  static final String LOCK_VENUE = "SELECT id FROM venues WHERE id = $1 FOR UPDATE";
  static final String ROOM_IDS_OF_VENUE = "SELECT id FROM rooms WHERE venue_id = $1";
  static final String DELETE_VENUE = "DELETE FROM venues WHERE id = $1";

  // Lists: the page and the total in one statement (one snapshot). The count row is always there,
  // so an empty page past the end still carries the total; a missing parent yields no row at all.
  static final String LIST_VENUES =
    "WITH page AS (SELECT " + VENUE_COLUMNS + " FROM venues ORDER BY created_at, id LIMIT $1 OFFSET $2) "
      + "SELECT c.total, p.* FROM (SELECT count(*) AS total FROM venues) c LEFT JOIN page p ON true "
      + "ORDER BY p.created_at, p.id";
  /** {@link #LIST_VENUES} among the venues $3 (a caller's own): page and total count only those. */
  static final String LIST_VENUES_AMONG =
    "WITH page AS (SELECT " + VENUE_COLUMNS + " FROM venues WHERE id = ANY($3) ORDER BY created_at, id LIMIT $1 OFFSET $2) "
      + "SELECT c.total, p.* FROM (SELECT count(*) AS total FROM venues WHERE id = ANY($3)) c LEFT JOIN page p ON true "
      + "ORDER BY p.created_at, p.id";

  static final String INSERT_ROOM =
    "INSERT INTO rooms (id, venue_id, name) SELECT $1, v.id, $3 FROM venues v WHERE v.id = $2 RETURNING " + ROOM_COLUMNS;
  static final String SELECT_ROOM = "SELECT " + ROOM_COLUMNS + " FROM rooms WHERE id = $1";
  static final String UPDATE_ROOM = "UPDATE rooms SET name = $2, updated_at = now() WHERE id = $1 AND " + inScope("venue_id", 3)
    + " RETURNING " + ROOM_COLUMNS;
  static final String LIST_ROOMS =
    "WITH page AS (SELECT " + ROOM_COLUMNS + " FROM rooms WHERE venue_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3) "
      + "SELECT c.total, p.* FROM venues v CROSS JOIN (SELECT count(*) AS total FROM rooms WHERE venue_id = $1) c "
      + "LEFT JOIN page p ON true WHERE v.id = $1 ORDER BY p.created_at, p.id";
  /** A room's venue and the ids of its tables. */
  static final String SELECT_ROOM_TABLE_IDS =
    "SELECT r.venue_id, ARRAY(SELECT t.id FROM dining_tables t WHERE t.room_id = r.id ORDER BY t.id) AS table_ids "
      + "FROM rooms r WHERE r.id = $1";
  /** Locks a room against new tables (inserting a table takes a key-share lock on its room). */
  static final String LOCK_ROOM = "SELECT id FROM rooms WHERE id = $1 FOR UPDATE";
  static final String TABLE_IDS_OF_ROOM = "SELECT id FROM dining_tables WHERE room_id = $1";
  static final String DELETE_ROOM = "DELETE FROM rooms WHERE id = $1";

  static final String INSERT_TABLE =
    "INSERT INTO dining_tables (id, room_id, venue_id, name, capacity, can_merge, zone, " + POSITION_COLUMNS + ") "
      + "SELECT $1, r.id, r.venue_id, $3, $4, $5, $6, " + positionParams(8) + " FROM rooms r WHERE r.id = $2 AND "
      + inScope("r.venue_id", 7) + " RETURNING " + TABLE_COLUMNS;
  static final String SELECT_TABLE = "SELECT " + TABLE_COLUMNS + " FROM dining_tables WHERE id = $1";
  /** Every field is replaced, the position included (all null: not placed). */
  static final String UPDATE_TABLE =
    "UPDATE dining_tables SET name = $2, capacity = $3, zone = $4, can_merge = $5, "
      + "(" + POSITION_COLUMNS + ") = (" + positionParams(7) + "), updated_at = now() WHERE id = $1 "
      + "AND " + inScope("venue_id", 6) + " RETURNING " + TABLE_COLUMNS;
  static final String DELETE_TABLE = "DELETE FROM dining_tables WHERE id = $1 RETURNING " + TABLE_COLUMNS;
  /**
   * After {@link #DELETE_TABLE}, in its transaction: the combinations that contain the table go
   * with it. A fresh statement, so it sees a combination whose write held the table until it
   * committed (the delete waited for it).
   */
  static final String DELETE_COMBINATIONS_OF_TABLE = "DELETE FROM table_combinations WHERE table_ids @> ARRAY[$1::uuid]";
  static final String LIST_TABLES_OF_ROOM =
    "WITH page AS (SELECT " + TABLE_COLUMNS + " FROM dining_tables WHERE room_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3) "
      + "SELECT c.total, p.* FROM rooms r CROSS JOIN (SELECT count(*) AS total FROM dining_tables WHERE room_id = $1) c "
      + "LEFT JOIN page p ON true WHERE r.id = $1 AND " + inScope("r.venue_id", 4) + " ORDER BY p.created_at, p.id";
  static final String LIST_TABLES_OF_VENUE =
    "WITH page AS (SELECT " + TABLE_COLUMNS + " FROM dining_tables WHERE venue_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3) "
      + "SELECT c.total, p.* FROM venues v CROSS JOIN (SELECT count(*) AS total FROM dining_tables WHERE venue_id = $1) c "
      + "LEFT JOIN page p ON true WHERE v.id = $1 ORDER BY p.created_at, p.id";
  /** A room's venue and all its tables; no row when the room does not exist, one null-table row when it is empty. */
  static final String SELECT_LAYOUT =
    "SELECT r.venue_id AS room_venue_id, t.id, t.room_id, t.venue_id, t.name, t.capacity, t.can_merge, t.zone, "
      + "t.created_at, t.updated_at, t.position_x, t.position_y, t.position_width, t.position_height, t.position_rotation, "
      + "t.position_shape FROM rooms r LEFT JOIN dining_tables t ON t.room_id = r.id WHERE r.id = $1 "
      + "ORDER BY t.created_at, t.id";

  /**
   * The row's venue ({@code column}) is in the {@link VenueScope} bound as {@code $param}: a null
   * array is every venue. Statements by primary key stay index lookups; the scope only filters.
   */
  static String inScope(String column, int param) {
    return "($" + param + "::uuid[] IS NULL OR " + column + " = ANY($" + param + "))";
  }

  /** The six position parameters from {@code $first} on, typed (they may all be null). */
  private static String positionParams(int first) {
    return "$" + first + "::int, $" + (first + 1) + "::int, $" + (first + 2) + "::int, $" + (first + 3) + "::int, $"
      + (first + 4) + "::int, $" + (first + 5) + "::text";
  }

  private VenueSql() {
  }
}
