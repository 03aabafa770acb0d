package io.booker.platform.outbox;

import io.booker.platform.metrics.Metrics;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;


/**
 * Publishes a service's outbox to Kafka. Runs on a periodic timer and, so that latency is not the
 * polling period, immediately when a transaction that wrote events has committed ({@link #kick()}).
 *
 * <p>A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and its rows stay locked until they are
 * marked, so any number of relays (verticle instances, nodes) can run at once and a row is
 * published by one of them only. A batch holds at most one event per aggregate (its oldest
 * pending one), so each aggregate's events reach Kafka in the order they were written. Failed rows are retried with exponential back-off and end as
 * {@code dlq} after {@code max_attempts}. Delivery is at-least-once (a crash between the Kafka ack
 * and the commit republishes); consumers de-duplicate on the {@code event_id} header.
 *
 * <p>An event written while a call was traced keeps that call's W3C {@code traceparent}; its publish
 * runs in a span of that trace, and the record carries the trace on in its {@code traceparent} header.
 */
public final class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("booker.aggregate_id");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("booker.attempt");

  /**
   * The oldest pending event of each aggregate, oldest first. Taking only an aggregate's head keeps
   * its events in order on Kafka even with many relays and retries: the next event of a booking
   * cannot be claimed while an earlier one is pending (locked by another relay, or waiting out
   * its back-off).
   */
  private static final String CLAIM =
    "SELECT o.id, o.event_id, o.topic, o.aggregate_id, o.event_type, o.payload, o.attempts, o.aggregate_version, o.traceparent FROM outbox o "
      + "WHERE o.status = 'pending' AND o.next_attempt_at <= now() "
      + "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.aggregate_id = o.aggregate_id AND e.status = 'pending' AND e.id < o.id) "
      + "ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED";
  private static final String MARK_SENT =
    "UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)";
  private static final String MARK_FAILED =
    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, "
      + "next_attempt_at = now() + make_interval(secs => $3), "
      + "status = CASE WHEN attempts + 1 >= $4 THEN 'dlq' ELSE 'pending' END WHERE id = $1";

  private final Vertx vertx;
  private final Pool pool;
  private final KafkaProducer<String, String> producer;
  private final String service;
  private final int batchSize;
  private final long pollMs;
  private final int maxAttempts;
  private final long maxBackoffSeconds;

  private long timerId = -1;
  private boolean running;
  private boolean again;
  private boolean stopped;
  private Promise<Void> whenIdle;

  public OutboxRelay(Vertx vertx, Pool pool, KafkaProducer<String, String> producer, String service, JsonObject config) {
    this.vertx = vertx;
    this.pool = pool;
    this.producer = producer;
    this.service = service;
    this.batchSize = config.getInteger("batch_size", 100);
    this.pollMs = config.getLong("poll_ms", 1000L);
    this.maxAttempts = config.getInteger("max_attempts", 20);
    this.maxBackoffSeconds = config.getLong("max_backoff_seconds", 60L);
  }

  public void start() {
    timerId = vertx.setPeriodic(pollMs, id -> kick());
    kick();
  }

  /** Stops the timer; completes once a run in progress has finished (so its pool can close). */
  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(v -> {
      stopped = true;
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
      }
      if (running) {
        whenIdle = done;
      } else {
        done.complete();
      }
    });
    return done.future();
  }

  /** Runs the relay now (or once more right after the current run). Safe to call from any thread. */
  public void kick() {
    vertx.runOnContext(v -> {
      if (stopped) {
        return;
      }
      if (running) {
        again = true;
        return;
      }
      running = true;
      drain();
    });
  }

  private void drain() {
    runOnce().onComplete(ar -> {
      if (ar.failed()) {
        log.warn("event=outbox_relay_failed service={} error={}", service, ar.cause().toString());
      }
      // Go on while events get through; failed ones wait out their back-off before the next try.
      boolean more = (ar.succeeded() && ar.result() > 0) || again;
      again = false;
      if (more && !stopped) {
        drain();
      } else {
        running = false;
        if (whenIdle != null) {
          whenIdle.tryComplete();
        }
      }
    });
  }

  /** Claims and publishes one batch; the result is how many events were published (and marked sent). */
  public Future<Integer> runOnce() {
    // database_queries_total{operation="outbox_relay_batch"}: the claim, the sends and the marks, as one transaction.
    return io.booker.platform.pg.Sql.timed(service, "outbox_relay_batch", () -> pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(batchSize)).compose(rows -> {
      List<Row> claimed = new ArrayList<>();
      rows.forEach(claimed::add);
      if (claimed.isEmpty()) {
        return Future.succeededFuture(0);
      }
      List<Future<Void>> sends = new ArrayList<>();
      for (Row row : claimed) {
        sends.add(publish(row));
      }
      return Future.join(sends).transform(ignored -> record(conn, claimed, sends))
        .map(v -> (int) sends.stream().filter(Future::succeeded).count());
    })));
  }

  private Future<Void> publish(Row row) {
    String topic = row.getString("topic");
    KafkaProducerRecord<String, String> record = KafkaProducerRecord.create(topic, row.getString("aggregate_id"), row.getString("payload"));
    record.addHeader("event_id", row.getUUID("event_id").toString());
    record.addHeader("event_type", row.getString("event_type"));
    record.addHeader("source", service);
    Long version = row.getLong("aggregate_version");
    if (version != null) {
      record.addHeader("version", Long.toString(version));
    }
    String traceparent = row.getString("traceparent");
    if (traceparent == null) {
      return send(topic, record);
    }
    // The publish continues the trace of the call that wrote the event (a child of its context, and
    // linked to it); Vert.x's Kafka tracing adds the send span and the record's W3C headers inside it.
    io.opentelemetry.context.Context origin = Tracing.fromTraceparent(traceparent);
    SpanBuilder span = Tracing.tracer(vertx).spanBuilder("outbox.publish " + topic)
      .setSpanKind(SpanKind.INTERNAL)
      .setParent(origin)
      .addLink(Span.fromContext(origin).getSpanContext())
      .setAttribute(MESSAGING_DESTINATION, topic)
      .setAttribute(TraceAttributes.EVENT_ID, row.getUUID("event_id").toString())
      .setAttribute(TraceAttributes.EVENT_TYPE, row.getString("event_type"))
      .setAttribute(AGGREGATE_ID, row.getString("aggregate_id"))
      .setAttribute(ATTEMPT, row.getInteger("attempts") + 1L);
    return Tracing.inSpan(vertx, span, () -> send(topic, record));
  }

  private Future<Void> send(String topic, KafkaProducerRecord<String, String> record) {
    return producer.send(record)
      .onSuccess(md -> Metrics.kafkaPublished(service, topic))
      .onFailure(t -> Metrics.kafkaPublishError(service, topic))
      .mapEmpty();
  }

  private Future<Void> record(SqlConnection conn, List<Row> claimed, List<Future<Void>> sends) {
    List<Long> sent = new ArrayList<>();
    List<Tuple> failed = new ArrayList<>();
    for (int i = 0; i < claimed.size(); i++) {
      Row row = claimed.get(i);
      Future<Void> send = sends.get(i);
      if (send.succeeded()) {
        sent.add(row.getLong("id"));
      } else {
        int attempts = row.getInteger("attempts") + 1;
        long backoff = Math.min(maxBackoffSeconds, 1L << Math.min(attempts - 1, 20));
        failed.add(Tuple.of(row.getLong("id"), String.valueOf(send.cause()), (double) backoff, maxAttempts));
        if (attempts >= maxAttempts) {
          Metrics.outboxDeadLettered(service, row.getString("topic"));
          // Logged in the trace of the request that wrote the event: its trace id leads there.
          Tracing.runIn(Tracing.fromTraceparent(row.getString("traceparent")), () ->
            log.error("event=outbox_dead_letter service={} event_id={} topic={} attempts={} error={}",
              service, row.getUUID("event_id"), row.getString("topic"), attempts, send.cause().toString()));
        }
      }
    }
    Future<?> marked = sent.isEmpty() ? Future.succeededFuture()
      : conn.preparedQuery(MARK_SENT).execute(Tuple.of(sent.toArray(new Long[0])));
    return marked.compose(v -> failed.isEmpty() ? Future.succeededFuture()
      : conn.preparedQuery(MARK_FAILED).executeBatch(failed)).mapEmpty();
  }

}
