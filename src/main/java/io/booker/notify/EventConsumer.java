package io.booker.notify;

import io.booker.notify.NotifyStore.Handled;
import io.booker.notify.NotifyStore.Outcome;
import io.booker.notify.NotifyStore.RecordPosition;
import io.booker.notify.adapter.EventParser;
import io.booker.notify.adapter.ParsedEvent;
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
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Notify's Kafka poll loop over every booking and venue topic. Each record is handled in one
 * database transaction ({@link NotifyStore#handle}); offsets are committed after the batch's records
 * are written, so a crash only hands events on again, which the event-id claim makes harmless. After
 * an event commits, it is published to its venue's live address ({@link LiveEvents}).
 *
 * <p>A record that cannot be read is poisoned: recorded, skipped, never retried. A database failure
 * is not the record's fault: the loop commits what it finished, seeks back to the first record it did
 * not, waits {@code retryBackoff} and polls again.
 */
final class EventConsumer {

  static final Pattern TOPICS = Pattern.compile("(booking|venue|table)\\..+");

  private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
  private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> MESSAGING_PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
  private static final AttributeKey<Long> MESSAGING_OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  private static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("booker.aggregate_id");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("booker.outcome");

  private final Vertx vertx;
  private final KafkaConsumer<String, String> consumer;
  private final NotifyStore store;
  private final NotificationPlanner planner;
  private final Runnable afterBatch;
  private final Duration pollTimeout;
  private final Duration retryBackoff;
  private final Promise<Void> stopped = Promise.promise();
  private volatile boolean stopping;
  private boolean looping;

  /** @param afterBatch runs after each batch that created something (the sender's kick) */
  EventConsumer(Vertx vertx, KafkaConsumer<String, String> consumer, NotifyStore store, NotificationPlanner planner,
                Runnable afterBatch, Duration pollTimeout, Duration retryBackoff) {
    this.vertx = vertx;
    this.consumer = consumer;
    this.store = store;
    this.planner = planner;
    this.afterBatch = afterBatch;
    this.pollTimeout = pollTimeout;
    this.retryBackoff = retryBackoff;
  }

  Future<Void> start() {
    consumer.exceptionHandler(t -> log.warn("event=notify_consumer_error error={}", t.toString()));
    return consumer.subscribe(TOPICS).onSuccess(v -> {
      looping = true;
      loop();
    });
  }

  /** Stops polling; completes once the batch in hand is finished and the consumer closed. */
  Future<Void> stop() {
    stopping = true;
    if (!looping) {
      stopped.tryComplete();
    }
    return stopped.future().transform(v -> consumer.close());
  }

  private void loop() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    consumer.poll(pollTimeout).onComplete(ar -> {
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

  private void handleBatch(KafkaConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
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
  private Future<Integer> handleFrom(KafkaConsumerRecords<String, String> records, int i, Map<TopicPartition, OffsetAndMetadata> done,
                                     int created) {
    if (i >= records.size() || stopping && i > 0) {
      return Future.succeededFuture(created);
    }
    KafkaConsumerRecord<String, String> record = records.recordAt(i);
    return handle(record).compose(n -> {
      done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1, ""));
      return handleFrom(records, i + 1, done, created + n);
    });
  }

  /**
   * Handles one record; when the node traces, in a consumer span that continues the trace of the
   * record's {@code traceparent} header (the booking's request), so its SQL and live publish join it.
   */
  private Future<Integer> handle(KafkaConsumerRecord<String, String> record) {
    if (!Tracing.enabled(vertx)) {
      return handleRecord(record);
    }
    Map<String, String> headers = new HashMap<>();
    for (KafkaHeader h : record.headers()) {
      headers.put(h.key(), h.value().toString());
    }
    SpanBuilder span = Tracing.tracer(vertx).spanBuilder("notify.handle " + record.topic())
      .setSpanKind(SpanKind.CONSUMER)
      .setParent(Tracing.fromHeaders(vertx, headers))
      .setAttribute(MESSAGING_SYSTEM, "kafka")
      .setAttribute(MESSAGING_DESTINATION, record.topic())
      .setAttribute(MESSAGING_PARTITION, String.valueOf(record.partition()))
      .setAttribute(MESSAGING_OFFSET, record.offset());
    if (record.key() != null) {
      span.setAttribute(AGGREGATE_ID, record.key());
    }
    return Tracing.inSpan(vertx, span, () -> handleRecord(record));
  }

  private Future<Integer> handleRecord(KafkaConsumerRecord<String, String> record) {
    RecordPosition position = new RecordPosition(record.topic(), record.partition(), record.offset());
    ParsedEvent event;
    try {
      event = EventParser.parse(record.topic(), record.value(), Instant.now());
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

  private Future<Void> commit(Map<TopicPartition, OffsetAndMetadata> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    return consumer.commit(done).<Void>mapEmpty()
      .onFailure(t -> log.warn("event=notify_commit_failed error={}", t.toString()));
  }

  /** Points each partition of the batch back at its first record that was not handled. */
  private Future<Void> seekBack(KafkaConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> done) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      OffsetAndMetadata handled = done.get(tp);
      if (handled == null || r.offset() >= handled.getOffset()) {
        first.merge(tp, r.offset(), Math::min);
      }
    }
    return Future.join(first.entrySet().stream().map(e -> consumer.seek(e.getKey(), e.getValue())).toList()).mapEmpty();
  }
}
