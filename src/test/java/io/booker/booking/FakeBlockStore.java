package io.booker.booking;

import io.booker.booking.domain.Block;
import io.booker.booking.domain.Period;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Blocks in memory, beside the bookings of a {@link FakeBookingStore} (whose clock stamps them, and
 * whose active bookings a new block may overlap). Records what was asked of it.
 */
final class FakeBlockStore implements BlockStore {

  record CreateCall(Block draft, boolean allowOverlap) {
  }

  record DeleteCall(UUID id, String actorId) {
  }

  private final FakeBookingStore bookings;
  final List<CreateCall> creates = new ArrayList<>();
  final List<DeleteCall> deletes = new ArrayList<>();
  final List<Period> lists = new ArrayList<>();

  FakeBlockStore(FakeBookingStore bookings) {
    this.bookings = bookings;
  }

  Block put(Block k) {
    bookings.blocks.put(k.id(), k);
    return k;
  }

  @Override
  public Future<Created> create(Block draft, boolean allowOverlap) {
    creates.add(new CreateCall(draft, allowOverlap));
    List<UUID> overlapping = bookings.activeOverlapping(draft.tableIds(), draft.period());
    if (!overlapping.isEmpty() && !allowOverlap) {
      return Future.succeededFuture(new Created(Optional.empty(), overlapping));
    }
    Block stored = put(new Block(draft.id(), draft.venueId(), draft.roomId(), draft.tableIds(), draft.period(), draft.reason(),
      draft.createdBy(), bookings.now));
    return Future.succeededFuture(new Created(Optional.of(stored), overlapping));
  }

  @Override
  public Future<Optional<Block>> load(UUID id) {
    return Future.succeededFuture(Optional.ofNullable(bookings.blocks.get(id)));
  }

  @Override
  public Future<Boolean> delete(Block block, String actorId) {
    deletes.add(new DeleteCall(block.id(), actorId));
    return Future.succeededFuture(bookings.blocks.remove(block.id()) != null);
  }

  @Override
  public Future<List<Block>> list(UUID venueId, Period range) {
    lists.add(range);
    Period window = range != null ? range : new Period(bookings.now, bookings.now.plus(java.time.Duration.ofDays(UPCOMING_DAYS)));
    return Future.succeededFuture(bookings.blocks.values().stream()
      .filter(k -> k.venueId().equals(venueId) && k.overlaps(window))
      .sorted(Comparator.comparing((Block k) -> k.period().start()).thenComparing(Block::id))
      .toList());
  }
}
