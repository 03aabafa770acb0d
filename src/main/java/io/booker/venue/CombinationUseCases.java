package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.CombinationText;
import io.booker.venue.domain.Room;
import io.booker.venue.domain.TableCombination;
import io.booker.venue.domain.TablesNotInRoom;
import io.booker.venue.domain.VenueScope;
import io.booker.venue.domain.seating.Combination;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;
import static io.booker.venue.StructureChecks.refused;
import static io.booker.venue.StructureChecks.written;

/**
 * The table combinations of a room: 2 to 8 of its tables that seat one party together, for the
 * party sizes given ({@link Combination} checks the shape). Every change commits a layout event
 * of the room (the combination's tables) with it, so live clients refresh, and kicks the relay
 * once committed.
 *
 * <p>Access as for tables: changing a combination needs {@link Permission#EDIT_STRUCTURE} on its
 * venue, reading one {@link Permission#READ_VENUE}; a room or combination of a venue the caller
 * does not see answers NOT_FOUND exactly as a missing one. Writes carry the caller's
 * {@link VenueScope} into the write; whether the tables are the room's is checked in the writing
 * transaction, never before it.
 */
final class CombinationUseCases {

  private final CombinationStore combinations;
  private final RoomStore rooms;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  CombinationUseCases(VenueDeps deps) {
    this.combinations = deps.combinations();
    this.rooms = deps.rooms();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
  }

  Future<List<TableCombination>> listCombinations(Caller caller, String room) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      UUID roomId = Ids.uuid("room_id", room);
      return combinations.listCombinations(roomId, VenueScope.of(caller))
        .map(found -> found.orElseThrow(() -> ServiceException.notFound("room", room)));
    });
  }

  Future<TableCombination> createCombination(Caller caller, String room, CombinationText text) {
    return attempt(() -> {
      UUID roomId = Ids.uuid("room_id", room);
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, rooms.findRoom(roomId).map(r -> r.map(Room::venueId)), "room", room);
      }
      Combination combination = combination(UUID.randomUUID(), roomId, text);
      return combinations.insertCombination(combination, VenueScope.of(caller), c -> changed(caller, c))
        .transform(ar -> answer(ar, combination, "room", room))
        .andThen(written(eventsWritten));
    });
  }

  /**
   * The combination keeps its room (a combination's room never changes, so reading it before the
   * write is safe); its tables and party sizes are replaced. Access is checked on the combination
   * as read, as a table's delete does.
   */
  Future<TableCombination> updateCombination(Caller caller, String id, CombinationText text) {
    return attempt(() -> {
      UUID combinationId = Ids.uuid("id", id);
      return combinations.findCombination(combinationId).compose(found -> {
        TableCombination stored = found.orElseThrow(() -> ServiceException.notFound("combination", id));
        caller.require(Permission.EDIT_STRUCTURE, stored.venueId(), "combination", id);
        Combination combination = combination(combinationId, stored.combination().roomId(), text);
        return combinations.updateCombination(combination, VenueScope.of(caller), c -> changed(caller, c))
          .transform(ar -> answer(ar, combination, "combination", id));
      }).andThen(written(eventsWritten));
    });
  }

  Future<Void> deleteCombination(Caller caller, String id) {
    return attempt(() -> {
      UUID combinationId = Ids.uuid("id", id);
      if (!caller.may(Permission.EDIT_STRUCTURE)) {
        return refused(caller, Permission.EDIT_STRUCTURE, venueOf(combinationId), "combination", id);
      }
      return combinations.deleteCombination(combinationId, VenueScope.of(caller), c -> changed(caller, c))
        .map(c -> c.orElseThrow(() -> ServiceException.notFound("combination", id)))
        .andThen(written(eventsWritten))
        .mapEmpty();
    });
  }

  /** Validates the request's shape; errors name {@code table_ids[i]}, {@code min_party_size}, {@code max_party_size}. */
  static Combination combination(UUID id, UUID roomId, CombinationText text) {
    List<UUID> tableIds = new ArrayList<>(text.tableIds().size());
    for (int i = 0; i < text.tableIds().size(); i++) {
      tableIds.add(Ids.uuid("table_ids[" + i + "]", text.tableIds().get(i)));
    }
    return new Combination(id, roomId, tableIds, text.minPartySize(), text.maxPartySize());
  }

  /** The written combination; NOT_FOUND for a missing one; INVALID_ARGUMENT naming the first table not in the room. */
  private static Future<TableCombination> answer(io.vertx.core.AsyncResult<Optional<TableCombination>> ar, Combination asked,
                                                 String what, String id) {
    if (ar.failed()) {
      if (ar.cause() instanceof TablesNotInRoom t) {
        int i = asked.tableIds().indexOf(t.missing().get(0));
        return Future.failedFuture(ServiceException.invalid("table_ids[" + i + "]",
          "table " + t.missing().get(0) + " is not a table of the combination's room"));
      }
      return Future.failedFuture(ar.cause());
    }
    return ar.result().map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(ServiceException.notFound(what, id)));
  }

  private Future<Optional<String>> venueOf(UUID combinationId) {
    return combinations.findCombination(combinationId).map(c -> c.map(TableCombination::venueId));
  }

  private OutboxEvent changed(Caller caller, TableCombination c) {
    List<String> tableIds = c.combination().tableIds().stream().map(UUID::toString).toList();
    return events.layoutUpdated(caller, c.venueId(), c.roomId(), tableIds);
  }
}
