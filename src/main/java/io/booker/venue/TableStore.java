package io.booker.venue;

import io.booker.common.Paging;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tables of the rooms, and a room's layout (all its tables). Every write appends its event
 * (built from the table as written) to the outbox in the same transaction; a name already used in
 * the room fails the write with ALREADY_EXISTS.
 */
public interface TableStore {

  /** Inserts table {@code id} into the room; empty when the room does not exist or its venue is outside {@code scope}. */
  Future<Optional<Table>> insertTable(UUID id, UUID roomId, TableFields fields, VenueScope scope, Function<Table, OutboxEvent> event);

  Future<Optional<Table>> findTable(UUID id);

  /** Replaces every field, the position too; empty when the table does not exist or its venue is outside {@code scope}. */
  Future<Optional<Table>> updateTable(UUID id, TableFields fields, VenueScope scope, Function<Table, OutboxEvent> event);

  /** Empty, and no event, when the table does not exist; the combinations that contain it go with it. */
  Future<Optional<Table>> deleteTable(UUID id, Function<Table, OutboxEvent> event);

  /** A page of the room's tables with their total; empty when the room does not exist or its venue is outside {@code scope}. */
  Future<Optional<Page<Table>>> listTablesOfRoom(UUID roomId, Paging paging, VenueScope scope);

  /** A page of the venue's tables with their total; empty when the venue does not exist. */
  Future<Optional<Page<Table>>> listTablesOfVenue(UUID venueId, Paging paging);

  /** Every table of a room, in one read; empty when the room does not exist. */
  Future<Optional<RoomLayout>> loadLayout(UUID roomId);
}
