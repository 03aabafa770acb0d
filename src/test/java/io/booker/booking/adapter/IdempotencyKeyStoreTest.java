package io.booker.booking.adapter;

import io.booker.platform.config.PgSettings;
import io.booker.platform.outbox.OutboxSchema;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Idempotency keys in PostgreSQL: an answer lives 24 hours, then the sweep forgets it. */
@UsesInfrastructure
class IdempotencyKeyStoreTest {

  static Vertx vertx;
  static Pool pool;
  static PgBookingStore store;

  @BeforeAll
  static void open() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    pool = PgDatabases.prepare(vertx, new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 2),
      "booking_keys", OutboxSchema.beside("db/booking"), java.util.Map.of()).await();
    store = new PgBookingStore(pool);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void aKeyAnswersForADayAndIsThenForgotten() {
    String scope = "actor:" + UUID.randomUUID();
    insert(scope, "fresh", Duration.ofHours(23));
    insert(scope, "stale", Duration.ofHours(25));

    assertTrue(store.storedAnswer(scope, "fresh").await().isPresent());
    assertEquals(Optional.empty(), store.storedAnswer(scope, "stale").await(), "a key older than a day answers nothing");

    assertTrue(store.forgetIdempotencyKeys(Duration.ofHours(24)).await() >= 1);
    assertEquals(0L, count(scope, "stale"), "the sweep deleted the old key");
    assertEquals(1L, count(scope, "fresh"), "and kept the young one");
  }

  private static void insert(String scope, String key, Duration age) {
    byte[] answer = BookingProtos.toProto(io.booker.booking.domain.TestBookings.booking().build()).toByteArray();
    pool.preparedQuery("INSERT INTO idempotency_keys (scope, idem_key, operation, request_hash, response, booking_id, created_at) "
        + "VALUES ($1, $2, 'create', $3, $4, $5, now() - make_interval(secs => $6))")
      .execute(Tuple.of(scope, key, Buffer.buffer(new byte[]{1}), Buffer.buffer(answer), UUID.randomUUID(), (double) age.toSeconds()))
      .await();
  }

  private static long count(String scope, String key) {
    return pool.preparedQuery("SELECT count(*) FROM idempotency_keys WHERE scope = $1 AND idem_key = $2")
      .execute(Tuple.of(scope, key)).await().iterator().next().getLong(0);
  }

}
