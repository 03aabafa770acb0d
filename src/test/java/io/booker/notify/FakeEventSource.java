package io.booker.notify;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A topic log in memory, read the way a Kafka consumer reads it: each partition from its position,
 * records in the order they were appended; a poll advances the positions past what it returned,
 * {@link #seek} moves them back. A poll with nothing to read answers an empty batch after a short
 * wait, as a real poll does at its timeout. Every commit and seek is recorded.
 */
final class FakeEventSource implements EventSource {

  /** Something a poll, commit or seek did, with when (System.nanoTime()). */
  record Call(String what, Map<Partition, Long> offsets, long atNanos) {
  }

  private final Vertx vertx;
  private final List<SourceRecord> log = new CopyOnWriteArrayList<>();
  private final Map<Partition, Long> positions = new HashMap<>();
  final List<Map<Partition, Long>> commits = new CopyOnWriteArrayList<>();
  final List<Map<Partition, Long>> seeks = new CopyOnWriteArrayList<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** How many of the next polls fail (the broker out of reach). */
  final AtomicInteger failingPolls = new AtomicInteger();
  volatile Pattern subscribedTo;
  volatile Handler<Throwable> errors;
  volatile boolean closed;

  FakeEventSource(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Appends a record at the end of its partition; answers its offset. */
  synchronized long append(String topic, int partition, String key, String value) {
    long offset = log.stream().filter(r -> r.topic().equals(topic) && r.partition() == partition).count();
    log.add(new SourceRecord(topic, partition, offset, key, value, Map.of()));
    return offset;
  }

  @Override
  public Future<Void> subscribe(Pattern topics, Handler<Throwable> errors) {
    this.subscribedTo = topics;
    this.errors = errors;
    return Future.succeededFuture();
  }

  @Override
  public Future<List<SourceRecord>> poll(Duration timeout) {
    calls.add(new Call("poll", Map.of(), System.nanoTime()));
    if (closed) {
      return Future.failedFuture(new IllegalStateException("the source is closed"));
    }
    if (failingPolls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Future.failedFuture(new IllegalStateException("broker out of reach"));
    }
    List<SourceRecord> batch = next();
    if (batch.isEmpty()) {
      return vertx.timer(Math.min(timeout.toMillis(), 10)).map(List.of());
    }
    return Future.succeededFuture(batch);
  }

  private synchronized List<SourceRecord> next() {
    List<SourceRecord> batch = new ArrayList<>();
    for (SourceRecord r : log) {
      if (r.offset() >= positions.getOrDefault(r.at(), 0L)) {
        batch.add(r);
      }
    }
    for (SourceRecord r : batch) {
      positions.put(r.at(), r.offset() + 1);
    }
    return batch;
  }

  @Override
  public Future<Void> commit(Map<Partition, Long> nextOffsets) {
    commits.add(Map.copyOf(nextOffsets));
    calls.add(new Call("commit", Map.copyOf(nextOffsets), System.nanoTime()));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> seek(Map<Partition, Long> offsets) {
    seeks.add(Map.copyOf(offsets));
    calls.add(new Call("seek", Map.copyOf(offsets), System.nanoTime()));
    positions.putAll(offsets);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }

  /** The partition positions committed so far, the latest commit of each partition winning. */
  Map<Partition, Long> committed() {
    Map<Partition, Long> out = new LinkedHashMap<>();
    commits.forEach(out::putAll);
    return out;
  }
}
