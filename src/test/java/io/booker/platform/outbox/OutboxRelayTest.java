package io.booker.platform.outbox;

import io.booker.platform.config.PgSettings;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.pg.PgDatabases;
import io.booker.dev.infra.EmbeddedKafkaBroker;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The outbox relay against real PostgreSQL and real Kafka brokers. */
@UsesInfrastructure
class OutboxRelayTest {

  static Vertx vertx;
  static Pool pool;
  static PgSettings pg;

  @BeforeAll
  static void setUp() {
    InfraEndpoints infra = TestInfra.endpoints();
    vertx = Vertx.vertx();
    pg = new PgSettings(infra.pgHost(), infra.pgPort(), infra.pgUser(), infra.pgPassword(), "postgres", 4);
    pool = PgDatabases.prepare(vertx, pg, "outbox_it", OutboxSchema.beside("db/venue"), Map.of()).await();
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @BeforeEach
  void emptyOutbox() {
    pool.query("TRUNCATE outbox").execute().await();
  }

  @Test
  void anEventCommittedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() {
    Path dir = Path.of("target", "testinfra", "outbox-kafka-" + UUID.randomUUID());
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir).start()) {
      String topic = "outbox.down." + UUID.randomUUID();
      KafkaProducer<String, String> producer = KafkaClients.producer(vertx, broker.bootstrap(), "outbox-down-" + UUID.randomUUID());
      OutboxRelay relay = new OutboxRelay(vertx, pool, producer, "it", new JsonObject().put("max_backoff_seconds", 0));

      broker.stop();
      UUID eventId = UUID.randomUUID();
      OutboxWriter.append(pool, new OutboxEvent(eventId, topic, "venue-1", topic, "{\"n\":1}", 7L)).await();

      assertEquals(0, relay.runOnce().await(), "nothing could be published");
      Row afterFailure = row(eventId);
      assertEquals("pending", afterFailure.getString("status"), "a failed publish keeps the event");
      assertEquals(1, afterFailure.getInteger("attempts"));
      assertNotNull(afterFailure.getString("last_error"));

      broker.restart();
      long deadline = System.currentTimeMillis() + 60_000;
      while (!"sent".equals(row(eventId).getString("status")) && System.currentTimeMillis() < deadline) {
        relay.runOnce().await();
      }
      assertEquals("sent", row(eventId).getString("status"));

      List<ConsumerRecord<String, String>> records = consume(broker.bootstrap(), topic, 1, Duration.ofSeconds(20));
      assertEquals(1, records.size());
      assertEquals("venue-1", records.get(0).key());
      assertEquals(eventId.toString(), new String(records.get(0).headers().lastHeader("event_id").value()));
      assertEquals("7", new String(records.get(0).headers().lastHeader("version").value()), "the aggregate's version travels as a header");
      producer.close().await();
    }
  }

  @Test
  void twoRelaysRunningAtOnceNeverPublishARowTwice() {
    String bootstrap = TestInfra.endpoints().kafkaBootstrap();
    String topic = "outbox.race." + UUID.randomUUID();
    int events = 300;
    List<Future<Void>> inserts = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      inserts.add(OutboxWriter.append(pool, new OutboxEvent(UUID.randomUUID(), topic, "venue-" + (i % 7), topic, "{\"i\":" + i + "}", null)));
    }
    Future.all(inserts).await();

    Pool poolA = PgDatabases.pool(vertx, pg, "outbox_it", 2);
    Pool poolB = PgDatabases.pool(vertx, pg, "outbox_it", 2);
    KafkaProducer<String, String> producerA = KafkaClients.producer(vertx, bootstrap, "relay-a-" + UUID.randomUUID());
    KafkaProducer<String, String> producerB = KafkaClients.producer(vertx, bootstrap, "relay-b-" + UUID.randomUUID());
    JsonObject cfg = new JsonObject().put("batch_size", 20);
    OutboxRelay relayA = new OutboxRelay(vertx, poolA, producerA, "a", cfg);
    OutboxRelay relayB = new OutboxRelay(vertx, poolB, producerB, "b", cfg);

    AtomicInteger claimedA = new AtomicInteger();
    AtomicInteger claimedB = new AtomicInteger();
    Future.all(drain(relayA, claimedA), drain(relayB, claimedB)).await();

    assertEquals(events, claimedA.get() + claimedB.get(), "every row was published by exactly one relay");
    assertEquals((long) events, pool.query("SELECT count(*) FROM outbox WHERE status = 'sent'").execute().await()
      .iterator().next().getLong(0));

    List<ConsumerRecord<String, String>> records = consume(bootstrap, topic, events + 1, Duration.ofSeconds(5));
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(new String(r.headers().lastHeader("event_id").value())));
    assertNull(records.get(0).headers().lastHeader("version"), "no version header for an event without one");
    assertEquals(events, records.size(), "no event was published twice");
    assertEquals(events, ids.size());
    Map<String, Long> writeOrder = new HashMap<>();
    pool.query("SELECT event_id, id FROM outbox").execute().await()
      .forEach(row -> writeOrder.put(row.getUUID("event_id").toString(), row.getLong("id")));
    Map<String, Long> lastPerKey = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      long id = writeOrder.get(new String(r.headers().lastHeader("event_id").value()));
      Long previous = lastPerKey.put(r.key(), id);
      assertTrue(previous == null || previous < id, "events of " + r.key() + " arrive in the order written: " + previous + " then " + id);
    }
    Future.all(producerA.close(), producerB.close(), poolA.close(), poolB.close()).await();
  }

  @Test
  void anEventThatKeepsFailingEndsAsDeadLetterAndIsCounted() throws Exception {
    int nowhere;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      nowhere = s.getLocalPort();
    }
    String topic = "outbox.dlq." + UUID.randomUUID();
    KafkaProducer<String, String> producer = KafkaClients.producer(vertx, "127.0.0.1:" + nowhere, "outbox-dlq-" + UUID.randomUUID());
    OutboxRelay relay = new OutboxRelay(vertx, pool, producer, "dlq-it",
      new JsonObject().put("max_attempts", 2).put("max_backoff_seconds", 0));
    UUID eventId = UUID.randomUUID();
    OutboxWriter.append(pool, new OutboxEvent(eventId, topic, "venue-9", topic, "{}", null)).await();

    relay.runOnce().await();
    assertEquals("pending", row(eventId).getString("status"));
    relay.runOnce().await();
    Row dead = row(eventId);
    assertEquals("dlq", dead.getString("status"));
    assertEquals(2, dead.getInteger("attempts"));
    assertEquals(0, relay.runOnce().await(), "a dead letter is not claimed again");
    assertEquals(1.0, io.booker.platform.metrics.Metrics.registry().get("outbox_dead_lettered")
      .tag("service", "dlq-it").tag("topic", topic).counter().count());
    producer.close().await();
  }

  private static Future<Void> drain(OutboxRelay relay, AtomicInteger claimed) {
    return relay.runOnce().compose(n -> {
      claimed.addAndGet(n);
      return n == 0 ? Future.succeededFuture() : drain(relay, claimed);
    });
  }

  private static Row row(UUID eventId) {
    return pool.preparedQuery("SELECT status, attempts, last_error FROM outbox WHERE event_id = $1")
      .execute(io.vertx.sqlclient.Tuple.of(eventId)).await().iterator().next();
  }

  /** Reads the topic until {@code max} records arrived or {@code quiet} passed without new ones. */
  static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int max, Duration quiet) {
    var cfg = new HashMap<String, Object>(KafkaClients.consumerConfig(bootstrap, "outbox-it-" + UUID.randomUUID()));
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
      consumer.subscribe(List.of(topic));
      long lastNew = System.currentTimeMillis();
      while (out.size() < max && System.currentTimeMillis() - lastNew < quiet.toMillis()) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          out.add(r);
          lastNew = System.currentTimeMillis();
        }
      }
    }
    return out;
  }
}
