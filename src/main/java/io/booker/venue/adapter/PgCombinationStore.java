package io.booker.venue.adapter;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.Sql;
import io.booker.venue.CombinationStore;
import io.booker.venue.domain.TableCombination;
import io.booker.venue.domain.TablesNotInRoom;
import io.booker.venue.domain.VenueScope;
import io.booker.venue.domain.seating.Combination;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link CombinationStore} on PostgreSQL: table {@code table_combinations} (venue V9), the tables
 * as a {@code uuid[]} in the manager's order. A write locks the room's tables it names (KEY SHARE)
 * in its own transaction, so a table's delete either waits for it and then removes the new
 * combination with the table ({@code VenueSql.DELETE_COMBINATIONS_OF_TABLE}), or commits first and
 * the write finds the table gone.
 */
public final class PgCombinationStore implements CombinationStore {

  private static final String SERVICE = "venue";

  static final String COLUMNS = "id, venue_id, room_id, table_ids, min_party_size, max_party_size, created_at, updated_at";

  /** The room's venue, the room locked against its delete; none when missing or outside scope $2. */
  static final String LOCK_ROOM = "SELECT venue_id FROM rooms WHERE id = $1 AND " + VenueSql.inScope("venue_id", 2) + " FOR KEY SHARE";

  /** The tables among $2 that are the room's, locked against their delete until the write commits. */
  static final String LOCK_TABLES = "SELECT id FROM dining_tables WHERE room_id = $1 AND id = ANY($2) ORDER BY id FOR KEY SHARE";

  static final String INSERT =
    "INSERT INTO table_combinations (id, venue_id, room_id, table_ids, min_party_size, max_party_size) "
      + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS;

  static final String SELECT = "SELECT " + COLUMNS + " FROM table_combinations WHERE id = $1";

  /** The combination of room $2, locked for its update; none when missing or outside scope $3. */
  static final String LOCK =
    "SELECT venue_id FROM table_combinations WHERE id = $1 AND room_id = $2 AND " + VenueSql.inScope("venue_id", 3) + " FOR UPDATE";

  static final String UPDATE =
    "UPDATE table_combinations SET table_ids = $2, min_party_size = $3, max_party_size = $4, updated_at = now() "
      + "WHERE id = $1 RETURNING " + COLUMNS;

  static final String DELETE =
    "DELETE FROM table_combinations WHERE id = $1 AND " + VenueSql.inScope("venue_id", 2) + " RETURNING " + COLUMNS;

  /** No row when the room is missing or outside scope $2; one null-combination row when it has none. */
  static final String LIST =
    "SELECT c.id, c.venue_id, c.room_id, c.table_ids, c.min_party_size, c.max_party_size, c.created_at, c.updated_at "
      + "FROM rooms r LEFT JOIN table_combinations c ON c.room_id = r.id "
      + "WHERE r.id = $1 AND " + VenueSql.inScope("r.venue_id", 2) + " ORDER BY c.created_at, c.id";

  private final Pool pool;

  public PgCombinationStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<TableCombination>> insertCombination(Combination c, VenueScope scope,
                                                              Function<TableCombination, OutboxEvent> event) {
    return Sql.timed(SERVICE, "insert_combination", () -> pool.withTransaction(tx -> tx.preparedQuery(LOCK_ROOM)
      .execute(Tuple.of(c.roomId()).addValue(scope.venueIds()))
      .compose(room -> {
        Row r = Rows.first(room);
        if (r == null) {
          return Future.succeededFuture(Optional.<TableCombination>empty());
        }
        UUID venueId = r.getUUID("venue_id");
        return lockTables(tx, c).compose(v -> tx.preparedQuery(INSERT)
          .execute(Tuple.tuple().addValue(c.id()).addValue(venueId).addValue(c.roomId()).addValue(tableIds(c))
            .addValue(c.minPartySize()).addValue(c.maxPartySize())))
          .compose(rows -> withEvent(tx, rows, event));
      })));
  }

  @Override
  public Future<Optional<TableCombination>> findCombination(UUID id) {
    return Sql.timed(SERVICE, "select_combination", () -> pool.preparedQuery(SELECT).execute(Tuple.of(id))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(PgCombinationStore::combination)));
  }

  @Override
  public Future<Optional<TableCombination>> updateCombination(Combination c, VenueScope scope,
                                                              Function<TableCombination, OutboxEvent> event) {
    return Sql.timed(SERVICE, "update_combination", () -> pool.withTransaction(tx -> tx.preparedQuery(LOCK)
      .execute(Tuple.of(c.id(), c.roomId()).addValue(scope.venueIds()))
      .compose(locked -> {
        if (locked.size() == 0) {
          return Future.succeededFuture(Optional.<TableCombination>empty());
        }
        return lockTables(tx, c).compose(v -> tx.preparedQuery(UPDATE)
          .execute(Tuple.tuple().addValue(c.id()).addValue(tableIds(c)).addValue(c.minPartySize()).addValue(c.maxPartySize())))
          .compose(rows -> withEvent(tx, rows, event));
      })));
  }

  @Override
  public Future<Optional<TableCombination>> deleteCombination(UUID id, VenueScope scope, Function<TableCombination, OutboxEvent> event) {
    return Sql.timed(SERVICE, "delete_combination", () -> pool.withTransaction(tx -> tx.preparedQuery(DELETE)
      .execute(Tuple.of(id).addValue(scope.venueIds()))
      .compose(rows -> withEvent(tx, rows, event))));
  }

  @Override
  public Future<Optional<List<TableCombination>>> listCombinations(UUID roomId, VenueScope scope) {
    return Sql.timed(SERVICE, "list_combinations", () -> pool.preparedQuery(LIST).execute(Tuple.of(roomId).addValue(scope.venueIds()))
      .map(rows -> {
        if (rows.size() == 0) {
          return Optional.empty();
        }
        List<TableCombination> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
          if (row.getUUID("id") != null) {
            out.add(combination(row));
          }
        }
        return Optional.of(out);
      }));
  }

  /** Fails with {@link TablesNotInRoom} (the missing ones, in the combination's order) unless every table is the room's. */
  private static Future<Void> lockTables(SqlClient tx, Combination c) {
    return tx.preparedQuery(LOCK_TABLES).execute(Tuple.tuple().addValue(c.roomId()).addValue(tableIds(c))).compose(rows -> {
      Set<UUID> found = new HashSet<>();
      rows.forEach(r -> found.add(r.getUUID("id")));
      List<UUID> missing = c.tableIds().stream().filter(t -> !found.contains(t)).toList();
      return missing.isEmpty() ? Future.succeededFuture() : Future.failedFuture(new TablesNotInRoom(missing));
    });
  }

  private static Future<Optional<TableCombination>> withEvent(SqlClient tx, RowSet<Row> rows, Function<TableCombination, OutboxEvent> event) {
    Row row = Rows.first(rows);
    if (row == null) {
      return Future.succeededFuture(Optional.empty());
    }
    TableCombination written = combination(row);
    return OutboxWriter.append(tx, event.apply(written)).map(Optional.of(written));
  }

  private static UUID[] tableIds(Combination c) {
    return c.tableIds().toArray(UUID[]::new);
  }

  static TableCombination combination(Row r) {
    Combination c = new Combination(r.getUUID("id"), r.getUUID("room_id"), Arrays.asList(r.getArrayOfUUIDs("table_ids")),
      r.getInteger("min_party_size"), r.getInteger("max_party_size"));
    return new TableCombination(r.getUUID("venue_id").toString(), c, Rows.time(r.getOffsetDateTime("created_at")),
      Rows.time(r.getOffsetDateTime("updated_at")));
  }
}
