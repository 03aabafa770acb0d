package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.TableCombination;
import io.booker.venue.domain.TablesNotInRoom;
import io.booker.venue.domain.VenueScope;
import io.booker.venue.domain.seating.Combination;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The table combinations of the rooms. A write checks, in its own transaction, that every table
 * of the combination is a table of its room (and keeps them from being deleted until it commits),
 * failing with {@link TablesNotInRoom} otherwise; it appends its event to the outbox in the same
 * transaction. Deleting a table removes the combinations that contain it ({@link TableStore#deleteTable}),
 * deleting a room or venue removes its combinations.
 */
public interface CombinationStore {

  /** Inserts {@code combination} (its id and room); empty when the room does not exist or its venue is outside {@code scope}. */
  Future<Optional<TableCombination>> insertCombination(Combination combination, VenueScope scope,
                                                       Function<TableCombination, OutboxEvent> event);

  Future<Optional<TableCombination>> findCombination(UUID id);

  /**
   * Replaces the tables and party sizes of combination {@code combination.id()}, in its room
   * {@code combination.roomId()}; empty when it is not a combination of that room or its venue is
   * outside {@code scope}.
   */
  Future<Optional<TableCombination>> updateCombination(Combination combination, VenueScope scope,
                                                       Function<TableCombination, OutboxEvent> event);

  /** Empty, and no event, when it does not exist or its venue is outside {@code scope}. */
  Future<Optional<TableCombination>> deleteCombination(UUID id, VenueScope scope, Function<TableCombination, OutboxEvent> event);

  /** The room's combinations, oldest first; empty when the room does not exist or its venue is outside {@code scope}. */
  Future<Optional<List<TableCombination>>> listCombinations(UUID roomId, VenueScope scope);
}
