package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NodeProcess;
import io.booker.it.support.TestNodes;
import io.booker.platform.kafka.KafkaClients;
import io.booker.dev.infra.EmbeddedKafkaBroker;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * No lost event: every committed change of a booking reaches Kafka, once per change, in version
 * order per booking, whether Kafka was away for a while or a relay died in the middle of a batch
 * (then, and only then, an event may arrive twice, with the same event id). Each test has a Kafka
 * broker of its own to stop.
 */
class BookingEventsTest {

  static Vertx client;
  static WebClient web;

  @BeforeAll
  static void client() {
    client = Vertx.vertx();
    web = WebClient.create(client);
  }

  @AfterAll
  static void closeClient() {
    client.close().await();
  }

  static final List<String> TOPICS = List.of("booking.held", "booking.confirmed", "booking.cancelled", "booking.expired",
    "booking.seated", "booking.finished", "booking.no_show", "booking.rescheduled");

  @Test
  void changesMadeWhileKafkaIsDownArePublishedOnceItIsBack() throws Exception {
    Path dir = Path.of("target", "testinfra", "events-kafka-" + UUID.randomUUID());
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir).start();
         TestNodes.Started node = TestNodes.allInOne("eventbus", new JsonObject()
           .put("infra", new JsonObject().put("kafka", new JsonObject().put("bootstrap", broker.bootstrap())))
           .put("outbox", new JsonObject().put("max_backoff_seconds", 1)))) {
      ApiClient api = new ApiClient(web, node.httpPort());
      String venue = Bookings.venueOpenAllDay(api);
      String room = Bookings.room(api, venue, "R");

      broker.stop();
      List<String> ids = new ArrayList<>();
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String[] t = Bookings.table(api, room, "T" + i, 4, false);
        long t0 = System.nanoTime();
        String id = Bookings.hold(api, request(venue, t, day(40), "19:00", 0, 2)).getString("id");
        if (i % 3 != 0) {
          Bookings.done(api, id, "confirm");
        }
        if (i % 3 == 1) {
          Bookings.done(api, id, "seat");
        }
        if (i % 3 != 1 && i % 4 == 0) {
          Bookings.done(api, id, "cancel");
        }
        millis.add((System.nanoTime() - t0) / 1_000_000);
        ids.add(id);
      }
      long pending = BookingDb.number("SELECT count(*) FROM outbox WHERE status = 'pending' AND aggregate_id = ANY(?)", (Object) ids.toArray(new String[0]));
      assertTrue(pending > 0, "while Kafka is down the events wait in the outbox");
      // The relay waits for Kafka on a connection of its own: it never takes one from requests.
      assertEquals(1, BookingDb.number("SELECT count(*) FROM pg_stat_activity WHERE datname = 'booking' "
        + "AND application_name = 'booker-booking-relay'"), "the relay holds its own one connection, and only that");
      millis.sort(Long::compare);
      System.out.printf("bookings while Kafka was down: %d, median %d ms, max %d ms per booking and its transitions%n",
        millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1));

      broker.restart();
      Eventually.await("the outbox to drain", Duration.ofSeconds(60),
        () -> BookingDb.number("SELECT count(*) FROM outbox WHERE status <> 'sent' AND aggregate_id = ANY(?)", (Object) ids.toArray(new String[0])),
        n -> n == 0);
      Map<String, List<ConsumerRecord<String, String>>> events = consume(broker.bootstrap(), ids);
      for (String id : ids) {
        assertEventsMatchTheOutbox(id, events.getOrDefault(id, List.of()), false);
      }
    }
  }

  @Test
  void aRelayKilledMidBatchLosesNothingAndDuplicatesKeepTheirEventId() throws Exception {
    Path dir = Path.of("target", "testinfra", "events-crash-" + UUID.randomUUID());
    InfraEndpoints infra = TestInfra.endpoints();
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir).start()) {
      int http = TestNodes.freePort();
      Map<String, String> env = infra.toEnv();
      env.put("KAFKA_BROKERS", broker.bootstrap());
      env.put("PORT", Integer.toString(http));
      env.put("BOOKER_CONFIG", new JsonObject()
        .put("venue", new JsonObject().put("grpc_port", -1)).put("booking", new JsonObject().put("grpc_port", -1))
        .put("outbox", new JsonObject().put("batch_size", 40).put("poll_ms", 200).put("max_backoff_seconds", 1)).encode());
      List<String> ids = new ArrayList<>();
      try (NodeProcess doomed = NodeProcess.start("doomed", "conf/all-in-one.json", env, Path.of("target", "events-it", UUID.randomUUID().toString()))) {
        ApiClient api = new ApiClient(web, http);
        Eventually.await("the node to answer", Duration.ofSeconds(120), () -> api.get("/health/ready").statusCode(), s -> s == 200);
        String venue = Bookings.venueOpenAllDay(api);
        String room = Bookings.room(api, venue, "R");
        broker.stop();
        for (int i = 0; i < 60; i++) {
          String[] t = Bookings.table(api, room, "T" + i, 4, false);
          String id = Bookings.hold(api, request(venue, t, day(41), "19:00", 0, 2)).getString("id");
          Bookings.done(api, id, "confirm");
          ids.add(id);
        }
        String[] all = ids.toArray(new String[0]);
        broker.restart();
        // Kill the node while its relay is publishing: some events sent, others still pending.
        Eventually.await("the relay to be under way", Duration.ofSeconds(60),
          () -> BookingDb.number("SELECT count(*) FROM outbox WHERE status = 'sent' AND aggregate_id = ANY(?)", (Object) all), n -> n > 0);
        doomed.kill();
        long pendingAfterCrash = BookingDb.number("SELECT count(*) FROM outbox WHERE status = 'pending' AND aggregate_id = ANY(?)", (Object) all);
        System.out.println("events pending after the crash: " + pendingAfterCrash);
      }

      try (TestNodes.Started survivor = TestNodes.allInOne("eventbus", new JsonObject()
        .put("infra", new JsonObject().put("kafka", new JsonObject().put("bootstrap", broker.bootstrap()))))) {
        String[] all = ids.toArray(new String[0]);
        Eventually.await("another relay to finish the outbox", Duration.ofSeconds(60),
          () -> BookingDb.number("SELECT count(*) FROM outbox WHERE status <> 'sent' AND aggregate_id = ANY(?)", (Object) all), n -> n == 0);
        Map<String, List<ConsumerRecord<String, String>>> events = consume(broker.bootstrap(), ids);
        int duplicates = 0;
        for (String id : ids) {
          duplicates += assertEventsMatchTheOutbox(id, events.getOrDefault(id, List.of()), true);
        }
        System.out.println("events published twice because of the crash: " + duplicates);
      }
    }
  }

  /**
   * The booking's events on Kafka are exactly its outbox rows (by event id), each carrying the
   * booking's version in the header and the payload, in version order; answers how many records
   * were duplicates (only allowed when {@code crashed}).
   */
  static int assertEventsMatchTheOutbox(String bookingId, List<ConsumerRecord<String, String>> records, boolean crashed) {
    Map<String, Long> outbox = new HashMap<>();
    BookingDb.rows("SELECT event_id::text AS id, aggregate_version FROM outbox WHERE aggregate_id = ? ORDER BY id", bookingId)
      .forEach(r -> outbox.put((String) r.get("id"), ((Number) r.get("aggregate_version")).longValue()));
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    long lastVersion = 0;
    List<ConsumerRecord<String, String>> byTime = new ArrayList<>(records);
    byTime.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    for (ConsumerRecord<String, String> r : byTime) {
      String eventId = header(r, "event_id");
      JsonObject payload = new JsonObject(r.value());
      assertEquals(bookingId, r.key(), "keyed by booking id");
      assertEquals(r.topic(), header(r, "event_type"));
      assertEquals("booking", header(r, "source"));
      long version = Long.parseLong(header(r, "version"));
      assertEquals(String.valueOf(version), payload.getValue("version").toString(), "the header and the payload agree");
      assertEquals(outbox.get(eventId), version, "the event of the outbox row with that id");
      assertEquals(bookingId, payload.getString("booking_id"));
      assertNotNull(payload.getJsonObject("table"), "the full booking travels with the event");
      if (!seen.add(eventId)) {
        duplicates++;
        assertTrue(crashed, "an event arrives twice only after a crash: " + eventId);
        continue;
      }
      assertTrue(version > lastVersion, "versions of " + bookingId + " arrive in order: " + lastVersion + " then " + version);
      lastVersion = version;
    }
    assertEquals(outbox.keySet(), seen, "every committed change of " + bookingId + " reached Kafka");
    return duplicates;
  }

  /** Every record of the booking topics whose key is one of {@code bookingIds}, grouped by key. */
  static Map<String, List<ConsumerRecord<String, String>>> consume(String bootstrap, Collection<String> bookingIds) {
    var cfg = new HashMap<String, Object>(KafkaClients.consumerConfig(bootstrap, "events-it-" + UUID.randomUUID()));
    Map<String, List<ConsumerRecord<String, String>>> out = new HashMap<>();
    Set<String> wanted = new HashSet<>(bookingIds);
    long expected = BookingDb.number("SELECT count(*) FROM outbox WHERE aggregate_id = ANY(?)", (Object) bookingIds.toArray(new String[0]));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
      consumer.subscribe(TOPICS);
      long deadline = System.currentTimeMillis() + 60_000;
      long quietSince = System.currentTimeMillis();
      int count = 0;
      // Read until every expected event is there and nothing more came for two seconds.
      while (System.currentTimeMillis() < deadline && (count < expected || System.currentTimeMillis() - quietSince < 2000)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          if (wanted.contains(r.key())) {
            out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            count++;
            quietSince = System.currentTimeMillis();
          }
        }
      }
    }
    return out;
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value());
  }
}
