package io.booker.platform.kafka;

import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.OffsetSpec;
import io.vertx.kafka.client.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lag of a consumer group by topic, {@code kafka_consumer_lag_records{group,topic}}: for every
 * partition the group has committed on, the partition's end offset minus the committed offset,
 * summed by topic. Read from the broker with an admin client of its own, two requests every
 * {@code refreshMs}, so it stays true while the consumer itself is stuck or slow (a consumer's own
 * fetch metrics stop moving exactly then). Every member of the group reports the whole group's lag:
 * take the {@code max} over nodes, never the sum.
 */
public final class ConsumerLag {

  private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

  /** Last lag read, by group and topic: shared by every consumer of the process. */
  private static final Map<String, Value> LAGS = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final String bootstrap;
  private final String group;
  private final long refreshMs;
  private KafkaAdminClient admin;
  private long timerId = -1;
  private boolean failing;
  /** A read under way: the timer skips its turn rather than pile requests on a slow broker. */
  private Future<Map<String, Long>> reading;

  public ConsumerLag(Vertx vertx, String bootstrap, String group, long refreshMs) {
    if (refreshMs < 100) {
      throw new IllegalArgumentException("the consumer lag refresh period must be at least 100 ms, not " + refreshMs);
    }
    this.vertx = vertx;
    this.bootstrap = bootstrap;
    this.group = group;
    this.refreshMs = refreshMs;
  }

  public void start() {
    Map<String, String> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("client.id", "lag-" + group);
    config.put("reconnect.backoff.max.ms", "1000");
    config.put("request.timeout.ms", "5000");
    config.put("default.api.timeout.ms", "5000");
    admin = KafkaAdminClient.create(vertx, config);
    refresh();
    timerId = vertx.setPeriodic(refreshMs, id -> refresh());
  }

  public Future<Void> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return admin == null ? Future.succeededFuture() : admin.close();
  }

  /**
   * Reads the group's committed and end offsets once into the gauges (or joins the read under way);
   * on failure they keep their last values.
   */
  public Future<Map<String, Long>> refresh() {
    if (reading != null) {
      return reading;
    }
    Future<Map<String, Long>> read = read();
    reading = read;
    return read.andThen(ar -> reading = null);
  }

  private Future<Map<String, Long>> read() {
    return admin.listConsumerGroupOffsets(group).compose(committed -> {
      Map<TopicPartition, Long> at = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.forEach((tp, offset) -> {
        at.put(tp, offset.getOffset());
        latest.put(tp, OffsetSpec.LATEST);
      });
      if (latest.isEmpty()) {
        return Future.succeededFuture(Map.<String, Long>of());
      }
      return admin.listOffsets(latest).map(ends -> {
        Map<TopicPartition, Long> end = new HashMap<>();
        ends.forEach((tp, info) -> end.put(tp, info.getOffset()));
        return byTopic(at, end);
      });
    }).onSuccess(lags -> {
      publish(lags);
      if (failing) {
        failing = false;
        log.info("event=consumer_lag_read group={}", group);
      }
    }).onFailure(t -> {
      if (!failing) {
        failing = true;
        log.warn("event=consumer_lag_unread group={} error={}", group, t.toString());
      }
    });
  }

  private void publish(Map<String, Long> lags) {
    String prefix = group + '\u0000';
    // A topic the group no longer has offsets on lags by nothing.
    LAGS.forEach((key, value) -> {
      if (key.startsWith(prefix) && !lags.containsKey(key.substring(prefix.length()))) {
        value.set(0);
      }
    });
    lags.forEach((topic, lag) -> {
      Value v = LAGS.computeIfAbsent(prefix + topic, k -> new Value());
      v.set(lag);
      // Registering is idempotent per registry, and a node started after another in the same JVM has a
      // registry of its own: register with the one in use now, every time (one lookup per topic and refresh).
      Metrics.gauge("kafka_consumer_lag_records", "Records of a topic not yet consumed (committed) by a consumer group",
        v, Value::get, "group", group, "topic", topic);
    });
  }

  /**
   * The lag of each topic: over its partitions with a committed offset, the end offset minus the
   * committed one (never below 0: an end offset read before the commit can be older). A partition
   * whose end offset is unknown counts nothing.
   */
  static Map<String, Long> byTopic(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    Map<String, Long> lags = new TreeMap<>();
    committed.forEach((tp, offset) -> {
      Long end = ends.get(tp);
      long lag = end == null || offset == null ? 0 : Math.max(0, end - offset);
      lags.merge(tp.getTopic(), lag, Long::sum);
    });
    return lags;
  }

  /** One gauge's value. */
  private static final class Value {
    private volatile double value;

    void set(double v) {
      value = v;
    }

    double get() {
      return value;
    }
  }
}
