package io.booker.platform.kafka;

import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/** Kafka client settings shared by every service. */
public final class KafkaClients {

  private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

  private KafkaClients() {
  }

  /**
   * An idempotent producer that gives up quickly when the broker is away: the outbox keeps the
   * event and retries, so blocking for minutes would only hold row locks longer.
   */
  public static KafkaProducer<String, String> producer(Vertx vertx, String bootstrap, String clientId) {
    Map<String, String> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("client.id", clientId);
    config.put("key.serializer", StringSerializer.class.getName());
    config.put("value.serializer", StringSerializer.class.getName());
    config.put("acks", "all");
    config.put("enable.idempotence", "true");
    config.put("linger.ms", "5");
    config.put("max.block.ms", "3000");
    config.put("request.timeout.ms", "3000");
    config.put("delivery.timeout.ms", "8000");
    config.put("reconnect.backoff.max.ms", "1000");
    KafkaProducer<String, String> producer = KafkaProducer.createShared(vertx, clientId, config);
    // A failed send also fails its own future, where the outbox relay counts, logs and retries it;
    // without a handler here Vert.x would log each one again as an unhandled exception.
    producer.exceptionHandler(t -> log.debug("event=kafka_producer_error client={} error={}", clientId, t.toString()));
    return producer;
  }

  public static Map<String, String> consumerConfig(String bootstrap, String groupId) {
    Map<String, String> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("group.id", groupId);
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    config.put("auto.offset.reset", "earliest");
    config.put("enable.auto.commit", "false");
    config.put("reconnect.backoff.max.ms", "1000");
    return config;
  }
}
