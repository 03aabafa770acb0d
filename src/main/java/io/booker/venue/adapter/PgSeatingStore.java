package io.booker.venue.adapter;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.Sql;
import io.booker.venue.SeatingStore;
import io.booker.venue.domain.seating.SeatingRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** {@link SeatingStore} on PostgreSQL: table {@code seating_rules}, one JSONB document per venue. */
public final class PgSeatingStore implements SeatingStore {

  private static final String SERVICE = "venue";

  /** One row for an existing venue (null rules when it has none), none for an unknown venue. */
  static final String SELECT =
    "SELECT s.rules, s.updated_at FROM venues v LEFT JOIN seating_rules s ON s.venue_id = v.id WHERE v.id = $1";

  /** Writes only when the venue exists (the venue row locked against a concurrent delete by the foreign key). */
  static final String UPSERT =
    "INSERT INTO seating_rules (venue_id, rules, updated_at) SELECT id, $2::jsonb, now() FROM venues WHERE id = $1 "
      + "ON CONFLICT (venue_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at RETURNING updated_at";

  private final Pool pool;

  public PgSeatingStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<Stored>> find(UUID venueId) {
    return Sql.timed(SERVICE, "select_seating_rules", () -> pool.preparedQuery(SELECT).execute(Tuple.of(venueId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      Object rules = row.getValue("rules");
      if (rules == null) {
        return Optional.of(new Stored(SeatingRules.NONE, null));
      }
      return Optional.of(new Stored(SeatingJson.fromJson((JsonObject) rules), row.getOffsetDateTime("updated_at").toInstant()));
    }));
  }

  @Override
  public Future<Optional<Stored>> replace(UUID venueId, SeatingRules rules, OutboxEvent event) {
    return Sql.timed(SERVICE, "upsert_seating_rules", () -> pool.withTransaction(tx ->
      tx.preparedQuery(UPSERT).execute(Tuple.of(venueId, SeatingJson.toJson(rules))).compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(Optional.<Stored>empty());
        }
        OffsetDateTime at = rows.iterator().next().getOffsetDateTime("updated_at");
        return OutboxWriter.append(tx, event).map(v -> Optional.of(new Stored(rules, at.toInstant())));
      })));
  }
}
