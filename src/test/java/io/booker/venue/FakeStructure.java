package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.RoomTables;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableCombination;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablesNotInRoom;
import io.booker.venue.domain.seating.Combination;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import io.booker.venue.domain.TablesChanged;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The venue database's venues, rooms and tables in memory, deciding as the real one does: writes
 * by id within a {@link VenueScope} find only rows of venues in it, a table name is unique per
 * room, deleting a venue or room takes its children with it, and a room is deleted only while its
 * tables are the ones checked; a combination's tables must be its room's when it is written, and
 * deleting one of them (or the room) removes it. Every write that emits an event appends it to {@link #outbox};
 * every call is recorded in {@link #calls}.
 */
final class FakeStructure implements VenueStore, RoomStore, TableStore, CombinationStore {

  final Map<String, Venue> venues = new LinkedHashMap<>();
  final Map<String, Room> rooms = new LinkedHashMap<>();
  final Map<String, Table> tables = new LinkedHashMap<>();
  final Map<String, TableCombination> combinations = new LinkedHashMap<>();
  /** The events committed, in order. */
  final List<OutboxEvent> outbox = new ArrayList<>();
  /** Every call, by method name. */
  final List<String> calls = new ArrayList<>();
  /** How many more room deletes find that tables were added meanwhile (and fail with TablesChanged). */
  int tablesChangeDuringDelete;
  /** Runs when deleteRoom starts, before it compares the tables (another request committing first). */
  Runnable beforeRoomDelete = () -> { };
  private long clock = 1_900_000_000L;

  // ---- seeding

  Venue putVenue(String id, String name, String timezone) {
    Instant now = tick();
    Venue v = new Venue(id, name, timezone, "", "", "", "", "", now, now);
    venues.put(id, v);
    return v;
  }

  Room putRoom(String venueId, String id, String name) {
    Instant now = tick();
    Room r = new Room(id, venueId, name, now, now);
    rooms.put(id, r);
    return r;
  }

  Table putTable(String roomId, String id, String name, int capacity) {
    Instant now = tick();
    Table t = new Table(id, roomId, rooms.get(roomId).venueId(), name, capacity, false, "", null, now, now);
    tables.put(id, t);
    return t;
  }

  // ---- venues

  @Override
  public Future<Venue> insertVenue(UUID id, VenueFields f, Function<Venue, OutboxEvent> event) {
    calls.add("insertVenue");
    Instant now = tick();
    Venue v = new Venue(id.toString(), f.name(), f.timezone(), f.address(), f.phone(), f.email(), f.description(), f.language(), now, now);
    venues.put(v.id(), v);
    outbox.add(event.apply(v));
    return Future.succeededFuture(v);
  }

  @Override
  public Future<Optional<Venue>> findVenue(UUID id) {
    calls.add("findVenue");
    return Future.succeededFuture(Optional.ofNullable(venues.get(id.toString())));
  }

  @Override
  public Future<Optional<Venue>> updateVenue(UUID id, VenueFields f, Function<Venue, OutboxEvent> event) {
    calls.add("updateVenue");
    Venue old = venues.get(id.toString());
    if (old == null) {
      return Future.succeededFuture(Optional.empty());
    }
    Venue v = new Venue(old.id(), f.name(), f.timezone().isEmpty() ? old.timezone() : f.timezone(), f.address(), f.phone(), f.email(),
      f.description(), f.language(), old.createdAt(), tick());
    venues.put(v.id(), v);
    outbox.add(event.apply(v));
    return Future.succeededFuture(Optional.of(v));
  }

  @Override
  public Future<Optional<List<String>>> deleteVenue(UUID id, OutboxEvent event) {
    calls.add("deleteVenue");
    String venueId = id.toString();
    if (venues.remove(venueId) == null) {
      return Future.succeededFuture(Optional.empty());
    }
    List<String> roomIds = rooms.values().stream().filter(r -> r.venueId().equals(venueId)).map(Room::id).toList();
    rooms.values().removeIf(r -> r.venueId().equals(venueId));
    tables.values().removeIf(t -> t.venueId().equals(venueId));
    outbox.add(event);
    return Future.succeededFuture(Optional.of(roomIds));
  }

  @Override
  public Future<Page<Venue>> listVenues(Paging paging, VenueScope scope) {
    calls.add("listVenues");
    List<Venue> all = venues.values().stream().filter(v -> scope.includes(v.id())).toList();
    return Future.succeededFuture(page(all, paging));
  }

  // ---- rooms

  @Override
  public Future<Optional<Room>> insertRoom(UUID id, UUID venueId, String name) {
    calls.add("insertRoom");
    if (!venues.containsKey(venueId.toString())) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.succeededFuture(Optional.of(putRoom(venueId.toString(), id.toString(), name)));
  }

  @Override
  public Future<Optional<Room>> findRoom(UUID id) {
    calls.add("findRoom");
    return Future.succeededFuture(Optional.ofNullable(rooms.get(id.toString())));
  }

  @Override
  public Future<Optional<Room>> updateRoom(UUID id, String name, VenueScope scope) {
    calls.add("updateRoom");
    Room old = rooms.get(id.toString());
    if (old == null || !scope.includes(old.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    Room r = new Room(old.id(), old.venueId(), name, old.createdAt(), tick());
    rooms.put(r.id(), r);
    return Future.succeededFuture(Optional.of(r));
  }

  @Override
  public Future<Optional<Page<Room>>> listRooms(UUID venueId, Paging paging) {
    calls.add("listRooms");
    if (!venues.containsKey(venueId.toString())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Room> all = rooms.values().stream().filter(r -> r.venueId().equals(venueId.toString())).toList();
    return Future.succeededFuture(Optional.of(page(all, paging)));
  }

  @Override
  public Future<Optional<RoomTables>> roomTables(UUID roomId) {
    calls.add("roomTables");
    Room r = rooms.get(roomId.toString());
    return Future.succeededFuture(Optional.ofNullable(r).map(room -> new RoomTables(room.venueId(), tableIdsOf(room.id()))));
  }

  @Override
  public Future<Optional<RoomTables>> deleteRoom(UUID roomId, RoomTables checked, Function<RoomTables, OutboxEvent> event) {
    calls.add("deleteRoom");
    beforeRoomDelete.run();
    String id = roomId.toString();
    if (!rooms.containsKey(id)) {
      return Future.succeededFuture(Optional.empty());
    }
    if (tablesChangeDuringDelete > 0) {
      tablesChangeDuringDelete--;
      return Future.failedFuture(new TablesChanged());
    }
    if (!new HashSet<>(tableIdsOf(id)).equals(new HashSet<>(checked.tableIds()))) {
      return Future.failedFuture(new TablesChanged());
    }
    RoomTables gone = new RoomTables(checked.venueId(), checked.tableIds());
    rooms.remove(id);
    tables.values().removeIf(t -> t.roomId().equals(id));
    combinations.values().removeIf(c -> c.roomId().equals(id));
    outbox.add(event.apply(gone));
    return Future.succeededFuture(Optional.of(gone));
  }

  // ---- tables

  @Override
  public Future<Optional<Table>> insertTable(UUID id, UUID roomId, TableFields f, VenueScope scope, Function<Table, OutboxEvent> event) {
    calls.add("insertTable");
    Room room = rooms.get(roomId.toString());
    if (room == null || !scope.includes(room.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    if (nameTaken(room.id(), f.name(), null)) {
      return Future.failedFuture(nameTaken(f.name()));
    }
    Instant now = tick();
    return written(new Table(id.toString(), room.id(), room.venueId(), f.name(), f.capacity(), f.canMerge(), f.zone(), f.position(),
      now, now), event);
  }

  @Override
  public Future<Optional<Table>> findTable(UUID id) {
    calls.add("findTable");
    return Future.succeededFuture(Optional.ofNullable(tables.get(id.toString())));
  }

  @Override
  public Future<Optional<Table>> updateTable(UUID id, TableFields f, VenueScope scope, Function<Table, OutboxEvent> event) {
    calls.add("updateTable");
    Table old = tables.get(id.toString());
    if (old == null || !scope.includes(old.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    if (nameTaken(old.roomId(), f.name(), old.id())) {
      return Future.failedFuture(nameTaken(f.name()));
    }
    return written(new Table(old.id(), old.roomId(), old.venueId(), f.name(), f.capacity(), f.canMerge(), f.zone(), f.position(),
      old.createdAt(), tick()), event);
  }

  @Override
  public Future<Optional<Table>> deleteTable(UUID id, Function<Table, OutboxEvent> event) {
    calls.add("deleteTable");
    Table gone = tables.remove(id.toString());
    if (gone == null) {
      return Future.succeededFuture(Optional.empty());
    }
    combinations.values().removeIf(c -> c.combination().uses(id));
    outbox.add(event.apply(gone));
    return Future.succeededFuture(Optional.of(gone));
  }

  @Override
  public Future<Optional<Page<Table>>> listTablesOfRoom(UUID roomId, Paging paging, VenueScope scope) {
    calls.add("listTablesOfRoom");
    Room room = rooms.get(roomId.toString());
    if (room == null || !scope.includes(room.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Table> all = tables.values().stream().filter(t -> t.roomId().equals(room.id())).toList();
    return Future.succeededFuture(Optional.of(page(all, paging)));
  }

  @Override
  public Future<Optional<Page<Table>>> listTablesOfVenue(UUID venueId, Paging paging) {
    calls.add("listTablesOfVenue");
    if (!venues.containsKey(venueId.toString())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Table> all = tables.values().stream().filter(t -> t.venueId().equals(venueId.toString())).toList();
    return Future.succeededFuture(Optional.of(page(all, paging)));
  }

  @Override
  public Future<Optional<RoomLayout>> loadLayout(UUID roomId) {
    calls.add("loadLayout");
    Room room = rooms.get(roomId.toString());
    if (room == null) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Table> ofRoom = tables.values().stream().filter(t -> t.roomId().equals(room.id())).toList();
    return Future.succeededFuture(Optional.of(new RoomLayout(room.venueId(), room.id(), ofRoom)));
  }

  // ---- combinations

  @Override
  public Future<Optional<TableCombination>> insertCombination(Combination c, VenueScope scope,
                                                              Function<TableCombination, OutboxEvent> event) {
    calls.add("insertCombination");
    Room room = rooms.get(c.roomId().toString());
    if (room == null || !scope.includes(room.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    Instant now = tick();
    return combinationWritten(new TableCombination(room.venueId(), c, now, now), event);
  }

  @Override
  public Future<Optional<TableCombination>> findCombination(UUID id) {
    calls.add("findCombination");
    return Future.succeededFuture(Optional.ofNullable(combinations.get(id.toString())));
  }

  @Override
  public Future<Optional<TableCombination>> updateCombination(Combination c, VenueScope scope,
                                                              Function<TableCombination, OutboxEvent> event) {
    calls.add("updateCombination");
    TableCombination old = combinations.get(c.id().toString());
    if (old == null || !old.roomId().equals(c.roomId().toString()) || !scope.includes(old.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    return combinationWritten(new TableCombination(old.venueId(), c, old.createdAt(), tick()), event);
  }

  @Override
  public Future<Optional<TableCombination>> deleteCombination(UUID id, VenueScope scope, Function<TableCombination, OutboxEvent> event) {
    calls.add("deleteCombination");
    TableCombination c = combinations.get(id.toString());
    if (c == null || !scope.includes(c.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    combinations.remove(id.toString());
    outbox.add(event.apply(c));
    return Future.succeededFuture(Optional.of(c));
  }

  @Override
  public Future<Optional<List<TableCombination>>> listCombinations(UUID roomId, VenueScope scope) {
    calls.add("listCombinations");
    Room room = rooms.get(roomId.toString());
    if (room == null || !scope.includes(room.venueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.succeededFuture(Optional.of(combinations.values().stream().filter(c -> c.roomId().equals(room.id())).toList()));
  }

  /** Written only when every table is the room's (as the writing transaction checks), else TablesNotInRoom. */
  private Future<Optional<TableCombination>> combinationWritten(TableCombination c, Function<TableCombination, OutboxEvent> event) {
    List<UUID> missing = c.combination().tableIds().stream()
      .filter(t -> !tables.containsKey(t.toString()) || !tables.get(t.toString()).roomId().equals(c.roomId()))
      .toList();
    if (!missing.isEmpty()) {
      return Future.failedFuture(new TablesNotInRoom(missing));
    }
    combinations.put(c.id(), c);
    outbox.add(event.apply(c));
    return Future.succeededFuture(Optional.of(c));
  }

  // ---- helpers

  private Future<Optional<Table>> written(Table t, Function<Table, OutboxEvent> event) {
    tables.put(t.id(), t);
    outbox.add(event.apply(t));
    return Future.succeededFuture(Optional.of(t));
  }

  private boolean nameTaken(String roomId, String name, String except) {
    return tables.values().stream().anyMatch(t -> t.roomId().equals(roomId) && t.name().equals(name) && !t.id().equals(except));
  }

  private static ServiceException nameTaken(String name) {
    return new ServiceException(ErrorCode.ALREADY_EXISTS, "name: this room already has a table named \"" + name + "\"");
  }

  private List<String> tableIdsOf(String roomId) {
    return tables.values().stream().filter(t -> t.roomId().equals(roomId)).map(Table::id).sorted().toList();
  }

  private static <T> Page<T> page(List<T> all, Paging paging) {
    return new Page<>(all.stream().skip(paging.offset()).limit(paging.limit()).toList(), all.size());
  }

  /** The fake database's clock: one second further at each write. */
  private Instant tick() {
    return Instant.ofEpochSecond(clock++);
  }
}
