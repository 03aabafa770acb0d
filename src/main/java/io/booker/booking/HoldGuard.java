package io.booker.booking;

import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.SlotTaken;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes the Redis holds of a placement for a booking, as the original did, made safe. A key held
 * by another booking is checked against the database: an active overlapping booking means the
 * table is taken (SLOT_TAKEN, without touching the database further); a booking that no longer
 * holds it leaves a stale key, which is taken over once; a holder the database does not know yet
 * is a transaction in flight, and the database's constraint decides between the two.
 */
final class HoldGuard {

  private final HoldStore holds;
  private final BookingStore store;
  private final Duration ttl;

  HoldGuard(HoldStore holds, BookingStore store, Duration ttl) {
    this.holds = holds;
    this.store = store;
    this.ttl = ttl;
  }

  /** The keys now held for {@code bookingId} (possibly none, e.g. while Redis is down). */
  Future<List<String>> take(Placement placement, UUID bookingId) {
    List<String> keys = HoldKeys.of(placement.venueId(), placement.tables(), placement.slot());
    return holds.acquire(keys, bookingId, ttl).compose(attempt -> {
      List<String> taken = new ArrayList<>(attempt.taken());
      Set<UUID> others = new HashSet<>();
      attempt.heldBy().forEach((key, holder) -> {
        if (holder.equals(bookingId)) {
          taken.add(key); // ours already (a reschedule onto the same table and time)
        } else {
          others.add(holder);
        }
      });
      if (others.isEmpty()) {
        return Future.succeededFuture(taken);
      }
      return store.holders(others, placement.tableIds(), placement.period())
        .compose(states -> settle(placement, bookingId, attempt.heldBy(), states, taken))
        .onFailure(t -> holds.release(taken, bookingId));
    });
  }

  private Future<List<String>> settle(Placement placement, UUID bookingId, Map<String, UUID> heldBy,
                                      Map<UUID, BookingStore.HolderState> states, List<String> taken) {
    List<Future<String>> takeOvers = new ArrayList<>();
    for (Map.Entry<String, UUID> e : heldBy.entrySet()) {
      BookingStore.HolderState state = states.getOrDefault(e.getValue(), BookingStore.HolderState.UNKNOWN);
      if (e.getValue().equals(bookingId)) {
        continue;
      }
      if (state == BookingStore.HolderState.BLOCKING) {
        return Future.failedFuture(SlotTaken.of(placement, HoldKeys.tableOf(e.getKey())));
      }
      if (state == BookingStore.HolderState.STALE) {
        String key = e.getKey();
        takeOvers.add(holds.takeOver(key, e.getValue(), bookingId, ttl).map(ok -> ok ? key : null));
      }
    }
    return Future.all(takeOvers).map(done -> {
      List<String> all = new ArrayList<>(taken);
      for (Future<String> f : takeOvers) {
        if (f.result() != null) {
          all.add(f.result());
        }
      }
      return all;
    });
  }
}
