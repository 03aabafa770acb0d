package io.booker.notify;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.KafkaClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * Consumes booking and venue events from Kafka (consumer group {@code notify}) and publishes each on
 * the clustered event bus ({@value #EVENTS_ADDRESS}), where every gateway picks it up for its
 * WebSocket clients. Offsets are committed only after the events were handed on, at most every
 * {@code notify.commit_interval_ms} (500): a commit per record costs the broker a request each,
 * and a crash at worst hands the last half second on again (consumers are at-least-once anyway).
 */
public final class NotifyVerticle extends VerticleBase {

  public static final String EVENTS_ADDRESS = "booker.events";
  static final Pattern TOPICS = Pattern.compile("(booking|venue|table)\\..+");

  private static final Logger log = LoggerFactory.getLogger(NotifyVerticle.class);

  private KafkaConsumer<String, String> consumer;
  private boolean uncommitted;
  private long commitTimer = -1;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    String group = node.section("notify").getString("group_id", "notify");
    var cfg = KafkaClients.consumerConfig(node.kafkaBootstrap(), group);
    cfg.put("metadata.max.age.ms", "5000");
    consumer = KafkaConsumer.create(vertx, cfg);
    consumer.handler(this::forward);
    consumer.exceptionHandler(t -> log.warn("event=notify_consumer_error error={}", t.toString()));
    commitTimer = vertx.setPeriodic(node.section("notify").getLong("commit_interval_ms", 500L), id -> commit());
    return consumer.subscribe(TOPICS);
  }

  private void forward(KafkaConsumerRecord<String, String> record) {
    JsonObject event;
    try {
      event = new JsonObject(record.value());
    } catch (RuntimeException e) {
      log.warn("event=notify_bad_payload topic={} offset={}", record.topic(), record.offset());
      event = new JsonObject();
    }
    vertx.eventBus().publish(EVENTS_ADDRESS, new JsonObject()
      .put("topic", record.topic())
      .put("key", record.key())
      .put("event", event));
    uncommitted = true;
  }

  private Future<Void> commit() {
    if (!uncommitted) {
      return Future.succeededFuture();
    }
    uncommitted = false;
    return consumer.commit().onFailure(t -> {
      uncommitted = true;
      log.warn("event=notify_commit_failed error={}", t.toString());
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(commitTimer);
    return consumer == null ? Future.succeededFuture() : commit().transform(v -> consumer.close());
  }
}
