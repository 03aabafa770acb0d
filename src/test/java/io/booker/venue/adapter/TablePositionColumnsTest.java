package io.booker.venue.adapter;

import io.booker.platform.config.PgSettings;
import io.booker.platform.outbox.OutboxSchema;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The position columns (V5) hold what the service's checks allow and nothing else: all six or none,
 * each within its bounds, so a writer other than the service cannot store a table the floor view
 * could not draw.
 */
@UsesInfrastructure
class TablePositionColumnsTest {

  static final String CHECK_VIOLATION = "23514";
  static Vertx vertx;
  static Pool pool;
  static UUID venue;
  static UUID room;

  @BeforeAll
  static void open() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    pool = PgDatabases.prepare(vertx, new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 2),
      "venue_positions", OutboxSchema.beside("db/venue"), java.util.Map.of()).await();
    venue = UUID.randomUUID();
    room = UUID.randomUUID();
    pool.preparedQuery("INSERT INTO venues (id, name, timezone) VALUES ($1, 'Columns', 'UTC')").execute(Tuple.of(venue)).await();
    pool.preparedQuery("INSERT INTO rooms (id, venue_id, name) VALUES ($1, $2, 'Main')").execute(Tuple.of(room, venue)).await();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void aWholePositionOrNoneIsStored() {
    assertNull(insert(0, 0, 10, 10, 0, "round"));
    assertNull(insert(1000, 1000, 1000, 1000, 359, "rectangle"));
    assertNull(insert(null, null, null, null, null, null), "not placed");
  }

  @Test
  void aPartialPositionIsRefused() {
    assertEquals(CHECK_VIOLATION, insert(10, 10, 50, 50, 0, null));
    assertEquals(CHECK_VIOLATION, insert(null, 10, 50, 50, 0, "round"));
  }

  @Test
  void valuesOutOfTheServicesBoundsAreRefused() {
    assertEquals(CHECK_VIOLATION, insert(1001, 0, 10, 10, 0, "round"));
    assertEquals(CHECK_VIOLATION, insert(0, -1, 10, 10, 0, "round"));
    assertEquals(CHECK_VIOLATION, insert(0, 0, 9, 10, 0, "round"));
    assertEquals(CHECK_VIOLATION, insert(0, 0, 10, 1001, 0, "round"));
    assertEquals(CHECK_VIOLATION, insert(0, 0, 10, 10, 360, "round"));
    assertEquals(CHECK_VIOLATION, insert(0, 0, 10, 10, 0, "oval"));
  }

  /** Null when the row was stored, else the SQLSTATE of the refusal. */
  private static String insert(Integer x, Integer y, Integer width, Integer height, Integer rotation, String shape) {
    Future<?> insert = pool.preparedQuery("INSERT INTO dining_tables (id, room_id, venue_id, name, capacity, " + VenueSql.POSITION_COLUMNS
        + ") VALUES ($1, $2, $3, $4, 2, $5, $6, $7, $8, $9, $10)")
      .execute(Tuple.of(UUID.randomUUID(), room, venue, "T" + UUID.randomUUID()).addValue(x).addValue(y).addValue(width).addValue(height)
        .addValue(rotation).addValue(shape));
    AsyncResult<?> ar = insert.<AsyncResult<?>>transform(Future::succeededFuture).await();
    return ar.succeeded() ? null : assertInstanceOf(PgException.class, ar.cause()).getSqlState();
  }
}
