package io.booker.platform.outbox;

import io.booker.platform.config.PgSettings;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox gauges against real PostgreSQL: what they read, and that the query uses the partial indexes. */
@UsesInfrastructure
class OutboxBacklogTest {

  static Vertx vertx;
  static Pool pool;

  @BeforeAll
  static void setUp() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    PgSettings pg = new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 2);
    pool = PgDatabases.prepare(vertx, pg, "outbox_backlog_it", OutboxSchema.beside("db/booking"), java.util.Map.of()).await();
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void theGaugesCountPendingRowsTheirOldestAgeAndDeadLettersButNotSentRows() {
    pool.query("TRUNCATE outbox").execute().await();
    String service = "backlog-" + UUID.randomUUID();
    OutboxBacklog backlog = new OutboxBacklog(vertx, pool, service, new JsonObject());

    backlog.refresh().await();
    OutboxBacklog.Snapshot s = OutboxBacklog.snapshot(service);
    assertEquals(0.0, s.pending());
    assertEquals(0.0, s.oldestSeconds(), "no pending event: age 0");
    assertEquals(0.0, s.dead());

    insert("pending", "now() - interval '90 seconds'");
    insert("pending", "now()");
    insert("dlq", "now() - interval '1 hour'");
    insert("sent", "now() - interval '2 hours'");
    backlog.refresh().await();
    assertEquals(2.0, s.pending());
    assertTrue(s.oldestSeconds() >= 90 && s.oldestSeconds() < 120, "the oldest pending one's age: " + s.oldestSeconds());
    assertEquals(1.0, s.dead());
  }

  @Test
  void thePeriodMustBeSensible() {
    assertThrows(IllegalArgumentException.class,
      () -> new OutboxBacklog(vertx, pool, "x", new JsonObject().put("backlog_refresh_ms", 10)));
  }

  @Test
  void deadLettersAreCountedFromTheirPartialIndex() {
    String plan = pool.withConnection(conn -> conn.query("SET enable_seqscan = off").execute()
      .compose(v -> conn.query("EXPLAIN SELECT count(*) FROM outbox WHERE status = 'dlq'").execute())
      .map(rows -> {
        StringBuilder b = new StringBuilder();
        rows.forEach(r -> b.append(r.getString(0)).append('\n'));
        return b.toString();
      })
      .eventually(() -> conn.query("RESET enable_seqscan").execute())).await();
    assertTrue(plan.contains("outbox_dead_letters"), plan);
  }

  private static void insert(String status, String createdAt) {
    pool.preparedQuery("INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, status, created_at) "
        + "VALUES ($1, 'booking.held', $2, 'booking.held', '{}', $3, " + createdAt + ")")
      .execute(Tuple.of(UUID.randomUUID(), UUID.randomUUID().toString(), status)).await();
  }
}
