package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.proto.venue.*;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;
import static io.booker.venue.StructureChecks.position;
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
  Future<Table> createTable(Caller caller, CreateTableRequest r) {
    return attempt(() -> {
      UUID roomId = Ids.uuid("room_id", r.getRoomId());
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOfRoom(roomId), "room", r.getRoomId());
      }
      CreateTableRequest.Builder clean = CreateTableRequest.newBuilder()
        .setRoomId(r.getRoomId())
        .setName(required("name", r.getName(), TABLE_NAME_MAX))
        .setCapacity(capacity(r.getCapacity()))
        .setCanMerge(r.getCanMerge())
        .setZone(optional("zone", r.getZone(), ZONE_MAX));
      if (r.hasPosition()) { // unset: not placed
        clean.setPosition(position(r.getPosition()));
      }
      return tables.insertTable(UUID.randomUUID(), roomId, clean.build(), VenueScope.of(caller), t -> layoutChanged(caller, t))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("room", r.getRoomId())))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf);
    });
  }

  Future<Table> getTable(Caller caller, GetTableRequest r) {
    return attempt(() -> tables.findTable(Ids.uuid("id", r.getId()))
      .map(found -> {
        Table t = found.orElseThrow(() -> ServiceException.notFound("table", r.getId()));
        caller.require(Permission.READ_VENUE, t.getVenueId(), "table", r.getId());
        return t;
      }));
  }

  /** Of a room: the list read finds the room only within the caller's venues. Of a venue: checked first. */
  Future<ListTablesResponse> listTables(Caller caller, ListTablesRequest r) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      boolean byRoom = !r.getRoomId().isEmpty();
      if (byRoom == !r.getVenueId().isEmpty()) {
        throw ServiceException.invalid("room_id", byRoom ? "give either room_id or venue_id, not both"
          : "room_id or venue_id is required");
      }
      if (byRoom) {
        UUID roomId = Ids.uuid("room_id", r.getRoomId());
        return tables.listTablesOfRoom(roomId, Paging.of(r.getLimit(), r.getOffset()), VenueScope.of(caller))
          .map(page -> page.orElseThrow(() -> ServiceException.notFound("room", r.getRoomId())));
      }
      UUID venueId = Ids.uuid("venue_id", r.getVenueId());
      caller.require(Permission.READ_VENUE, venueId.toString(), "venue", r.getVenueId());
      return tables.listTablesOfVenue(venueId, Paging.of(r.getLimit(), r.getOffset()))
        .map(page -> page.orElseThrow(() -> ServiceException.notFound("venue", r.getVenueId())));
    });
  }

  /** One transaction: the update itself finds the table only within the caller's venues. */
  Future<Table> updateTable(Caller caller, UpdateTableRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOfTable(id), "table", r.getId());
      }
      UpdateTableRequest.Builder clean = UpdateTableRequest.newBuilder()
        .setId(r.getId())
        .setName(required("name", r.getName(), TABLE_NAME_MAX))
        .setCapacity(capacity(r.getCapacity()))
        .setZone(optional("zone", r.getZone(), ZONE_MAX))
        .setCanMerge(r.getCanMerge());
      if (r.hasPosition()) { // replaced like the zone: a request without one clears it
        clean.setPosition(position(r.getPosition()));
      }
      return tables.updateTable(id, clean.build(), VenueScope.of(caller), t -> layoutChanged(caller, t))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", r.getId())))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf);
    });
  }

  /** The table read the delete needs anyway (its venue, for the booking check) is where access is checked. */
  Future<DeleteTableResponse> deleteTable(Caller caller, DeleteTableRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      return tables.findTable(id)
        .map(found -> {
          Table t = found.orElseThrow(() -> ServiceException.notFound("table", r.getId()));
          caller.require(Permission.EDIT_STRUCTURE, t.getVenueId(), "table", r.getId());
          return t;
        })
        .compose(t -> refuseIfBooked(bookings, t.getVenueId(), List.of(t.getId()), "table " + t.getId()))
        .compose(v -> tables.deleteTable(id, t -> layoutChanged(caller, t)))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", r.getId())))
        .andThen(written(eventsWritten))
        .compose(this::invalidateRoomOf)
        .map(t -> DeleteTableResponse.newBuilder().setSuccess(true).build());
    });
  }

  private Future<Optional<String>> venueOfRoom(UUID roomId) {
    return rooms.findRoom(roomId).map(room -> room.map(Room::getVenueId));
  }

  private Future<Optional<String>> venueOfTable(UUID tableId) {
    return tables.findTable(tableId).map(t -> t.map(Table::getVenueId));
  }

  private OutboxEvent layoutChanged(Caller caller, Table t) {
    return events.layoutUpdated(caller, t.getVenueId(), t.getRoomId(), List.of(t.getId()));
  }

  private Future<Table> invalidateRoomOf(Table t) {
    return layouts.invalidate(List.of(t.getRoomId())).map(t);
  }
}
