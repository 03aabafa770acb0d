package io.booker.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The metrics the original Booker exported, under the same names and labels, recorded into the
 * node's Prometheus registry (Vert.x's own {@code vertx_*} metrics live beside them).
 * Counters are registered without the {@code _total} suffix; the Prometheus registry adds it.
 *
 * <p>Meters are looked up once per name and labels and then kept: registering one again on every
 * request (building its id, sorting its tags, finding it in the registry) costs more than counting.
 */
public final class Metrics {

  private static final MeterRegistry FALLBACK = new SimpleMeterRegistry();
  private static volatile Meters meters = new Meters(FALLBACK);
  private static final AtomicInteger OPEN_WEB_SOCKETS = new AtomicInteger();

  private Metrics() {
  }

  public static MeterRegistry registry() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return r != null ? r : FALLBACK;
  }

  public static void httpRequest(String method, String path, int status, long nanos) {
    String s = Integer.toString(status);
    counter("http_requests", "method", method, "path", path, "status", s).increment();
    timer("http_request_duration_seconds", "method", method, "path", path, "status", s).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An HTTP connection the edge closed because a request did not arrive in time; {@code reason} is one of a fixed few. */
  public static void httpConnectionDropped(String reason) {
    counter("http_connections_dropped", "reason", reason).increment();
  }

  /** A gRPC call answered with {@code status} (the gRPC status name); both meters carry it, as the seed's did. */
  public static void grpcServerCall(String service, String method, String status, long nanos) {
    counter("grpc_server_requests", "service", service, "method", method, "status", status).increment();
    timer("grpc_server_request_duration_seconds", "service", service, "method", method, "status", status)
      .record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void databaseQuery(String service, String operation, long nanos) {
    counter("database_queries", "service", service, "operation", operation).increment();
    timer("database_query_duration_seconds", "service", service, "operation", operation).record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void kafkaPublished(String service, String topic) {
    counter("kafka_messages_published", "service", service, "topic", topic).increment();
  }

  public static void kafkaPublishError(String service, String topic) {
    counter("kafka_publish_errors", "service", service, "topic", topic).increment();
  }

  /** An outbox event gave up after its last attempt and is now {@code dlq}: someone must look. */
  public static void outboxDeadLettered(String service, String topic) {
    counter("outbox_dead_lettered", "service", service, "topic", topic).increment();
  }

  /** Registers {@code websocket_connections_open}, so that a gateway shows 0 before its first socket. */
  public static void webSocketGauge() {
    // Registering an existing gauge again returns it: cheap enough for connections, which are rare next to requests.
    Gauge.builder("websocket_connections_open", OPEN_WEB_SOCKETS, AtomicInteger::get)
      .description("WebSocket connections open in this process").register(registry());
  }

  /** A live WebSocket opened (counted, and in the gauge of open ones). */
  public static void webSocketOpened() {
    webSocketGauge();
    OPEN_WEB_SOCKETS.incrementAndGet();
    counter("websocket_connections_opened").increment();
  }

  /**
   * The {@code code} label of a close a client chose: the standard codes (1000–1015) as they are,
   * {@code none} when the connection just dropped, {@code other} for anything else a client may send
   * (up to 4,000 codes would each make a series).
   */
  public static String clientCloseCode(Short code) {
    if (code == null) {
      return "none";
    }
    return code >= 1000 && code <= 1015 ? code.toString() : "other";
  }

  /** A live WebSocket closed with {@code code} (Booker's own close code, or {@link #clientCloseCode}). */
  public static void webSocketClosed(String code) {
    OPEN_WEB_SOCKETS.decrementAndGet();
    counter("websocket_connections_closed", "code", code).increment();
  }

  /**
   * A booking moved from {@code from} to {@code to} (wire names; {@code none} for a booking just
   * created). Both are statuses, so the series are at most 8 × 7.
   */
  public static void bookingTransition(String from, String to) {
    counter("booking_transitions", "from", from, "to", to).increment();
  }

  /** A hold was taken, or ended ({@code outcome}: taken, confirmed, cancelled, expired). */
  public static void bookingHold(String outcome) {
    counter("booking_holds", "outcome", outcome).increment();
  }

  /**
   * Registers a gauge of {@code state} read through {@code value} at each scrape; registering the
   * same name and tags again keeps the first one. The state is held strongly (Micrometer's default
   * is a weak reference, which would let a gauge of a short-lived holder read NaN).
   */
  public static <T> void gauge(String name, String description, T state, ToDoubleFunction<T> value, String... tags) {
    Gauge.builder(name, state, value).description(description).tags(tags).strongReference(true).register(registry());
  }

  /** Counts one occurrence of {@code name} ({@code _total} is added) with the given tag pairs. */
  public static void increment(String name, String... tags) {
    counter(name, tags).increment();
  }

  public static void redisOperation(String service, String operation, long nanos) {
    counter("redis_operations", "service", service, "operation", operation).increment();
    timer("redis_operation_duration_seconds", "service", service, "operation", operation).record(nanos, TimeUnit.NANOSECONDS);
  }

  private static Counter counter(String name, String... tags) {
    Meters m = current();
    return m.counters.computeIfAbsent(key(name, tags), k -> Counter.builder(name).tags(tags).register(m.registry));
  }

  private static Timer timer(String name, String... tags) {
    Meters m = current();
    return m.timers.computeIfAbsent(key(name, tags), k -> Timer.builder(name).tags(tags).publishPercentileHistogram().register(m.registry));
  }

  /** The meters of the node's registry; a new registry (another node in a test JVM) starts afresh. */
  private static Meters current() {
    MeterRegistry registry = registry();
    Meters m = meters;
    if (m.registry != registry) {
      m = new Meters(registry);
      meters = m;
    }
    return m;
  }

  private static String key(String name, String[] tags) {
    StringBuilder key = new StringBuilder(name);
    for (String tag : tags) {
      key.append('\u0000').append(tag);
    }
    return key.toString();
  }

  /** Meters registered in one registry, by name and tags. */
  private record Meters(MeterRegistry registry, Map<String, Counter> counters, Map<String, Timer> timers) {
    Meters(MeterRegistry registry) {
      this(registry, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }
}
