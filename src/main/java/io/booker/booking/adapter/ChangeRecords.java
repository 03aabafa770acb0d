package io.booker.booking.adapter;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.tracing.Tracing;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/** The parameters of {@link BookingSql#changes}: audit rows, outbox events, and the idempotency answer. */
final class ChangeRecords {

  private ChangeRecords() {
  }

  /**
   * Appends the parameters for {@code changes} to {@code t}.
   *
   * @param key the caller's idempotency key, or null
   * @param answer what the write answers (stored with the key)
   */
  static Tuple append(Tuple t, List<BookingChange> changes, IdempotencyKey key, Booking answer) {
    int n = changes.size();
    UUID[] bookingIds = new UUID[n];
    String[] types = new String[n];
    String[] actors = new String[n];
    String[] from = new String[n];
    String[] to = new String[n];
    Long[] versions = new Long[n];
    String[] audit = new String[n];
    UUID[] eventIds = new UUID[n];
    String[] topics = new String[n];
    String[] keys = new String[n];
    String[] eventTypes = new String[n];
    String[] payloads = new String[n];
    Long[] eventVersions = new Long[n];
    for (int i = 0; i < n; i++) {
      BookingChange c = changes.get(i);
      bookingIds[i] = c.after().id();
      types[i] = c.eventType();
      actors[i] = c.actorId();
      from[i] = c.fromStatus() == null ? "" : c.fromStatus().wire();
      to[i] = c.after().status().wire();
      versions[i] = c.after().version();
      audit[i] = BookingEvents.auditPayload(c).encode();
      OutboxEvent e = BookingEvents.outbox(c);
      eventIds[i] = e.eventId();
      topics[i] = e.topic();
      keys[i] = e.aggregateId();
      eventTypes[i] = e.eventType();
      payloads[i] = e.payload();
      eventVersions[i] = e.aggregateVersion();
    }
    t.addValue(bookingIds).addValue(types).addValue(actors).addValue(from).addValue(to).addValue(versions).addValue(audit)
      .addValue(eventIds).addValue(topics).addValue(keys).addValue(eventTypes).addValue(payloads).addValue(eventVersions);
    if (key == null) {
      t.addValue(null).addValue(null).addValue(null).addValue(null).addValue(null).addValue(null);
    } else {
      t.addValue(key.scope()).addValue(key.key()).addValue(key.operation()).addValue(Buffer.buffer(key.fingerprint()))
        .addValue(Buffer.buffer(BookingProtos.toProto(answer).toByteArray())).addValue(answer.id());
    }
    // The relay's publish continues the trace of the call that made the change.
    return t.addValue(Tracing.traceparent());
  }
}
