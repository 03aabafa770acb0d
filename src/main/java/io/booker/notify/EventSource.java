package io.booker.notify;

import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where notify's events come from: the records of the booking and venue topics, in order per
 * partition, with the position each partition has been handled up to (Kafka's consumer group in
 * production). {@link EventConsumer} polls, handles, commits what it finished and seeks back to
 * what it did not.
 */
public interface EventSource {

  /** Reads every topic whose name matches {@code topics}; failures outside any call go to {@code errors}. */
  Future<Void> subscribe(Pattern topics, Handler<Throwable> errors);

  /** The next records, waiting at most {@code timeout} for some; empty when none came. */
  Future<List<SourceRecord>> poll(Duration timeout);

  /** Records that each partition was handled up to (not including) its offset. */
  Future<Void> commit(Map<Partition, Long> nextOffsets);

  /** Makes the next polls read each partition from its offset again. */
  Future<Void> seek(Map<Partition, Long> offsets);

  /** Stops reading and lets the partitions go to the group's other members. */
  Future<Void> close();

  /** A partition of a topic. */
  record Partition(String topic, int partition) {
  }

  /** One record: where it is, its key (may be null), its value and its headers (the trace context). */
  record SourceRecord(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {

    public SourceRecord {
      headers = Map.copyOf(headers);
    }

    public Partition at() {
      return new Partition(topic, partition);
    }
  }
}
