package io.booker.notify;

import io.booker.notify.EventSource.Partition;
import io.booker.notify.EventSource.SourceRecord;
import io.booker.notify.NotifyStore.Handled;
import io.booker.notify.NotifyStore.Outcome;
import io.booker.notify.NotifyStore.RecordPosition;
import io.booker.notify.domain.NotificationPlan;
import io.booker.notify.domain.NotificationPlanner;
import io.booker.platform.live.LiveEvents;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Notify's poll loop over every booking, venue and block topic ({@link EventSource}: Kafka). Each record is
 * read ({@link EventReader}) and handled in one database transaction ({@link NotifyStore#handle});
 * offsets are committed after the batch's records are written, so a crash only hands events on
 * again, which the event-id claim makes harmless. After an event commits, it is published to its
 * venue's live address ({@link LiveEvents}).
 *
 * <p>A record that cannot be read is poisoned: recorded, skipped, never retried. A database failure
 * is not the record's fault: the loop commits what it finished, seeks back to the first record it did
 * not, waits {@code retryBackoff} and polls again.
 */
final class EventConsumer {

  static final Pattern TOPICS = Pattern.compile("(booking|venue|table|block)\\..+");

  private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
  private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> MESSAGING_PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
  private static final AttributeKey<Long> MESSAGING_OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  private static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("booker.aggregate_id");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("booker.outcome");

  private final Vertx vertx;
  private final EventSource source;
  private final EventReader reader;
  private final NotifyStore store;
  private final NotificationPlanner planner;
  private final Runnable afterBatch;
  private final Duration pollTimeout;
  private final Duration retryBackoff;
  private final Promise<Void> stopped = Promise.promise();
  private volatile boolean stopping;
  private boolean looping;

  /** @param afterBatch runs after each batch that created something (the sender's kick) */
  EventConsumer(Vertx vertx, EventSource source, EventReader reader, NotifyStore store, NotificationPlanner planner,
                Runnable afterBatch, Duration pollTimeout, Duration retryBackoff) {
    this.vertx = vertx;
    this.source = source;
    this.reader = reader;
    this.store = store;
    this.planner = planner;
    this.afterBatch = afterBatch;
    this.pollTimeout = pollTimeout;
    this.retryBackoff = retryBackoff;
  }

  Future<Void> start() {
    return source.subscribe(TOPICS, t -> log.warn("event=notify_consumer_error error={}", t.toString())).onSuccess(v -> {
      looping = true;
      loop();
    });
  }

  /** Stops polling; completes once the batch in hand is finished and the source closed. */
  Future<Void> stop() {
    stopping = true;
    if (!looping) {
      stopped.tryComplete();
    }
    return stopped.future().transform(v -> source.close());
  }

  private void loop() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    source.poll(pollTimeout).onComplete(ar -> {
      if (ar.failed()) {
        log.warn("event=notify_poll_failed error={}", ar.cause().toString());
        later();
      } else if (ar.result().isEmpty()) {
        loop();
      } else {
        handleBatch(ar.result());
      }
    });
  }

  private void later() {
    if (stopping) {
      stopped.tryComplete();
    } else {
      vertx.setTimer(retryBackoff.toMillis(), id -> loop());
    }
  }

  private void handleBatch(List<SourceRecord> records) {
    Map<Partition, Long> done = new HashMap<>();
    handleFrom(records, 0, done, 0).onComplete(ar -> {
      if (ar.succeeded()) {
        commit(done).onComplete(c -> {
          if (ar.result() > 0) {
            afterBatch.run();
          }
          loop();
        });
        return;
      }
      log.warn("event=notify_batch_failed error={} backoff_ms={}", ar.cause().toString(), retryBackoff.toMillis());
      Metrics.increment("notify_batch_failures");
      commit(done).transform(c -> seekBack(records, done)).onComplete(s -> later());
    });
  }

  /** Handles records from index {@code i} on, one after the other; answers how many notifications they created. */
  private Future<Integer> handleFrom(List<SourceRecord> records, int i, Map<Partition, Long> done, int created) {
    if (i >= records.size() || stopping && i > 0) {
      return Future.succeededFuture(created);
    }
    SourceRecord record = records.get(i);
    return handle(record).compose(n -> {
      done.put(record.at(), record.offset() + 1);
      return handleFrom(records, i + 1, done, created + n);
    });
  }

  /**
   * Handles one record; when the node traces, in a consumer span that continues the trace of the
   * record's {@code traceparent} header (the booking's request), so its SQL and live publish join it.
   */
  private Future<Integer> handle(SourceRecord record) {
    if (!Tracing.enabled(vertx)) {
      return handleRecord(record);
    }
    SpanBuilder span = Tracing.tracer(vertx).spanBuilder("notify.handle " + record.topic())
      .setSpanKind(SpanKind.CONSUMER)
      .setParent(Tracing.fromHeaders(vertx, record.headers()))
      .setAttribute(MESSAGING_SYSTEM, "kafka")
      .setAttribute(MESSAGING_DESTINATION, record.topic())
      .setAttribute(MESSAGING_PARTITION, String.valueOf(record.partition()))
      .setAttribute(MESSAGING_OFFSET, record.offset());
    if (record.key() != null) {
      span.setAttribute(AGGREGATE_ID, record.key());
    }
    return Tracing.inSpan(vertx, span, () -> handleRecord(record));
  }

  private Future<Integer> handleRecord(SourceRecord record) {
    RecordPosition position = new RecordPosition(record.topic(), record.partition(), record.offset());
    ParsedEvent event;
    try {
      event = reader.read(record.topic(), record.value(), Instant.now());
    } catch (RuntimeException unreadable) {
      log.warn("event=notify_poisoned_event topic={} partition={} offset={} error={}",
        record.topic(), record.partition(), record.offset(), unreadable.getMessage());
      Metrics.increment("notify_events", "outcome", "poisoned");
      return store.poison(position, record.key(), String.valueOf(unreadable.getMessage()), record.value()).map(0);
    }
    Span span = Tracing.currentSpan();
    span.setAttribute(TraceAttributes.EVENT_ID, String.valueOf(event.eventId()));
    span.setAttribute(TraceAttributes.EVENT_TYPE, event.eventType());
    if (event.venueId() != null) {
      span.setAttribute(TraceAttributes.VENUE_ID, event.venueId().toString());
    }
    if (event.booking() != null) {
      span.setAttribute(TraceAttributes.BOOKING_ID, String.valueOf(event.booking().bookingId()));
      span.setAttribute(TraceAttributes.BOOKING_STATUS, String.valueOf(event.booking().status()));
    }
    NotificationPlan plan = event.booking() == null ? null : planner.plan(event.booking(), Instant.now());
    return store.handle(event, position, plan).map(handled -> {
      Metrics.increment("notify_events", "outcome", handled.outcome().name().toLowerCase());
      span.setAttribute(OUTCOME, handled.outcome().name().toLowerCase());
      log.debug("event=notify_event_handled event_id={} type={} venue_id={} outcome={} notifications={}",
        event.eventId(), event.eventType(), event.venueId(), handled.outcome(), handled.notifications());
      if (handled.outcome() == Outcome.APPLIED) {
        publish(event, handled);
      }
      return handled.notifications();
    });
  }

  private void publish(ParsedEvent event, Handled handled) {
    vertx.eventBus().publish(LiveEvents.address(event.venueId().toString()),
      new JsonObject().put(LiveEvents.SEQ, handled.seq()).put(LiveEvents.EVENT, event.message()));
  }

  private Future<Void> commit(Map<Partition, Long> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    return source.commit(done)
      .onFailure(t -> log.warn("event=notify_commit_failed error={}", t.toString()));
  }

  /** Points each partition of the batch back at its first record that was not handled. */
  private Future<Void> seekBack(List<SourceRecord> records, Map<Partition, Long> done) {
    Map<Partition, Long> first = new HashMap<>();
    for (SourceRecord r : records) {
      Long handled = done.get(r.at());
      if (handled == null || r.offset() >= handled) {
        first.merge(r.at(), r.offset(), Math::min);
      }
    }
    return source.seek(first);
  }
}
