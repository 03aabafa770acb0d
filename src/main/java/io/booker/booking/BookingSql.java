package io.booker.booking;

/** SQL of the booking service. */
final class BookingSql {

  /** Tables among $1 occupied by an active booking overlapping [$2, $3). */
  static final String OCCUPIED_TABLES =
    "SELECT DISTINCT table_id FROM booking_tables WHERE active AND table_id = ANY($1) AND during && tstzrange($2, $3, '[)')";

  /** Active bookings per table that end after now, for the given tables. */
  static final String FUTURE_BY_TABLE =
    "SELECT table_id, count(*) AS n FROM booking_tables WHERE active AND table_id = ANY($1) AND upper(during) > now() GROUP BY table_id";

  /** Active bookings per table that end after now, for a whole venue. */
  static final String FUTURE_BY_VENUE =
    "SELECT table_id, count(*) AS n FROM booking_tables WHERE active AND venue_id = $1 AND upper(during) > now() GROUP BY table_id";

  private BookingSql() {
  }
}
