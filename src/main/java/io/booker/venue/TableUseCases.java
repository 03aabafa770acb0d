package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;
import static io.booker.venue.StructureChecks.refuseIfBooked;
import static io.booker.venue.StructureChecks.refused;
import static io.booker.venue.StructureChecks.written;
import static io.booker.venue.domain.StructureFields.*;

/**
 * The tables of a room. Every change commits a layout event (the table's venue, room and id) with
 * it and, once committed, kicks the relay and drops the room's cached layout. A delete first asks
 * the booking service whether the table still has future bookings; if it cannot answer, nothing is
 * deleted.
 *
 * <p>Access: changing a table needs {@link Permission#EDIT_STRUCTURE} on its venue, reading one
 * {@link Permission#READ_VENUE}; a table (or room) of a venue the caller does not see answers
 * NOT_FOUND exactly as a missing one. Writes by room or table id carry the caller's
 * {@link VenueScope} into the write, so finding the row's venue costs no extra round trip.
 */
final class TableUseCases {

  private final TableStore tables;
  private final RoomStore rooms;
  private final CachedLayouts layouts;
  private final BookingOccupancy bookings;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  TableUseCases(VenueDeps deps) {
    this.tables = deps.tables();
    this.rooms = deps.rooms();
    this.layouts = deps.layouts();
    this.bookings = deps.bookings();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
  }

  /** One transaction: the insert itself finds the room only within the caller's venues. */
  Future<Table> createTable(Caller caller, String room, TableFields r) {
    return attempt(() -> {
      UUID roomId = Ids.uuid("room_id", room);
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOfRoom(roomId), "room", room);
      }
      String name = required("name", r.name(), TABLE_NAME_MAX);
      int capacity = capacity(r.capacity());
      String zone = optional("zone", r.zone(), ZONE_MAX);
      TablePosition position = r.position() == null ? null : r.position().checked(); // null: not placed
      TableFields clean = new TableFields(name, capacity, r.canMerge(), zone, position);
      return tables.insertTable(UUID.randomUUID(), roomId, clean, VenueScope.of(caller), t -> layoutChanged(caller, t))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("room", room)))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf);
    });
  }

  Future<Table> getTable(Caller caller, String tableId) {
    return attempt(() -> tables.findTable(Ids.uuid("id", tableId))
      .map(found -> {
        Table t = found.orElseThrow(() -> ServiceException.notFound("table", tableId));
        caller.require(Permission.READ_VENUE, t.venueId(), "table", tableId);
        return t;
      }));
  }

  /** Of a room: the list read finds the room only within the caller's venues. Of a venue: checked first. */
  Future<Page<Table>> listTables(Caller caller, String room, String venue, int limit, int offset) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      boolean byRoom = !room.isEmpty();
      if (byRoom == !venue.isEmpty()) {
        throw ServiceException.invalid("room_id", byRoom ? "give either room_id or venue_id, not both"
          : "room_id or venue_id is required");
      }
      if (byRoom) {
        UUID roomId = Ids.uuid("room_id", room);
        return tables.listTablesOfRoom(roomId, Paging.of(limit, offset), VenueScope.of(caller))
          .map(page -> page.orElseThrow(() -> ServiceException.notFound("room", room)));
      }
      UUID venueId = Ids.uuid("venue_id", venue);
      caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
      return tables.listTablesOfVenue(venueId, Paging.of(limit, offset))
        .map(page -> page.orElseThrow(() -> ServiceException.notFound("venue", venue)));
    });
  }

  /** One transaction: the update itself finds the table only within the caller's venues. */
  Future<Table> updateTable(Caller caller, String tableId, TableFields r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", tableId);
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOfTable(id), "table", tableId);
      }
      String name = required("name", r.name(), TABLE_NAME_MAX);
      int capacity = capacity(r.capacity());
      String zone = optional("zone", r.zone(), ZONE_MAX);
      // Replaced like the zone: a request without one clears it.
      TablePosition position = r.position() == null ? null : r.position().checked();
      TableFields clean = new TableFields(name, capacity, r.canMerge(), zone, position);
      return tables.updateTable(id, clean, VenueScope.of(caller), t -> layoutChanged(caller, t))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", tableId)))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf);
    });
  }

  /** The table read the delete needs anyway (its venue, for the booking check) is where access is checked. */
  Future<Void> deleteTable(Caller caller, String tableId) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", tableId);
      return tables.findTable(id)
        .map(found -> {
          Table t = found.orElseThrow(() -> ServiceException.notFound("table", tableId));
          caller.require(Permission.EDIT_STRUCTURE, t.venueId(), "table", tableId);
          return t;
        })
        .compose(t -> refuseIfBooked(bookings, t.venueId(), List.of(t.id()), "table " + t.id()))
        .compose(v -> tables.deleteTable(id, t -> layoutChanged(caller, t)))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", tableId)))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf)
        .mapEmpty();
    });
  }

  private Future<Optional<String>> venueOfRoom(UUID roomId) {
    return rooms.findRoom(roomId).map(room -> room.map(Room::venueId));
  }

  private Future<Optional<String>> venueOfTable(UUID tableId) {
    return tables.findTable(tableId).map(t -> t.map(Table::venueId));
  }

  private OutboxEvent layoutChanged(Caller caller, Table t) {
    return events.layoutUpdated(caller, t.venueId(), t.roomId(), List.of(t.id()));
  }

  private Future<Table> invalidateRoomOf(Table t) {
    return layouts.invalidate(List.of(t.roomId())).map(t);
  }
}
