package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.proto.booking.CountFutureBookingsRequest;
import io.booker.proto.venue.*;
import io.booker.venue.adapter.LayoutCache;
import io.booker.venue.adapter.RoomLayout;
import io.booker.venue.adapter.RoomTables;
import io.booker.venue.adapter.VenueRepository;
import io.booker.venue.adapter.VenueScope;
import io.booker.venue.domain.PlanPosition;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static io.booker.venue.domain.StructureFields.*;

/**
 * Venues, rooms and tables, and the table layout of a room.
 *
 * <p>Every change commits its outbox event with it and, once committed, kicks the relay and
 * invalidates the cached layouts it touched (see {@link LayoutCache} for why that is enough).
 * Deletes first ask the booking service whether the venue, room or table still has future
 * bookings; if it cannot answer, nothing is deleted.
 *
 * <p>Access: every call is on behalf of a {@link Caller}, checked before anything is written (and
 * before the booking service is asked). Creating and deleting venues is for admins; changing a
 * venue, its rooms and tables needs {@link Permission#EDIT_STRUCTURE} on that venue; reading needs
 * {@link Permission#READ_VENUE}. A venue the caller does not see, and its rooms and tables, answer
 * NOT_FOUND exactly as missing ones do. Writes by room or table id carry the caller's
 * {@link VenueScope} into their statement, so finding the row's venue costs no extra round trip.
 */
final class StructureUseCases {

  /**
   * Room deletes retried when tables appear between the booking check and the delete; when they
   * keep appearing the delete is a 409 CONCURRENT_CHANGE with nothing deleted (never a 503: the
   * service is fine, the room is busy).
   */
  private static final int ROOM_DELETE_ATTEMPTS = 3;

  private final VenueDeps deps;
  private final VenueRepository repository;
  private final LayoutCache layouts;

  StructureUseCases(VenueDeps deps) {
    this.deps = deps;
    this.repository = new VenueRepository(deps.pool());
    this.layouts = new LayoutCache(deps.redis());
  }

  // ---- venues

  Future<Venue> createVenue(Caller caller, CreateVenueRequest r) {
    return attempt(() -> {
      caller.require(Permission.MANAGE_VENUES);
      CreateVenueRequest clean = CreateVenueRequest.newBuilder()
        .setName(required("name", r.getName(), VENUE_NAME_MAX))
        .setTimezone(r.getTimezone().isBlank() ? "UTC" : zone(r.getTimezone()))
        .setAddress(multiline("address", r.getAddress(), ADDRESS_MAX))
        .setPhone(phone(r.getPhone()))
        .setEmail(email(r.getEmail()))
        .setDescription(multiline("description", r.getDescription(), DESCRIPTION_MAX))
        .setLanguage(language(r.getLanguage()))
        .build();
      return repository.insertVenue(UUID.randomUUID(), clean, deps.events()::venueCreated).andThen(written());
    });
  }

  Future<Venue> getVenue(Caller caller, GetVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.READ_VENUE, id.toString(), "venue", r.getId());
      return repository.findVenue(id).map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", r.getId())));
    });
  }

  /** Admins list every venue; anyone else only theirs, with the total of theirs (one statement either way). */
  Future<ListVenuesResponse> listVenues(Caller caller, ListVenuesRequest r) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      return repository.listVenues(Paging.of(r.getLimit(), r.getOffset()), VenueScope.of(caller));
    });
  }

  Future<Venue> updateVenue(Caller caller, UpdateVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.EDIT_STRUCTURE, id.toString(), "venue", r.getId());
      UpdateVenueRequest clean = UpdateVenueRequest.newBuilder()
        .setId(r.getId())
        .setName(required("name", r.getName(), VENUE_NAME_MAX))
        .setAddress(multiline("address", r.getAddress(), ADDRESS_MAX))
        .setPhone(phone(r.getPhone()))
        .setEmail(email(r.getEmail()))
        .setDescription(multiline("description", r.getDescription(), DESCRIPTION_MAX))
        .setTimezone(r.getTimezone().isBlank() ? "" : zone(r.getTimezone())) // empty keeps the current zone
        .setLanguage(language(r.getLanguage())) // replaced like the description: empty clears it
        .build();
      return repository.updateVenue(id, clean, deps.events()::venueUpdated)
        .map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", r.getId())))
        .andThen(written());
    });
  }

  Future<DeleteVenueResponse> deleteVenue(Caller caller, DeleteVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.MANAGE_VENUES, id.toString(), "venue", r.getId());
      return repository.findVenue(id)
        .compose(v -> v.isPresent() ? refuseIfBooked(id.toString(), List.of(), "venue " + id)
          : Future.failedFuture(ServiceException.notFound("venue", r.getId())))
        // Bookings are counted by venue, so rooms or tables added meanwhile are covered too.
        .compose(v -> repository.deleteVenue(id, deps.events().venueDeleted(id.toString())))
        .map(rooms -> rooms.orElseThrow(() -> ServiceException.notFound("venue", r.getId())))
        .andThen(written())
        .compose(layouts::invalidate)
        .map(v -> DeleteVenueResponse.newBuilder().setSuccess(true).build());
    });
  }

  // ---- rooms

  Future<Room> createRoom(Caller caller, CreateRoomRequest r) {
    return attempt(() -> {
      UUID venueId = Ids.uuid("venue_id", r.getVenueId());
      caller.require(Permission.EDIT_STRUCTURE, venueId.toString(), "venue", r.getVenueId());
      String name = required("name", r.getName(), ROOM_NAME_MAX);
      return repository.insertRoom(UUID.randomUUID(), venueId, name)
        .map(room -> room.orElseThrow(() -> ServiceException.notFound("venue", r.getVenueId())));
    });
  }

  Future<Room> getRoom(Caller caller, GetRoomRequest r) {
    return attempt(() -> repository.findRoom(Ids.uuid("id", r.getId()))
      .map(found -> {
        Room room = found.orElseThrow(() -> ServiceException.notFound("room", r.getId()));
        caller.require(Permission.READ_VENUE, room.getVenueId(), "room", r.getId());
        return room;
      }));
  }

  Future<ListRoomsResponse> listRooms(Caller caller, ListRoomsRequest r) {
    return attempt(() -> {
      UUID venueId = Ids.uuid("venue_id", r.getVenueId());
      caller.require(Permission.READ_VENUE, venueId.toString(), "venue", r.getVenueId());
      return repository.listRooms(venueId, Paging.of(r.getLimit(), r.getOffset()))
        .map(page -> page.orElseThrow(() -> ServiceException.notFound("venue", r.getVenueId())));
    });
  }

  /** One statement: the update itself finds the room only within the caller's venues. */
  Future<Room> updateRoom(Caller caller, UpdateRoomRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOfRoom(id), "room", r.getId());
      }
      String name = required("name", r.getName(), ROOM_NAME_MAX);
      return repository.updateRoom(id, name, VenueScope.of(caller))
        .map(room -> room.orElseThrow(() -> ServiceException.notFound("room", r.getId())))
        .compose(room -> layouts.invalidate(List.of(room.getId())).map(room));
    });
  }

  Future<DeleteRoomResponse> deleteRoom(Caller caller, DeleteRoomRequest r) {
    return attempt(() -> deleteRoom(caller, Ids.uuid("id", r.getId()), ROOM_DELETE_ATTEMPTS)
      .map(v -> DeleteRoomResponse.newBuilder().setSuccess(true).build()));
  }

  /** The room's venue comes with its tables (the read the delete needs anyway): checked before the booking service is asked. */
  private Future<Void> deleteRoom(Caller caller, UUID id, int attemptsLeft) {
    return repository.roomTables(id)
      .map(found -> {
        RoomTables room = found.orElseThrow(() -> ServiceException.notFound("room", id.toString()));
        caller.require(Permission.EDIT_STRUCTURE, room.venueId(), "room", id.toString());
        return room;
      })
      .compose(room -> (room.tableIds().isEmpty() ? Future.<Void>succeededFuture()
          : refuseIfBooked(room.venueId(), room.tableIds(), "room " + id))
        .compose(v -> repository.deleteRoom(id, room,
          gone -> deps.events().layoutUpdated(gone.venueId(), id.toString(), gone.tableIds()))))
      .map(gone -> gone.orElseThrow(() -> ServiceException.notFound("room", id.toString())))
      .andThen(written())
      .compose(gone -> layouts.invalidate(List.of(id.toString())))
      .recover(t -> {
        if (t instanceof VenueRepository.TablesChanged) {
          return attemptsLeft > 1 ? deleteRoom(caller, id, attemptsLeft - 1)
            : Future.failedFuture(new ServiceException(ErrorCode.CONCURRENT_CHANGE,
              "tables are being added to room " + id + " while it is deleted; nothing was deleted"));
        }
        return Future.failedFuture(t);
      });
  }

  // ---- tables

  /** One transaction as before: the insert itself finds the room only within the caller's venues. */
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
      return repository.insertTable(UUID.randomUUID(), roomId, clean.build(), VenueScope.of(caller), this::layoutChanged)
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("room", r.getRoomId())))
        .andThen(written())
        .compose(this::invalidateRoomOf);
    });
  }

  Future<Table> getTable(Caller caller, GetTableRequest r) {
    return attempt(() -> repository.findTable(Ids.uuid("id", r.getId()))
      .map(found -> {
        Table t = found.orElseThrow(() -> ServiceException.notFound("table", r.getId()));
        caller.require(Permission.READ_VENUE, t.getVenueId(), "table", r.getId());
        return t;
      }));
  }

  /** Of a room: the list statement finds the room only within the caller's venues. Of a venue: checked first. */
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
        return repository.listTablesOfRoom(roomId, Paging.of(r.getLimit(), r.getOffset()), VenueScope.of(caller))
          .map(page -> page.orElseThrow(() -> ServiceException.notFound("room", r.getRoomId())));
      }
      UUID venueId = Ids.uuid("venue_id", r.getVenueId());
      caller.require(Permission.READ_VENUE, venueId.toString(), "venue", r.getVenueId());
      return repository.listTablesOfVenue(venueId, Paging.of(r.getLimit(), r.getOffset()))
        .map(page -> page.orElseThrow(() -> ServiceException.notFound("venue", r.getVenueId())));
    });
  }

  /** One transaction as before: the update itself finds the table only within the caller's venues. */
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
      return repository.updateTable(id, clean.build(), VenueScope.of(caller), this::layoutChanged)
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", r.getId())))
        .andThen(written())
        .compose(this::invalidateRoomOf);
    });
  }

  /** The table read the delete needs anyway (its venue, for the booking check) is where access is checked. */
  Future<DeleteTableResponse> deleteTable(Caller caller, DeleteTableRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      return repository.findTable(id)
        .map(found -> {
          Table t = found.orElseThrow(() -> ServiceException.notFound("table", r.getId()));
          caller.require(Permission.EDIT_STRUCTURE, t.getVenueId(), "table", r.getId());
          return t;
        })
        .compose(t -> refuseIfBooked(t.getVenueId(), List.of(t.getId()), "table " + t.getId()))
        .compose(v -> repository.deleteTable(id, this::layoutChanged))
        .map(t -> t.orElseThrow(() -> ServiceException.notFound("table", r.getId())))
        .andThen(written())
        .compose(this::invalidateRoomOf)
        .map(t -> DeleteTableResponse.newBuilder().setSuccess(true).build());
    });
  }

  // ---- layout

  /**
   * The room's tables, from the cache when it holds them. A room of another venue than the one
   * asked for, or of a venue the caller does not see, is NOT_FOUND, whether or not its layout is
   * cached (the cached value carries the room's venue).
   */
  Future<GetTableLayoutResponse> getTableLayout(Caller caller, GetTableLayoutRequest r) {
    return attempt(() -> {
      // venue_id is optional: when given, a room of another venue is NOT_FOUND.
      String venueId = r.getVenueId().isEmpty() ? null : Ids.uuid("venue_id", r.getVenueId()).toString();
      UUID roomId = Ids.uuid("room_id", r.getRoomId());
      if (venueId != null) {
        caller.require(Permission.READ_VENUE, venueId, "room", r.getRoomId());
      }
      String room = roomId.toString();
      return layouts.lookup(room).compose(lookup -> {
        if (lookup.hit() != null) {
          return Future.succeededFuture(lookup.hit());
        }
        return repository.loadLayout(roomId).map(loaded -> {
          RoomLayout layout = loaded.orElseThrow(() -> ServiceException.notFound("room", r.getRoomId()));
          layouts.store(room, lookup, layout); // not awaited: it never fails and the caller need not wait
          return layout;
        });
      }).map(layout -> {
        if (venueId != null && !layout.venueId().equals(venueId)) {
          throw ServiceException.notFound("room", r.getRoomId());
        }
        caller.require(Permission.READ_VENUE, layout.venueId(), "room", r.getRoomId());
        return layout.layout();
      });
    });
  }

  // ---- helpers

  /**
   * The answer to a caller whose role lacks {@code permission} (checked by the caller of this
   * method) for a write by room or table id: NOT_FOUND when it does not exist or belongs to a
   * venue they do not see, exactly a missing one's answer, else PERMISSION_DENIED. One read;
   * nothing is written.
   */
  private static <T> Future<T> refused(Caller caller, Permission permission, Future<Optional<String>> venueOf, String what, String id) {
    return venueOf.map(venue -> {
      venue.ifPresent(v -> caller.require(permission, v, what, id)); // the role lacks it: always throws
      throw ServiceException.notFound(what, id);
    });
  }

  private Future<Optional<String>> venueOfRoom(UUID roomId) {
    return repository.findRoom(roomId).map(room -> room.map(Room::getVenueId));
  }

  private Future<Optional<String>> venueOfTable(UUID tableId) {
    return repository.findTable(tableId).map(t -> t.map(Table::getVenueId));
  }

  /** A table's place on the floor plan, checked by {@link PlanPosition}. */
  private static FloorPosition position(FloorPosition p) {
    new PlanPosition(p.getX(), p.getY(), p.getWidth(), p.getHeight(), p.getRotation(), p.getShape());
    return p;
  }

  private OutboxEvent layoutChanged(Table t) {
    return deps.events().layoutUpdated(t.getVenueId(), t.getRoomId(), List.of(t.getId()));
  }

  private Future<Table> invalidateRoomOf(Table t) {
    return layouts.invalidate(List.of(t.getRoomId())).map(t);
  }

  /** After a transaction that wrote outbox events committed: have the relay publish them now. */
  private <T> Handler<AsyncResult<T>> written() {
    return ar -> {
      if (ar.succeeded()) {
        deps.eventsWritten().run();
      }
    };
  }

  /**
   * Fails with HAS_FUTURE_BOOKINGS when the booking service counts future active bookings on these
   * tables ({@code tableIds} empty: the whole venue), and with the booking service's own error
   * when it cannot answer. A booking made after this check and before the delete commits is not
   * seen; the booking service validates its tables against this service when it books.
   */
  private Future<Void> refuseIfBooked(String venueId, List<String> tableIds, String what) {
    return deps.bookings().countFutureBookings(CountFutureBookingsRequest.newBuilder()
        .setVenueId(venueId).addAllTableIds(tableIds).build())
      .compose(count -> count.getTotal() > 0
        ? Future.failedFuture(new ServiceException(ErrorCode.HAS_FUTURE_BOOKINGS,
          what + " has " + count.getTotal() + " future booking(s); cancel or finish them first"))
        : Future.succeededFuture());
  }

  /** Validation throws; the service contract is a failed future. */
  private static <T> Future<T> attempt(Supplier<Future<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
