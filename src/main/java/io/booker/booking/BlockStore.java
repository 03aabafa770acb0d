package io.booker.booking;

import io.booker.booking.domain.Block;
import io.booker.booking.domain.Period;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The blocks of the booking database, beside the bookings they limit. A block and the bookings of
 * its tables are serialised per table: creating a block takes the same per-table lock as a booking
 * write, then reads the active bookings it overlaps, so no booking can slip onto a table between
 * that read and the block's commit; a booking write checks the blocks of its tables after taking
 * the lock, in its own transaction (see docs/seating.md, "Blocked tables").
 */
public interface BlockStore {

  /**
   * What a create did: the block as stored (empty when it overlaps active bookings and was not
   * allowed to), and the active bookings (held in time, confirmed, seated) it overlaps, by id.
   */
  record Created(Optional<Block> block, List<UUID> overlapping) {
    public Created {
      overlapping = List.copyOf(overlapping);
    }
  }

  /**
   * Writes {@code draft} with its outbox event, stamped with the database's clock
   * ({@code draft.createdAt()} is not used), unless it overlaps active bookings and
   * {@code allowOverlap} is false; either way, answers the bookings it overlaps.
   */
  Future<Created> create(Block draft, boolean allowOverlap);

  Future<Optional<Block>> load(UUID id);

  /** Deletes the block (for good) with its outbox event; false when it was already gone. */
  Future<Boolean> delete(Block block, String actorId);

  /**
   * The venue's blocks overlapping {@code range}, by start time; without a range, those not over
   * yet that start within {@value #UPCOMING_DAYS} days.
   */
  Future<List<Block>> list(UUID venueId, Period range);

  int UPCOMING_DAYS = 93;
}
