package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomTables;
import io.booker.venue.domain.TablesChanged;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;
import static io.booker.venue.StructureChecks.refuseIfBooked;
import static io.booker.venue.StructureChecks.refused;
import static io.booker.venue.StructureChecks.written;
import static io.booker.venue.domain.StructureFields.ROOM_NAME_MAX;
import static io.booker.venue.domain.StructureFields.required;

/**
 * The rooms of a venue. Renaming or deleting a room drops its cached layout once committed; a
 * delete, which takes the room's tables with it, first asks the booking service whether they
 * still have future bookings (if it cannot answer, nothing is deleted) and commits a layout event.
 *
 * <p>Access: changing a room needs {@link Permission#EDIT_STRUCTURE} on its venue, reading one
 * {@link Permission#READ_VENUE}; a room of a venue the caller does not see answers NOT_FOUND
 * exactly as a missing one. A rename carries the caller's {@link VenueScope} into its write, so
 * finding the room's venue costs no extra round trip.
 */
final class RoomUseCases {

  /**
   * Room deletes retried when tables appear between the booking check and the delete; when they
   * keep appearing the delete is a 409 CONCURRENT_CHANGE with nothing deleted (never a 503: the
   * service is fine, the room is busy).
   */
  static final int ROOM_DELETE_ATTEMPTS = 3;

  private final RoomStore rooms;
  private final CachedLayouts layouts;
  private final BookingOccupancy bookings;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  RoomUseCases(VenueDeps deps) {
    this.rooms = deps.rooms();
    this.layouts = deps.layouts();
    this.bookings = deps.bookings();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
  }

  Future<Room> createRoom(Caller caller, String venue, String roomName) {
    return attempt(() -> {
      UUID venueId = Ids.uuid("venue_id", venue);
      caller.require(Permission.EDIT_STRUCTURE, venueId.toString(), "venue", venue);
      String name = required("name", roomName, ROOM_NAME_MAX);
      return rooms.insertRoom(UUID.randomUUID(), venueId, name)
        .map(room -> room.orElseThrow(() -> ServiceException.notFound("venue", venue)));
    });
  }

  Future<Room> getRoom(Caller caller, String roomId) {
    return attempt(() -> rooms.findRoom(Ids.uuid("id", roomId))
      .map(found -> {
        Room room = found.orElseThrow(() -> ServiceException.notFound("room", roomId));
        caller.require(Permission.READ_VENUE, room.venueId(), "room", roomId);
        return room;
      }));
  }

  Future<Page<Room>> listRooms(Caller caller, String venue, int limit, int offset) {
    return attempt(() -> {
      UUID venueId = Ids.uuid("venue_id", venue);
      caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
      return rooms.listRooms(venueId, Paging.of(limit, offset))
        .map(page -> page.orElseThrow(() -> ServiceException.notFound("venue", venue)));
    });
  }

  /** One write: the update itself finds the room only within the caller's venues. */
  Future<Room> updateRoom(Caller caller, String roomId, String roomName) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", roomId);
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOf(id), "room", roomId);
      }
      String name = required("name", roomName, ROOM_NAME_MAX);
      return rooms.updateRoom(id, name, VenueScope.of(caller))
        .map(room -> room.orElseThrow(() -> ServiceException.notFound("room", roomId)))
        .compose(room -> layouts.invalidate(List.of(room.id())).map(room));
    });
  }

  Future<Void> deleteRoom(Caller caller, String roomId) {
    return attempt(() -> deleteRoom(caller, Ids.uuid("id", roomId), ROOM_DELETE_ATTEMPTS));
  }

  /** The room's venue comes with its tables (the read the delete needs anyway): checked before the booking service is asked. */
  private Future<Void> deleteRoom(Caller caller, UUID id, int attemptsLeft) {
    return rooms.roomTables(id)
      .map(found -> {
        RoomTables room = found.orElseThrow(() -> ServiceException.notFound("room", id.toString()));
        caller.require(Permission.EDIT_STRUCTURE, room.venueId(), "room", id.toString());
        return room;
      })
      .compose(room -> (room.tableIds().isEmpty() ? Future.<Void>succeededFuture()
          : refuseIfBooked(bookings, room.venueId(), room.tableIds(), "room " + id))
        .compose(v -> rooms.deleteRoom(id, room,
          gone -> events.layoutUpdated(caller, gone.venueId(), id.toString(), gone.tableIds()))))
      .map(gone -> gone.orElseThrow(() -> ServiceException.notFound("room", id.toString())))
      .andThen(written(eventsWritten))
      .compose(gone -> layouts.invalidate(List.of(id.toString())))
      .recover(t -> {
        if (t instanceof TablesChanged) {
          return attemptsLeft > 1 ? deleteRoom(caller, id, attemptsLeft - 1)
            : Future.failedFuture(new ServiceException(ErrorCode.CONCURRENT_CHANGE,
              "tables are being added to room " + id + " while it is deleted; nothing was deleted"));
        }
        return Future.failedFuture(t);
      });
  }

  private Future<Optional<String>> venueOf(UUID roomId) {
    return rooms.findRoom(roomId).map(room -> room.map(Room::venueId));
  }
}
