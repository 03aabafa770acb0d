package io.booker.platform.outbox;

import io.booker.platform.tracing.Tracing;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Adds events to the outbox inside the caller's transaction, with the trace context of the call that
 * made them (W3C traceparent; null when not traced).
 */
public final class OutboxWriter {

  private static final String INSERT =
    "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version, traceparent) VALUES ($1, $2, $3, $4, $5, $6, $7)";

  private OutboxWriter() {
  }

  public static Future<Void> append(SqlClient tx, OutboxEvent event) {
    return tx.preparedQuery(INSERT)
      .execute(Tuple.of(event.eventId(), event.topic(), event.aggregateId(), event.eventType(), event.payload(), event.aggregateVersion(),
        Tracing.traceparent()))
      .mapEmpty();
  }
}
