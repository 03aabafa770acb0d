package io.booker.venue.adapter;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.platform.outbox.OutboxWriter;
import io.booker.platform.pg.Sql;
import io.booker.venue.RoomStore;
import io.booker.venue.TableStore;
import io.booker.venue.VenueStore;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.RoomTables;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import io.booker.venue.domain.TablesChanged;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.booker.platform.pg.SqlStates.FOREIGN_KEY_VIOLATION;
import static io.booker.platform.pg.SqlStates.UNIQUE_VIOLATION;

/**
 * The venue database: venues, rooms and tables. Writes that emit events add them to the outbox in
 * the same transaction. Lookups by id answer {@link Optional#empty()} for an unknown id; the caller
 * names what is missing.
 */
public final class VenueRepository implements VenueStore, RoomStore, TableStore {

  private static final String SERVICE = "venue";
  private static final String TABLE_NAME_PER_ROOM = "dining_tables_name_per_room";

  private final Pool pool;

  public VenueRepository(Pool pool) {
    this.pool = pool;
  }

  // ---- venues

  @Override
  public Future<Venue> insertVenue(UUID id, VenueFields r, Function<Venue, OutboxEvent> event) {
    return Sql.timed(SERVICE, "insert_venue", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.INSERT_VENUE)
      .execute(Tuple.of(id, r.name(), r.timezone(), r.address(), r.phone(), r.email(), r.description(), r.language()))
      .map(rows -> Rows.venue(rows.iterator().next()))
      .compose(venue -> OutboxWriter.append(tx, event.apply(venue)).map(venue))));
  }

  @Override
  public Future<Optional<Venue>> findVenue(UUID id) {
    return Sql.timed(SERVICE, "select_venue", () -> pool.preparedQuery(VenueSql.SELECT_VENUE).execute(Tuple.of(id))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(Rows::venue)));
  }

  /** Replaces the venue's fields, the language included (an empty timezone keeps the current one). */
  @Override
  public Future<Optional<Venue>> updateVenue(UUID id, VenueFields r, Function<Venue, OutboxEvent> event) {
    return Sql.timed(SERVICE, "update_venue", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.UPDATE_VENUE)
      .execute(Tuple.of(id, r.name(), r.address(), r.phone(), r.email(), r.description(), r.timezone(), r.language()))
      .compose(rows -> withEvent(tx, rows, Rows::venue, event))));
  }

  /** Deletes a venue with its rooms and tables; answers the ids of the rooms it had. */
  @Override
  public Future<Optional<List<String>>> deleteVenue(UUID id, OutboxEvent event) {
    return Sql.timed(SERVICE, "delete_venue", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.LOCK_VENUE)
      .execute(Tuple.of(id))
      .compose(locked -> {
        if (locked.size() == 0) {
          return Future.succeededFuture(Optional.<List<String>>empty());
        }
        return tx.preparedQuery(VenueSql.ROOM_IDS_OF_VENUE).execute(Tuple.of(id)).compose(rooms ->
          tx.preparedQuery(VenueSql.DELETE_VENUE).execute(Tuple.of(id))
            .compose(deleted -> OutboxWriter.append(tx, event))
            .map(v -> Optional.of(Rows.ids(rooms))));
      })));
  }

  /** A page of the venues in {@code scope}, with their total: one statement whatever the scope. */
  @Override
  public Future<Page<Venue>> listVenues(Paging paging, VenueScope scope) {
    Tuple args = Tuple.of(paging.limit(), paging.offset());
    if (!scope.all()) {
      args.addValue(scope.venueIds());
    }
    return Sql.timed(SERVICE, scope.all() ? "list_venues" : "list_venues_among", () -> pool
      .preparedQuery(scope.all() ? VenueSql.LIST_VENUES : VenueSql.LIST_VENUES_AMONG)
      .execute(args)
      .map(rows -> page(rows, Rows::venue)));
  }

  // ---- rooms

  /** Empty when the venue does not exist. */
  @Override
  public Future<Optional<Room>> insertRoom(UUID id, UUID venueId, String name) {
    return Sql.timed(SERVICE, "insert_room", () -> pool.preparedQuery(VenueSql.INSERT_ROOM)
      .execute(Tuple.of(id, venueId, name))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(Rows::room))
      .recover(t -> isViolation(t, FOREIGN_KEY_VIOLATION) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(t)));
  }

  @Override
  public Future<Optional<Room>> findRoom(UUID id) {
    return Sql.timed(SERVICE, "select_room", () -> pool.preparedQuery(VenueSql.SELECT_ROOM).execute(Tuple.of(id))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(Rows::room)));
  }

  /** Empty when the room does not exist or its venue is outside {@code scope} (nothing written). */
  @Override
  public Future<Optional<Room>> updateRoom(UUID id, String name, VenueScope scope) {
    return Sql.timed(SERVICE, "update_room", () -> pool.preparedQuery(VenueSql.UPDATE_ROOM)
      .execute(Tuple.of(id, name).addValue(scope.venueIds()))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(Rows::room)));
  }

  /** Empty when the venue does not exist. */
  @Override
  public Future<Optional<Page<Room>>> listRooms(UUID venueId, Paging paging) {
    return childPage("list_rooms", VenueSql.LIST_ROOMS, venueId, paging, rows -> page(rows, Rows::room));
  }

  @Override
  public Future<Optional<RoomTables>> roomTables(UUID roomId) {
    return Sql.timed(SERVICE, "select_room_tables", () -> pool.preparedQuery(VenueSql.SELECT_ROOM_TABLE_IDS)
      .execute(Tuple.of(roomId))
      .map(rows -> Optional.ofNullable(Rows.first(rows))
        .map(r -> new RoomTables(r.getUUID("venue_id").toString(), Rows.ids(r.getArrayOfUUIDs("table_ids"))))));
  }

  /**
   * Deletes a room with its tables, provided its tables are still exactly {@code checked} (the
   * ones whose bookings were checked); fails with {@link TablesChanged} otherwise. The room row is
   * locked first, so no table can be added between that comparison and the delete. Empty when
   * the room does not exist.
   */
  @Override
  public Future<Optional<RoomTables>> deleteRoom(UUID roomId, RoomTables checked, Function<RoomTables, OutboxEvent> event) {
    return Sql.timed(SERVICE, "delete_room", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.LOCK_ROOM)
      .execute(Tuple.of(roomId))
      .compose(locked -> {
        if (locked.size() == 0) {
          return Future.succeededFuture(Optional.<RoomTables>empty());
        }
        return tx.preparedQuery(VenueSql.TABLE_IDS_OF_ROOM).execute(Tuple.of(roomId)).compose(tables -> {
          List<String> ids = Rows.ids(tables);
          if (!new HashSet<>(ids).equals(new HashSet<>(checked.tableIds()))) {
            return Future.failedFuture(new TablesChanged());
          }
          RoomTables gone = new RoomTables(checked.venueId(), checked.tableIds());
          return tx.preparedQuery(VenueSql.DELETE_ROOM).execute(Tuple.of(roomId))
            .compose(deleted -> OutboxWriter.append(tx, event.apply(gone)))
            .map(v -> Optional.of(gone));
        });
      })));
  }

  // ---- tables

  /**
   * Empty when the room does not exist or its venue is outside {@code scope} (nothing written);
   * ALREADY_EXISTS when the room has a table of that name.
   */
  @Override
  public Future<Optional<Table>> insertTable(UUID id, UUID roomId, TableFields r, VenueScope scope,
                                             Function<Table, OutboxEvent> event) {
    return Sql.timed(SERVICE, "insert_table", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.INSERT_TABLE)
      .execute(withPosition(Tuple.of(id, roomId, r.name(), r.capacity(), r.canMerge(), r.zone()).addValue(scope.venueIds()),
        r.position()))
      .compose(rows -> withEvent(tx, rows, Rows::table, event)))
      .recover(t -> isViolation(t, FOREIGN_KEY_VIOLATION) ? Future.succeededFuture(Optional.empty()) : tableFailure(t, r.name())));
  }

  @Override
  public Future<Optional<Table>> findTable(UUID id) {
    return Sql.timed(SERVICE, "select_table", () -> pool.preparedQuery(VenueSql.SELECT_TABLE).execute(Tuple.of(id))
      .map(rows -> Optional.ofNullable(Rows.first(rows)).map(Rows::table)));
  }

  /** Empty when the table does not exist or its venue is outside {@code scope} (nothing written); the position is replaced too. */
  @Override
  public Future<Optional<Table>> updateTable(UUID id, TableFields r, VenueScope scope, Function<Table, OutboxEvent> event) {
    return Sql.timed(SERVICE, "update_table", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.UPDATE_TABLE)
      .execute(withPosition(Tuple.of(id, r.name(), r.capacity(), r.zone(), r.canMerge()).addValue(scope.venueIds()),
        r.position()))
      .compose(rows -> withEvent(tx, rows, Rows::table, event)))
      .recover(t -> tableFailure(t, r.name())));
  }

  /** The combinations that contain the table go with it, in the same transaction. */
  @Override
  public Future<Optional<Table>> deleteTable(UUID id, Function<Table, OutboxEvent> event) {
    return Sql.timed(SERVICE, "delete_table", () -> pool.withTransaction(tx -> tx.preparedQuery(VenueSql.DELETE_TABLE)
      .execute(Tuple.of(id))
      .compose(rows -> rows.size() == 0 ? Future.succeededFuture(rows)
        : tx.preparedQuery(VenueSql.DELETE_COMBINATIONS_OF_TABLE).execute(Tuple.of(id)).map(rows))
      .compose(rows -> withEvent(tx, rows, Rows::table, event))));
  }

  /** Empty when the room does not exist or its venue is outside {@code scope}. */
  @Override
  public Future<Optional<Page<Table>>> listTablesOfRoom(UUID roomId, Paging paging, VenueScope scope) {
    return Sql.timed(SERVICE, "list_tables_of_room", () -> pool.preparedQuery(VenueSql.LIST_TABLES_OF_ROOM)
      .execute(Tuple.of(roomId, paging.limit(), paging.offset()).addValue(scope.venueIds()))
      .map(rows -> rows.size() == 0 ? Optional.<Page<Table>>empty() : Optional.of(page(rows, Rows::table))));
  }

  /** Empty when the venue does not exist. */
  @Override
  public Future<Optional<Page<Table>>> listTablesOfVenue(UUID venueId, Paging paging) {
    return childPage("list_tables_of_venue", VenueSql.LIST_TABLES_OF_VENUE, venueId, paging, rows -> page(rows, Rows::table));
  }

  /** Every table of a room, in one query. Empty when the room does not exist. */
  @Override
  public Future<Optional<RoomLayout>> loadLayout(UUID roomId) {
    return Sql.timed(SERVICE, "select_layout", () -> pool.preparedQuery(VenueSql.SELECT_LAYOUT).execute(Tuple.of(roomId))
      .map(rows -> {
        Row first = Rows.first(rows);
        if (first == null) {
          return Optional.empty();
        }
        List<Table> tables = new ArrayList<>(rows.size());
        for (Row row : rows) {
          if (row.getUUID("id") != null) {
            tables.add(Rows.table(row));
          }
        }
        return Optional.of(new RoomLayout(first.getUUID("room_venue_id").toString(), roomId.toString(), tables));
      }));
  }

  // ---- helpers

  /** {@code tuple} followed by the six position parameters (nulls when the table is not placed). */
  private static Tuple withPosition(Tuple tuple, TablePosition position) {
    for (Object v : Rows.position(position)) {
      tuple.addValue(v);
    }
    return tuple;
  }

  /**
   * A page of the children of {@code parent}, read by {@code sql} (parent, limit, offset); empty
   * when the parent does not exist, which the query says by answering no row at all (not even
   * the empty page's count row).
   */
  private <T> Future<Optional<T>> childPage(String operation, String sql, UUID parent, Paging paging, Function<RowSet<Row>, T> read) {
    return Sql.timed(SERVICE, operation, () -> pool.preparedQuery(sql)
      .execute(Tuple.of(parent, paging.limit(), paging.offset()))
      .map(rows -> rows.size() == 0 ? Optional.<T>empty() : Optional.of(read.apply(rows))));
  }

  /**
   * The row a write answered, read by {@code read}, with its event appended to the outbox in the
   * same transaction; empty, and no event, when the write matched no row.
   */
  private static <T> Future<Optional<T>> withEvent(SqlClient tx, RowSet<Row> rows, Function<Row, T> read, Function<T, OutboxEvent> event) {
    Row row = Rows.first(rows);
    if (row == null) {
      return Future.succeededFuture(Optional.empty());
    }
    T written = read.apply(row);
    return OutboxWriter.append(tx, event.apply(written)).map(Optional.of(written));
  }

  /** A list query's rows: each carries the total; a row without an id is the empty page's count row. */
  private static <T> Page<T> page(RowSet<Row> rows, Function<Row, T> item) {
    List<T> items = new ArrayList<>(rows.size());
    long count = 0;
    for (Row row : rows) {
      count = row.getLong("total");
      if (row.getUUID("id") != null) {
        items.add(item.apply(row));
      }
    }
    return new Page<>(items, (int) Math.min(Integer.MAX_VALUE, count));
  }

  private static <T> Future<T> tableFailure(Throwable t, String name) {
    if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()) && TABLE_NAME_PER_ROOM.equals(pg.getConstraint())) {
      return Future.failedFuture(new ServiceException(ErrorCode.ALREADY_EXISTS,
        "name: this room already has a table named \"" + name + "\""));
    }
    return Future.failedFuture(t);
  }

  private static boolean isViolation(Throwable t, String sqlState) {
    return t instanceof PgException pg && sqlState.equals(pg.getSqlState());
  }
}
