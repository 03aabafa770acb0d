package io.booker.venue.adapter;

/** Every SQL statement of the venue service, in one place. */
final class VenueSql {

  static final String VENUE_COLUMNS = "id, name, timezone, address, phone, email, description, created_at, updated_at";

  static final String INSERT_VENUE =
    "INSERT INTO venues (id, name, timezone, address, phone, email, description) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      + "RETURNING " + VENUE_COLUMNS;
  static final String SELECT_VENUE = "SELECT " + VENUE_COLUMNS + " FROM venues WHERE id = $1";

  private VenueSql() {
  }
}
