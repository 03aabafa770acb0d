package io.booker.venue.adapter;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.Sql;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.Venue;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The venue database. Writes that emit events add them to the outbox in the same transaction. */
public final class VenueRepository {

  private static final String SERVICE = "venue";

  private final Pool pool;

  public VenueRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Venue> insertVenue(UUID id, CreateVenueRequest r, Function<Venue, OutboxEvent> event) {
    return Sql.timed(SERVICE, "insert_venue", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.INSERT_VENUE)
      .execute(Tuple.of(id, r.getName(), r.getTimezone(), r.getAddress(), r.getPhone(), r.getEmail(), r.getDescription()))
      .map(rows -> Rows.venue(rows.iterator().next()))
      .compose(venue -> OutboxWriter.append(tx, event.apply(venue)).map(venue))));
  }

  public Future<Optional<Venue>> findVenue(UUID id) {
    return Sql.timed(SERVICE, "select_venue", () -> pool.preparedQuery(VenueSql.SELECT_VENUE).execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Rows.venue(rows.iterator().next()))));
  }
}
