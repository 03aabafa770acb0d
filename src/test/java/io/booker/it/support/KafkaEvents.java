package io.booker.it.support;

import io.booker.platform.kafka.KafkaClients;
import io.booker.testinfra.TestInfra;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Waits for the events the services publish: each wait reads {@code topic} with a consumer group
 * of its own and keeps the records with the given key (the venue id), in topic order, for 30 s at most.
 */
public final class KafkaEvents {

  private KafkaEvents() {
  }

  /** The first record on {@code topic} with this key. */
  public static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
    List<ConsumerRecord<String, String>> found = poll(topic, key, records -> !records.isEmpty());
    return found.isEmpty() ? fail("no " + topic + " event with key " + key + " within 30 s") : found.get(0);
  }

  /** The first {@code n} records on {@code topic} with this key; fails unless there are exactly {@code n}. */
  public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int n) {
    List<ConsumerRecord<String, String>> found = poll(topic, key, records -> records.size() >= n);
    assertEquals(n, found.size(), () -> "events on " + topic + " with key " + key + ": " + values(found));
    return found;
  }

  /** As {@link #awaitRecords}, the payloads only. */
  public static List<JsonObject> awaitEvents(String topic, String key, int n) {
    return awaitRecords(topic, key, n).stream().map(r -> new JsonObject(r.value())).toList();
  }

  /** The payload of the first event on {@code topic} with this key that matches. */
  public static JsonObject awaitEvent(String topic, String key, Predicate<JsonObject> match) {
    List<ConsumerRecord<String, String>> found = poll(topic, key,
      records -> records.stream().anyMatch(r -> match.test(new JsonObject(r.value()))));
    return found.stream().map(r -> new JsonObject(r.value())).filter(match).findFirst()
      .orElseGet(() -> fail("no matching " + topic + " event with key " + key + " within 30 s; seen: " + values(found)));
  }

  /** The records with this key, polled until {@code enough} holds for them or 30 s have passed. */
  private static List<ConsumerRecord<String, String>> poll(String topic, String key, Predicate<List<ConsumerRecord<String, String>>> enough) {
    var cfg = new HashMap<String, Object>(KafkaClients.consumerConfig(TestInfra.endpoints().kafkaBootstrap(), "it-" + UUID.randomUUID()));
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && !enough.test(found)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
          if (key.equals(r.key())) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }

  private static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }
}
