package io.booker.venue;

import io.booker.common.Paging;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.RoomTables;
import io.booker.venue.domain.TablesChanged;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The rooms of the venues. Lookups by id answer {@link Optional#empty()} for an unknown id. */
public interface RoomStore {

  /** Inserts room {@code id} into the venue; empty when the venue does not exist. */
  Future<Optional<Room>> insertRoom(UUID id, UUID venueId, String name);

  Future<Optional<Room>> findRoom(UUID id);

  /** Renames the room; empty when it does not exist or its venue is outside {@code scope} (nothing written). */
  Future<Optional<Room>> updateRoom(UUID id, String name, VenueScope scope);

  /** A page of the venue's rooms, by creation, with their total; empty when the venue does not exist. */
  Future<Optional<Page<Room>>> listRooms(UUID venueId, Paging paging);

  /** The room's venue and the ids of its tables; empty when the room does not exist. */
  Future<Optional<RoomTables>> roomTables(UUID roomId);

  /**
   * Deletes a room with its tables, provided its tables are still exactly {@code checked} (the
   * ones whose bookings were checked), with {@code event} of what went; fails with
   * {@link TablesChanged} otherwise (nothing deleted). Empty when the room does not exist.
   */
  Future<Optional<RoomTables>> deleteRoom(UUID roomId, RoomTables checked, Function<RoomTables, OutboxEvent> event);
}
