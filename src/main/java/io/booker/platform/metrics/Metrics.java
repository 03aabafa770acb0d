package io.booker.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.concurrent.TimeUnit;

/**
 * The metrics the original Booker exported, under the same names and labels, recorded into the
 * node's Prometheus registry (Vert.x's own {@code vertx_*} metrics live beside them).
 * Counters are registered without the {@code _total} suffix; the Prometheus registry adds it.
 */
public final class Metrics {

  private static final MeterRegistry FALLBACK = new SimpleMeterRegistry();

  private Metrics() {
  }

  public static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : FALLBACK;
  }

  public static void httpRequest(String method, String path, int status, long nanos) {
    String s = Integer.toString(status);
    Counter.builder("http_requests").tag("method", method).tag("path", path).tag("status", s)
      .register(registry()).increment();
    Timer.builder("http_request_duration_seconds").tag("method", method).tag("path", path).tag("status", s)
      .publishPercentileHistogram().register(registry()).record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void grpcServerCall(String service, String method, String status, long nanos) {
    Counter.builder("grpc_server_requests").tag("service", service).tag("method", method).tag("status", status)
      .register(registry()).increment();
    Timer.builder("grpc_server_request_duration_seconds").tag("service", service).tag("method", method)
      .publishPercentileHistogram().register(registry()).record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void databaseQuery(String service, String operation, long nanos) {
    Counter.builder("database_queries").tag("service", service).tag("operation", operation)
      .register(registry()).increment();
    Timer.builder("database_query_duration_seconds").tag("service", service).tag("operation", operation)
      .publishPercentileHistogram().register(registry()).record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void kafkaPublished(String service, String topic) {
    Counter.builder("kafka_messages_published").tag("service", service).tag("topic", topic)
      .register(registry()).increment();
  }

  public static void kafkaPublishError(String service, String topic) {
    Counter.builder("kafka_publish_errors").tag("service", service).tag("topic", topic)
      .register(registry()).increment();
  }

  /** An outbox event gave up after its last attempt and is now {@code dlq}: someone must look. */
  public static void outboxDeadLettered(String service, String topic) {
    Counter.builder("outbox_dead_lettered").tag("service", service).tag("topic", topic)
      .register(registry()).increment();
  }

  /** Counts one occurrence of {@code name} ({@code _total} is added) with the given tag pairs. */
  public static void increment(String name, String... tags) {
    Counter.builder(name).tags(tags).register(registry()).increment();
  }

  public static void redisOperation(String service, String operation, long nanos) {
    Counter.builder("redis_operations").tag("service", service).tag("operation", operation)
      .register(registry()).increment();
    Timer.builder("redis_operation_duration_seconds").tag("service", service).tag("operation", operation)
      .publishPercentileHistogram().register(registry()).record(nanos, TimeUnit.NANOSECONDS);
  }
}
