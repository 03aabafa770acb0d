package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.ListRoomsResponse;
import io.booker.proto.venue.ListTablesResponse;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.Room;
import io.booker.proto.venue.Table;
import io.booker.proto.venue.UpdateTableRequest;
import io.booker.proto.venue.UpdateVenueRequest;
import io.booker.proto.venue.Venue;
import io.booker.venue.domain.RoomTables;
import io.booker.venue.domain.TablesChanged;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

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
 * tables are the ones checked. Every write that emits an event appends it to {@link #outbox};
 * every call is recorded in {@link #calls}.
 */
final class FakeStructure implements VenueStore, RoomStore, TableStore {

  final Map<String, Venue> venues = new LinkedHashMap<>();
  final Map<String, Room> rooms = new LinkedHashMap<>();
  final Map<String, Table> tables = new LinkedHashMap<>();
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
    Venue v = Venue.newBuilder().setId(id).setName(name).setTimezone(timezone).setCreatedAt(clock).setUpdatedAt(clock++).build();
    venues.put(id, v);
    return v;
  }

  Room putRoom(String venueId, String id, String name) {
    Room r = Room.newBuilder().setId(id).setVenueId(venueId).setName(name).setCreatedAt(clock).setUpdatedAt(clock++).build();
    rooms.put(id, r);
    return r;
  }

  Table putTable(String roomId, String id, String name, int capacity) {
    Table t = Table.newBuilder().setId(id).setRoomId(roomId).setVenueId(rooms.get(roomId).getVenueId()).setName(name)
      .setCapacity(capacity).setCreatedAt(clock).setUpdatedAt(clock++).build();
    tables.put(id, t);
    return t;
  }

  // ---- venues

  @Override
  public Future<Venue> insertVenue(UUID id, CreateVenueRequest f, Function<Venue, OutboxEvent> event) {
    calls.add("insertVenue");
    Venue v = Venue.newBuilder().setId(id.toString()).setName(f.getName()).setTimezone(f.getTimezone()).setAddress(f.getAddress())
      .setPhone(f.getPhone()).setEmail(f.getEmail()).setDescription(f.getDescription()).setLanguage(f.getLanguage())
      .setCreatedAt(clock).setUpdatedAt(clock++).build();
    venues.put(v.getId(), v);
    outbox.add(event.apply(v));
    return Future.succeededFuture(v);
  }

  @Override
  public Future<Optional<Venue>> findVenue(UUID id) {
    calls.add("findVenue");
    return Future.succeededFuture(Optional.ofNullable(venues.get(id.toString())));
  }

  @Override
  public Future<Optional<Venue>> updateVenue(UUID id, UpdateVenueRequest f, Function<Venue, OutboxEvent> event) {
    calls.add("updateVenue");
    Venue old = venues.get(id.toString());
    if (old == null) {
      return Future.succeededFuture(Optional.empty());
    }
    Venue v = old.toBuilder().setName(f.getName()).setAddress(f.getAddress()).setPhone(f.getPhone()).setEmail(f.getEmail())
      .setDescription(f.getDescription()).setTimezone(f.getTimezone().isEmpty() ? old.getTimezone() : f.getTimezone())
      .setLanguage(f.getLanguage()).setUpdatedAt(clock++).build();
    venues.put(v.getId(), v);
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
    List<String> roomIds = rooms.values().stream().filter(r -> r.getVenueId().equals(venueId)).map(Room::getId).toList();
    rooms.values().removeIf(r -> r.getVenueId().equals(venueId));
    tables.values().removeIf(t -> t.getVenueId().equals(venueId));
    outbox.add(event);
    return Future.succeededFuture(Optional.of(roomIds));
  }

  @Override
  public Future<ListVenuesResponse> listVenues(Paging paging, VenueScope scope) {
    calls.add("listVenues");
    List<Venue> all = venues.values().stream().filter(v -> scope.includes(v.getId())).toList();
    return Future.succeededFuture(ListVenuesResponse.newBuilder().addAllVenues(page(all, paging)).setTotal(all.size()).build());
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
    if (old == null || !scope.includes(old.getVenueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    Room r = old.toBuilder().setName(name).setUpdatedAt(clock++).build();
    rooms.put(r.getId(), r);
    return Future.succeededFuture(Optional.of(r));
  }

  @Override
  public Future<Optional<ListRoomsResponse>> listRooms(UUID venueId, Paging paging) {
    calls.add("listRooms");
    if (!venues.containsKey(venueId.toString())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Room> all = rooms.values().stream().filter(r -> r.getVenueId().equals(venueId.toString())).toList();
    return Future.succeededFuture(Optional.of(ListRoomsResponse.newBuilder().addAllRooms(page(all, paging)).setTotal(all.size()).build()));
  }

  @Override
  public Future<Optional<RoomTables>> roomTables(UUID roomId) {
    calls.add("roomTables");
    Room r = rooms.get(roomId.toString());
    return Future.succeededFuture(Optional.ofNullable(r).map(room -> new RoomTables(room.getVenueId(), tableIdsOf(room.getId()))));
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
    tables.values().removeIf(t -> t.getRoomId().equals(id));
    outbox.add(event.apply(gone));
    return Future.succeededFuture(Optional.of(gone));
  }

  // ---- tables

  @Override
  public Future<Optional<Table>> insertTable(UUID id, UUID roomId, CreateTableRequest f, VenueScope scope, Function<Table, OutboxEvent> event) {
    calls.add("insertTable");
    Room room = rooms.get(roomId.toString());
    if (room == null || !scope.includes(room.getVenueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    if (nameTaken(room.getId(), f.getName(), null)) {
      return Future.failedFuture(nameTaken(f.getName()));
    }
    Table.Builder t = Table.newBuilder().setId(id.toString()).setRoomId(room.getId()).setVenueId(room.getVenueId())
      .setName(f.getName()).setCapacity(f.getCapacity()).setCanMerge(f.getCanMerge()).setZone(f.getZone())
      .setCreatedAt(clock).setUpdatedAt(clock++);
    if (f.hasPosition()) {
      t.setPosition(f.getPosition());
    }
    return written(t.build(), event);
  }

  @Override
  public Future<Optional<Table>> findTable(UUID id) {
    calls.add("findTable");
    return Future.succeededFuture(Optional.ofNullable(tables.get(id.toString())));
  }

  @Override
  public Future<Optional<Table>> updateTable(UUID id, UpdateTableRequest f, VenueScope scope, Function<Table, OutboxEvent> event) {
    calls.add("updateTable");
    Table old = tables.get(id.toString());
    if (old == null || !scope.includes(old.getVenueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    if (nameTaken(old.getRoomId(), f.getName(), old.getId())) {
      return Future.failedFuture(nameTaken(f.getName()));
    }
    Table.Builder t = old.toBuilder().setName(f.getName()).setCapacity(f.getCapacity()).setZone(f.getZone())
      .setCanMerge(f.getCanMerge()).clearPosition().setUpdatedAt(clock++);
    if (f.hasPosition()) {
      t.setPosition(f.getPosition());
    }
    return written(t.build(), event);
  }

  @Override
  public Future<Optional<Table>> deleteTable(UUID id, Function<Table, OutboxEvent> event) {
    calls.add("deleteTable");
    Table gone = tables.remove(id.toString());
    if (gone == null) {
      return Future.succeededFuture(Optional.empty());
    }
    outbox.add(event.apply(gone));
    return Future.succeededFuture(Optional.of(gone));
  }

  @Override
  public Future<Optional<ListTablesResponse>> listTablesOfRoom(UUID roomId, Paging paging, VenueScope scope) {
    calls.add("listTablesOfRoom");
    Room room = rooms.get(roomId.toString());
    if (room == null || !scope.includes(room.getVenueId())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Table> all = tables.values().stream().filter(t -> t.getRoomId().equals(room.getId())).toList();
    return Future.succeededFuture(Optional.of(ListTablesResponse.newBuilder().addAllTables(page(all, paging)).setTotal(all.size()).build()));
  }

  @Override
  public Future<Optional<ListTablesResponse>> listTablesOfVenue(UUID venueId, Paging paging) {
    calls.add("listTablesOfVenue");
    if (!venues.containsKey(venueId.toString())) {
      return Future.succeededFuture(Optional.empty());
    }
    List<Table> all = tables.values().stream().filter(t -> t.getVenueId().equals(venueId.toString())).toList();
    return Future.succeededFuture(Optional.of(ListTablesResponse.newBuilder().addAllTables(page(all, paging)).setTotal(all.size()).build()));
  }

  @Override
  public Future<Optional<RoomLayout>> loadLayout(UUID roomId) {
    calls.add("loadLayout");
    Room room = rooms.get(roomId.toString());
    if (room == null) {
      return Future.succeededFuture(Optional.empty());
    }
    GetTableLayoutResponse.Builder out = GetTableLayoutResponse.newBuilder().setRoomId(room.getId());
    tables.values().stream().filter(t -> t.getRoomId().equals(room.getId())).forEach(out::addTables);
    return Future.succeededFuture(Optional.of(new RoomLayout(room.getVenueId(), out.build())));
  }

  // ---- helpers

  private Future<Optional<Table>> written(Table t, Function<Table, OutboxEvent> event) {
    tables.put(t.getId(), t);
    outbox.add(event.apply(t));
    return Future.succeededFuture(Optional.of(t));
  }

  private boolean nameTaken(String roomId, String name, String except) {
    return tables.values().stream().anyMatch(t -> t.getRoomId().equals(roomId) && t.getName().equals(name) && !t.getId().equals(except));
  }

  private static ServiceException nameTaken(String name) {
    return new ServiceException(ErrorCode.ALREADY_EXISTS, "name: this room already has a table named \"" + name + "\"");
  }

  private List<String> tableIdsOf(String roomId) {
    return tables.values().stream().filter(t -> t.getRoomId().equals(roomId)).map(Table::getId).sorted().toList();
  }

  private static <T> List<T> page(List<T> all, Paging paging) {
    return all.stream().skip(paging.offset()).limit(paging.limit()).toList();
  }
}
