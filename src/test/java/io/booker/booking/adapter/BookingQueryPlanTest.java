package io.booker.booking.adapter;

import io.booker.platform.config.PgSettings;
import io.booker.platform.outbox.OutboxSchema;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The booking queries are served by indexes, as PostgreSQL plans them for a prepared statement (the
 * generic plan, which is what a cached statement ends up using) over 60,000 bookings of 30 venues
 * and 600 tables, each with a year of days: every variant of the list, and every look-up of what
 * occupies some tables over a time (one probe of the exclusion constraint's index per table).
 */
@UsesInfrastructure
class BookingQueryPlanTest {

  static final String DB = "booking_plans";
  static Vertx vertx;

  @BeforeAll
  static void fill() throws SQLException {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    PgDatabases.prepare(vertx, new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 2),
      DB, OutboxSchema.beside("db/booking"), java.util.Map.of()).compose(pool -> pool.close()).await();
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE bookings CASCADE");
      st.execute("INSERT INTO bookings (id, venue_id, room_id, table_id, slot_date, start_time, duration_minutes, during, party_size, "
        + "customer_name, status, expires_at, version) "
        + "SELECT gen_random_uuid(), md5('venue' || i % 30)::uuid, md5('room' || i % 30)::uuid, md5('table' || i % 600)::uuid, "
        + "  date '2027-01-01' + (i / 30) % 365, time '12:00' + make_interval(mins => (i % 16) * 30), 120, "
        + "  tstzrange(timestamptz '2027-01-01 12:00Z' + make_interval(days => (i / 30) % 365, mins => (i % 16) * 30), "
        + "            timestamptz '2027-01-01 14:00Z' + make_interval(days => (i / 30) % 365, mins => (i % 16) * 30), '[)'), "
        + "  2, 'Guest', (ARRAY['held','confirmed','seated','cancelled','finished'])[1 + i % 5], "
        + "  CASE WHEN i % 5 = 0 THEN now() + interval '15 minutes' END, 1 "
        + "FROM generate_series(1, 60000) AS i");
      st.execute("INSERT INTO booking_tables (booking_id, table_id, venue_id, during) "
        + "SELECT id, table_id, venue_id, during FROM bookings WHERE status IN ('held', 'confirmed', 'seated') "
        + "ON CONFLICT DO NOTHING");
      st.execute("TRUNCATE blocks CASCADE");
      st.execute("INSERT INTO blocks (id, venue_id, reason, starts_at, ends_at) "
        + "SELECT md5('block' || i)::uuid, md5('venue' || i % 30)::uuid, 'broken chair', "
        + "  timestamptz '2027-01-01 10:00Z' + make_interval(days => (i / 30) % 365), "
        + "  timestamptz '2027-01-01 16:00Z' + make_interval(days => (i / 30) % 365) "
        + "FROM generate_series(1, 20000) AS i");
      st.execute("INSERT INTO block_tables (block_id, table_id, venue_id, during) "
        + "SELECT k.id, md5('table' || (i * 7) % 600)::uuid, k.venue_id, tstzrange(k.starts_at, k.ends_at, '[)') "
        + "FROM generate_series(1, 20000) AS i JOIN blocks k ON k.id = md5('block' || i)::uuid");
      st.execute("ANALYZE bookings");
      st.execute("ANALYZE booking_tables");
      st.execute("ANALYZE blocks");
      st.execute("ANALYZE block_tables");
    }
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @ParameterizedTest(name = "date={0} statuses={1} table={2}")
  @CsvSource({
    "false, false, false",
    "true,  false, false",
    "false, true,  false",
    "false, false, true",
    "true,  true,  false",
    "true,  true,  true",
  })
  void aListIsServedByAnIndex(boolean date, boolean statuses, boolean table) throws SQLException {
    List<String> types = new ArrayList<>(List.of("uuid"));
    List<String> args = new ArrayList<>(List.of("md5('venue7')::uuid"));
    if (date) {
      types.add("date");
      args.add("date '2027-03-01'");
    }
    if (statuses) {
      types.add("text[]");
      args.add("ARRAY['held','confirmed']");
    }
    if (table) {
      types.add("uuid");
      args.add("md5('table7')::uuid");
    }
    types.add("int");
    types.add("int");
    args.add("50");
    args.add("0");
    String plan = explain("PREPARE list(" + String.join(", ", types) + ") AS " + BookingSql.list(date, statuses, table),
      "EXPLAIN EXECUTE list(" + String.join(", ", args) + ")");
    assertFalse(plan.contains("Seq Scan on bookings"), plan);
    assertTrue(plan.contains("Index Scan") || plan.contains("Index Only Scan") || plan.contains("Bitmap Index Scan"), plan);
  }

  /** OCCUPIED_TABLES also takes the venue ($4) whose bookings count. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"OCCUPIED_TABLES, true", "OCCUPANTS, false"})
  void whatOccupiesSomeTablesIsOneIndexProbePerTable(String statement, boolean byVenue) throws Exception {
    String sql = (String) BookingSql.class.getDeclaredField(statement).get(null);
    String plan = explain("PREPARE q(uuid[], timestamptz, timestamptz" + (byVenue ? ", uuid" : "") + ") AS " + sql,
      "EXPLAIN EXECUTE q(ARRAY[md5('table7')::uuid, md5('table8')::uuid], timestamptz '2027-03-01 18:00Z', timestamptz '2027-03-01 20:00Z'"
        + (byVenue ? ", md5('venue7')::uuid" : "") + ")");
    assertTrue(plan.matches("(?s).*Index Cond: \\(\\(table_id = t\\.id\\) AND \\(during &&.*"),
      "the table is part of the look-up in the exclusion constraint's index:\n" + plan);
    assertFalse(plan.contains("Seq Scan"), plan);
    if (byVenue) {
      assertTrue(plan.contains("block_tables_by_table"), "and its blocks, one probe of their index per table:\n" + plan);
    }
  }

  /** A booking write finds the blocks of its tables over its time by one probe of their index per table. */
  @Test
  void aWriteFindsTheBlocksOfItsTablesByIndex() throws Exception {
    String plan = explain("PREPARE q(uuid[], timestamptz, timestamptz) AS WITH " + BookingSql.blockedBy(1, 2, 3) + " SELECT * FROM blk",
      "EXPLAIN EXECUTE q(ARRAY[md5('table7')::uuid, md5('table8')::uuid], timestamptz '2027-03-01 18:00Z', timestamptz '2027-03-01 20:00Z')");
    assertTrue(plan.contains("block_tables_by_table"), plan);
    assertFalse(plan.contains("Seq Scan"), plan);
  }

  /** A venue's blocks of a range: one range of the index (venue, start), bounded by the 31 days a block may last. */
  @Test
  void aVenuesBlocksOfARangeAreOneIndexRange() throws Exception {
    String plan = explain("PREPARE q(uuid, timestamptz, timestamptz) AS " + BlockSql.LIST,
      "EXPLAIN EXECUTE q(md5('venue7')::uuid, timestamptz '2027-03-01 00:00Z', timestamptz '2027-03-02 00:00Z')");
    assertTrue(plan.contains("blocks_by_venue"), plan);
    assertFalse(plan.contains("Seq Scan on blocks"), plan);
  }

  /**
   * Opening a write takes the table locks first: they are a one-time filter of the update that
   * expires lapsed holds, so no booking row is locked before them (no lock-order deadlock).
   */
  @Test
  void aWriteTakesItsTableLocksBeforeAnyBookingRow() throws Exception {
    String plan = explain("PREPARE q(uuid[], timestamptz, timestamptz, uuid) AS " + BookingSql.EXPIRE_IN_THE_WAY,
      "EXPLAIN EXECUTE q(ARRAY[md5('table7')::uuid], timestamptz '2027-03-01 18:00Z', timestamptz '2027-03-01 20:00Z', gen_random_uuid())");
    assertTrue(plan.matches("(?s).*Update on bookings.*One-Time Filter: \\(\\(InitPlan \\d+\\)\\.col1 >= 0\\).*"), plan);
    assertTrue(plan.contains("pg_advisory_xact_lock") || plan.contains("Sort Key: (hashtextextended"), plan);
    assertFalse(plan.contains("Seq Scan on b"), plan);
  }

  @Test
  void futureBookingsOfSomeTablesUseTheVenueIndex() throws Exception {
    String plan = explain("PREPARE q(uuid, uuid[]) AS " + BookingSql.FUTURE_BY_TABLE,
      "EXPLAIN EXECUTE q(md5('venue7')::uuid, ARRAY[md5('table7')::uuid, md5('table8')::uuid])");
    assertTrue(plan.contains("booking_tables_future"), plan);
    assertFalse(plan.contains("Seq Scan on booking_tables"), plan);
  }

  static String explain(String prepare, String explain) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("SET plan_cache_mode = force_generic_plan");
      st.execute(prepare);
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = st.executeQuery(explain)) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }

  static Connection connect() throws SQLException {
    InfraEndpoints infra = TestInfra.endpoints();
    return DriverManager.getConnection(infra.jdbcUrl(DB), infra.pgUser(), infra.pgPassword());
  }
}
