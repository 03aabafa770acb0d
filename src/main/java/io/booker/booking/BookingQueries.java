package io.booker.booking;

import io.booker.platform.pg.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Read queries over the tables bookings occupy; one round trip each, whatever the number of tables. */
final class BookingQueries {

  private static final String SERVICE = "booking";

  private final Pool pool;

  BookingQueries(Pool pool) {
    this.pool = pool;
  }

  Future<Set<UUID>> occupied(UUID[] tableIds, Instant start, Instant end) {
    return Sql.timed(SERVICE, "select_occupied", () -> pool.preparedQuery(BookingSql.OCCUPIED_TABLES)
      .execute(Tuple.of(tableIds, OffsetDateTime.ofInstant(start, ZoneOffset.UTC), OffsetDateTime.ofInstant(end, ZoneOffset.UTC)))
      .map(rows -> {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.getUUID("table_id")));
        return ids;
      }));
  }

  Future<Map<UUID, Integer>> futureByTable(UUID venueId, UUID[] tableIds) {
    boolean wholeVenue = tableIds.length == 0;
    return Sql.timed(SERVICE, "count_future", () -> pool.preparedQuery(wholeVenue ? BookingSql.FUTURE_BY_VENUE : BookingSql.FUTURE_BY_TABLE)
      .execute(wholeVenue ? Tuple.of(venueId) : Tuple.of((Object) tableIds))
      .map(rows -> {
        Map<UUID, Integer> counts = new HashMap<>();
        for (Row r : rows) {
          counts.put(r.getUUID("table_id"), r.getLong("n").intValue());
        }
        return counts;
      }));
  }
}
