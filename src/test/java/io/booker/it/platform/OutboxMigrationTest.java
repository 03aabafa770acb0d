package io.booker.it.platform;

import io.booker.platform.config.PgSettings;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxRelay;
import io.booker.platform.outbox.OutboxSchema;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The outbox's schema moved from the services' own migrations to {@code db/outbox} (its own history,
 * {@code outbox_schema_history}). A database made by the migrations as shipped before the move
 * ({@code src/test/resources/db-legacy}, frozen copies: venue at V7, booking at V5) upgrades without
 * loss, its outbox keeps working, and it ends with the same schema as a database made new.
 */
class OutboxMigrationTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  /** Every table's columns, indexes and constraints, the Flyway histories left out. */
  private static final String COLUMNS = """
    SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default, character_maximum_length
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '%schema_history'
    ORDER BY table_name, ordinal_position""";
  private static final String INDEXES = """
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename NOT LIKE '%schema_history' ORDER BY tablename, indexname""";
  private static final String CONSTRAINTS = """
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%schema_history' ORDER BY 1, 2""";

  static Vertx vertx;
  static PgSettings pg;
  static String kafka;

  @BeforeAll
  static void setUp() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    pg = new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 2);
    kafka = infra.kafkaBootstrap();
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void aVenueDatabaseOfTheMigrationsAsShippedUpgradesWithoutLossAndMatchesANewOne() {
    String legacy = legacyDatabase("venue", null);
    Pool before = PgDatabases.pool(vertx, pg, legacy, 2);
    UUID venue = UUID.randomUUID();
    UUID room = UUID.randomUUID();
    before.preparedQuery("INSERT INTO venues (id, name, timezone, language) VALUES ($1, 'Chez Legacy', 'Europe/Paris', 'fr')")
      .execute(Tuple.of(venue)).await();
    before.preparedQuery("INSERT INTO rooms (id, venue_id, name) VALUES ($1, $2, 'Main')").execute(Tuple.of(room, venue)).await();
    before.preparedQuery("""
        INSERT INTO dining_tables (id, room_id, venue_id, name, capacity, position_x, position_y, position_width, position_height,
          position_rotation, position_shape) VALUES ($1, $2, $3, 'T1', 4, 10, 20, 100, 100, 90, 'round')""")
      .execute(Tuple.of(UUID.randomUUID(), room, venue)).await();
    before.preparedQuery("INSERT INTO opening_hours (venue_id, weekday, open_time, close_time) VALUES ($1, 2, '12:00', '14:30')")
      .execute(Tuple.of(venue)).await();
    writeOutboxRows(before, "venue");
    Map<String, List<String>> rows = everyRow(before);
    before.close().await();

    upgradesWithoutLoss(legacy, "db/venue", rows, "5", newestFile("db/venue"));
  }

  @Test
  void aBookingDatabaseOfTheMigrationsAsShippedUpgradesWithoutLossAndMatchesANewOne() {
    String legacy = legacyDatabase("booking", null);
    Pool before = PgDatabases.pool(vertx, pg, legacy, 2);
    UUID booking = UUID.randomUUID();
    UUID table = UUID.randomUUID();
    before.preparedQuery("""
        INSERT INTO bookings (id, venue_id, room_id, table_id, slot_date, start_time, duration_minutes, during, party_size,
          customer_name, customer_email, status, version, traceparent)
        VALUES ($1, $2, $3, $4, '2030-05-04', '19:00', 90, tstzrange('2030-05-04 17:00+00', '2030-05-04 18:30+00'), 2,
          'Ada', 'ada@example.com', 'confirmed', 3, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')""")
      .execute(Tuple.of(booking, UUID.randomUUID(), UUID.randomUUID(), table)).await();
    before.preparedQuery("""
        INSERT INTO booking_tables (booking_id, table_id, venue_id, during)
        SELECT id, table_id, venue_id, during FROM bookings WHERE id = $1""").execute(Tuple.of(booking)).await();
    before.preparedQuery("""
        INSERT INTO booking_events (booking_id, event_type, payload, from_status, to_status, version)
        VALUES ($1, 'booking.confirmed', '{}', 'held', 'confirmed', 3)""").execute(Tuple.of(booking)).await();
    writeOutboxRows(before, "booking");
    Map<String, List<String>> rows = everyRow(before);
    before.close().await();

    upgradesWithoutLoss(legacy, "db/booking", rows, "5", newestFile("db/booking"));
  }

  @Test
  void aVenueDatabaseOfAnOlderReleaseGetsTheRestOfTheOutboxFromItsOwnLocation() {
    // Venue's V3 was the outbox's V3; venue's V6 and V7 (the outbox's V4 and V5) were never applied.
    String legacy = legacyDatabase("venue", "3");
    Pool before = PgDatabases.pool(vertx, pg, legacy, 2);
    before.preparedQuery("INSERT INTO venues (id, name, timezone) VALUES ($1, 'Old', 'UTC')").execute(Tuple.of(UUID.randomUUID())).await();
    before.preparedQuery("""
        INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version)
        VALUES ($1, 'venue.old', 'v-1', 'venue.created', '{}', 1)""").execute(Tuple.of(UUID.randomUUID())).await();
    Map<String, List<String>> rows = everyRow(before);
    before.close().await();

    Pool after = PgDatabases.prepare(vertx, pg, legacy, OutboxSchema.beside("db/venue"), Map.of()).await();
    try {
      Map<String, List<String>> upgraded = everyRow(after);
      assertEquals(List.of(rows.get("venues").get(0).replaceFirst("}$", ",\"language\":\"\"}")), upgraded.get("venues"),
        "the venue is kept, with venue V4's language column at its default");
      assertEquals(1, upgraded.get("outbox").size());
      assertTrue(upgraded.get("outbox").get(0).contains("\"traceparent\":null"), "the outbox's V4 added traceparent: " + upgraded.get("outbox"));
      assertEquals(List.of("3 BASELINE", "4 SQL", "5 SQL"), history(after, "outbox_schema_history"));
      Pool fresh = freshDatabase("db/venue");
      try {
        assertEquals(schema(fresh), schema(after), "an older database ends like a new one");
      } finally {
        fresh.close().await();
      }
    } finally {
      after.close().await();
    }
  }

  @Test
  void aServiceHistoryThatDiffersBeyondTheOutboxsMoveStopsTheStart() {
    String legacy = legacyDatabase("venue", null);
    Pool before = PgDatabases.pool(vertx, pg, legacy, 1);
    // As if venue's V4 (the language column, never part of the outbox) had been edited after it was applied.
    before.query("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'").execute().await();
    before.close().await();

    Throwable refused = assertThrows(Throwable.class,
      () -> PgDatabases.prepare(vertx, pg, legacy, OutboxSchema.beside("db/venue"), Map.of()).await());
    assertTrue(refused.getMessage().contains("beyond the outbox's move") && refused.getMessage().contains("4"), refused.getMessage());
    Pool after = PgDatabases.pool(vertx, pg, legacy, 1);
    try {
      assertEquals(List.of(), tables(after, "outbox_schema_history"), "nothing was adopted");
    } finally {
      after.close().await();
    }
  }

  /** Upgrades {@code legacy} with today's migrations, twice (a restart), and checks it against {@code rows} and a new database. */
  private void upgradesWithoutLoss(String legacy, String location, Map<String, List<String>> rows, String outboxVersion, String newestFile) {
    Pool after = PgDatabases.prepare(vertx, pg, legacy, OutboxSchema.beside(location), Map.of()).await();
    try {
      assertEquals(rows, asBefore(rows, everyRow(after)), "every row of every table is still there, unchanged");
      assertEquals(List.of(outboxVersion + " BASELINE"), history(after, "outbox_schema_history"),
        "the outbox the service's migrations made is the outbox's V" + outboxVersion);
      Flyway service = PgDatabases.flyway(pg, legacy, location).load();
      assertTrue(service.validateWithResult().validationSuccessful, "the service's history matches its files again");
      assertEquals(newestFile, service.info().current().getVersion().getVersion(),
        "the versions that moved out are marked deleted, even those above the service's newest file: its next version applies");

      after.close().await();
      after = PgDatabases.prepare(vertx, pg, legacy, OutboxSchema.beside(location), Map.of()).await();
      assertEquals(rows, asBefore(rows, everyRow(after)), "a restart changes nothing");
      assertEquals(List.of(outboxVersion + " BASELINE"), history(after, "outbox_schema_history"));

      relayPublishes(after);

      Pool fresh = freshDatabase(location);
      try {
        assertEquals(List.of("0 BASELINE", "1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL"), history(fresh, "outbox_schema_history"));
        assertEquals(schema(fresh).get("outbox columns"), schema(after).get("outbox columns"));
        assertEquals(schema(fresh), schema(after), "the upgraded database has the schema of a new one");
      } finally {
        fresh.close().await();
      }
    } finally {
      after.close().await();
    }
  }

  /** The outbox of an upgraded database takes new events, and the relay publishes them and the pending ones it had. */
  private static void relayPublishes(Pool pool) {
    UUID written = UUID.randomUUID();
    OutboxWriter.append(pool, new OutboxEvent(written, "outbox.migrated." + UUID.randomUUID(), "agg-2", "x.created", "{\"n\":2}", 4L)).await();
    KafkaProducer<String, String> producer = KafkaClients.producer(vertx, kafka, "outbox-migration-" + UUID.randomUUID());
    try {
      OutboxRelay relay = new OutboxRelay(vertx, pool, producer, "outbox-migration", new JsonObject());
      long deadline = System.currentTimeMillis() + 60_000;
      while (pending(pool) > 0 && System.currentTimeMillis() < deadline) {
        relay.runOnce().await();
      }
      assertEquals(0, pending(pool), "every pending event was published");
      Row row = pool.preparedQuery("SELECT status, sent_at, aggregate_version, traceparent FROM outbox WHERE event_id = $1")
        .execute(Tuple.of(written)).await().iterator().next();
      assertEquals("sent", row.getString("status"));
      assertNotNull(row.getOffsetDateTime("sent_at"));
      assertEquals(4L, row.getLong("aggregate_version"));
    } finally {
      producer.close().await();
    }
  }

  private static long pending(Pool pool) {
    return pool.query("SELECT count(*) FROM outbox WHERE status = 'pending'").execute().await().iterator().next().getLong(0);
  }

  /** Outbox rows in every state, every column set. */
  private static void writeOutboxRows(Pool pool, String service) {
    String insert = """
      INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, status, attempts, next_attempt_at, last_error,
        created_at, sent_at, aggregate_version, traceparent)
      VALUES ($1, $2, $3, $4, $5, $6, $7, now() - interval '1 minute', $8, now() - interval '1 hour', $9, $10, $11)""";
    String topic = service + ".legacy." + UUID.randomUUID();
    pool.preparedQuery(insert).execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(topic).addValue("agg-1").addValue(service + ".created")
      .addValue("{\"n\":1}").addValue("sent").addValue(1).addValue(null).addValue(java.time.OffsetDateTime.now().minusMinutes(59))
      .addValue(1L).addValue("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).await();
    pool.preparedQuery(insert).execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(topic).addValue("agg-1").addValue(service + ".updated")
      .addValue("{\"n\":2}").addValue("pending").addValue(3).addValue("broker down").addValue(null).addValue(2L).addValue(null)).await();
    pool.preparedQuery(insert).execute(Tuple.tuple().addValue(UUID.randomUUID()).addValue(topic).addValue("agg-9").addValue(service + ".created")
      .addValue("{\"n\":3}").addValue("dlq").addValue(20).addValue("record too large").addValue(null).addValue(null).addValue(null)).await();
  }

  /** A new database made by today's migrations as shipped before the move, up to {@code target} (null: all). */
  private static String legacyDatabase(String service, String target) {
    String database = "outbox_legacy_" + service + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    PgDatabases.prepare(vertx, pg, database, (settings, db) -> {
      var flyway = PgDatabases.flyway(settings, db, "db-legacy/" + service);
      if (target != null) {
        flyway.target(target);
      }
      PgDatabases.migrate(flyway.load(), db);
    }, Map.of()).compose(Pool::close).await();
    return database;
  }

  private static Pool freshDatabase(String location) {
    String database = "outbox_fresh_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    return PgDatabases.prepare(vertx, pg, database, OutboxSchema.beside(location), Map.of()).await();
  }

  /**
   * The rows of the tables {@code before} had, with the columns they had; the tables newer
   * migrations added (booking's blocks) must be empty, and the columns they added (a booking's
   * further tables, its combination) empty in the old rows.
   */
  private static Map<String, List<String>> asBefore(Map<String, List<String>> before, Map<String, List<String>> after) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    after.forEach((table, rows) -> {
      if (!before.containsKey(table)) {
        assertEquals(List.of(), rows, "a table the upgrade added is empty: " + table);
        return;
      }
      List<String> old = before.get(table);
      if (old.isEmpty()) {
        out.put(table, rows);
        return;
      }
      java.util.Set<String> columns = new io.vertx.core.json.JsonObject(old.get(0)).fieldNames();
      List<String> projected = new ArrayList<>();
      for (String row : rows) {
        io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(row);
        for (String added : new ArrayList<>(json.fieldNames())) {
          if (!columns.contains(added)) {
            Object value = json.remove(added);
            assertTrue(value == null || value.equals(new io.vertx.core.json.JsonArray()),
              () -> "a column the upgrade added is empty in an old row: " + table + "." + added + " = " + value);
          }
        }
        projected.add(json.encode());
      }
      // Re-encoded the way the old rows were, so that key order and spacing compare equal.
      List<String> oldEncoded = new ArrayList<>();
      old.forEach(r -> oldEncoded.add(new io.vertx.core.json.JsonObject(r).encode()));
      before.put(table, oldEncoded);
      out.put(table, projected);
    });
    return out;
  }

  /** The newest version among the migration files of {@code location} (db/venue, db/booking). */
  private static String newestFile(String location) {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(OutboxMigrationTest.class.getClassLoader().getResource(location).toURI()))) {
      return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Every row of every table (as JSON, sorted), the Flyway histories left out. */

  private static Map<String, List<String>> everyRow(Pool pool) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String table : tables(pool, "%")) {
      if (!table.endsWith("schema_history")) {
        List<String> json = new ArrayList<>();
        pool.query("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY 1").execute().await().forEach(r -> json.add(r.getString(0)));
        rows.put(table, json);
      }
    }
    assertFalse(rows.isEmpty());
    return rows;
  }

  private static List<String> tables(Pool pool, String like) {
    List<String> names = new ArrayList<>();
    pool.preparedQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE $1 ORDER BY 1")
      .execute(Tuple.of(like)).await().forEach(r -> names.add(r.getString(0)));
    return names;
  }

  /** The versions and types a Flyway history recorded, in order. */
  private static List<String> history(Pool pool, String table) {
    List<String> entries = new ArrayList<>();
    pool.query("SELECT coalesce(version, '-') || ' ' || type FROM " + table + " ORDER BY installed_rank").execute().await()
      .forEach(r -> entries.add(r.getString(0)));
    return entries;
  }

  private static Map<String, List<String>> schema(Pool pool) {
    Map<String, List<String>> schema = new LinkedHashMap<>();
    schema.put("outbox columns", lines(pool, COLUMNS).stream().filter(line -> line.startsWith("outbox|")).toList());
    schema.put("columns", lines(pool, COLUMNS));
    schema.put("indexes", lines(pool, INDEXES));
    schema.put("constraints", lines(pool, CONSTRAINTS));
    assertFalse(schema.get("outbox columns").isEmpty());
    return schema;
  }

  private static List<String> lines(Pool pool, String sql) {
    List<String> lines = new ArrayList<>();
    pool.query(sql).execute().await().forEach(row -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "|").append(row.getValue(i));
      }
      lines.add(line.toString());
    });
    return lines;
  }
}
