package io.booker.platform.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Adds events to the outbox inside the caller's transaction. */
public final class OutboxWriter {

  private static final String INSERT =
    "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, payload, aggregate_version) VALUES ($1, $2, $3, $4, $5, $6)";

  private OutboxWriter() {
  }

  public static Future<Void> append(SqlClient tx, OutboxEvent event) {
    return tx.preparedQuery(INSERT)
      .execute(Tuple.of(event.eventId(), event.topic(), event.aggregateId(), event.eventType(), event.payload(), event.aggregateVersion()))
      .mapEmpty();
  }
}
