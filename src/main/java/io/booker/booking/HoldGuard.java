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

  /**
   * The keys {@code bookingId} holds now: those it took, and those it had already (a reschedule
   * onto the same table and time). When it fails, it gives back only what it took.
   */
  Future<Held> take(Placement placement, UUID bookingId) {
    List<String> keys = HoldKeys.of(placement.venueId(), placement.tables(), placement.slot());
    return holds.acquire(keys, bookingId, ttl).compose(attempt -> {
      List<String> ours = new ArrayList<>();
      Set<UUID> others = new HashSet<>();
      attempt.heldBy().forEach((key, holder) -> {
        if (holder.equals(bookingId)) {
          ours.add(key);
        } else {
          others.add(holder);
        }
      });
      if (others.isEmpty()) {
        return Future.succeededFuture(new Held(attempt.taken(), ours));
      }
      return store.holders(others, placement.tableIds(), placement.period())
        .compose(states -> settle(placement, bookingId, attempt.heldBy(), states))
        .map(takenOver -> {
          List<String> taken = new ArrayList<>(attempt.taken());
          taken.addAll(takenOver);
          return new Held(taken, ours);
        })
        .onFailure(t -> holds.release(attempt.taken(), bookingId));
    });
  }

  /**
   * Keys held for a booking.
   *
   * @param taken keys this attempt took (to give back if the booking is not written)
   * @param alreadyOurs keys the booking held before (never given back on a failure)
   */
  record Held(List<String> taken, List<String> alreadyOurs) {
  }

  /** Refuses if any holder blocks; then takes over the stale keys. Answers the keys taken over. */
  private Future<List<String>> settle(Placement placement, UUID bookingId, Map<String, UUID> heldBy,
                                      Map<UUID, BookingStore.HolderState> states) {
    List<Map.Entry<String, UUID>> stale = new ArrayList<>();
    for (Map.Entry<String, UUID> e : heldBy.entrySet()) {
      if (e.getValue().equals(bookingId)) {
        continue;
      }
      BookingStore.HolderState state = states.getOrDefault(e.getValue(), BookingStore.HolderState.UNKNOWN);
      if (state == BookingStore.HolderState.BLOCKING) {
        return Future.failedFuture(SlotTaken.of(placement, HoldKeys.tableOf(e.getKey())));
      }
      if (state == BookingStore.HolderState.STALE) {
        stale.add(e);
      }
    }
    List<Future<String>> takeOvers = new ArrayList<>();
    for (Map.Entry<String, UUID> e : stale) {
      String key = e.getKey();
      takeOvers.add(holds.takeOver(key, e.getValue(), bookingId, ttl).map(ok -> {
        if (ok) {
          BookingLog.holdKeyTakenOver(key, e.getValue(), bookingId);
        }
        return ok ? key : null;
      }));
    }
    return Future.all(takeOvers).map(done -> {
      List<String> taken = new ArrayList<>();
      for (Future<String> f : takeOvers) {
        if (f.result() != null) {
          taken.add(f.result());
        }
      }
      return taken;
    });
  }
}
