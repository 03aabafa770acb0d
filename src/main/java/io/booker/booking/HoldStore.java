package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.HoldKeys;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Advisory table holds in Redis: a fast first line that keeps racing clients off the database.
 * Never what decides, and never a reason to refuse a booking: when Redis is down or slow the
 * operations complete as {@link Attempt#bypassed()} / no-ops, and booking goes on without them.
 */
public interface HoldStore {

  /**
   * The outcome of taking holds.
   *
   * @param taken the keys now holding {@code bookingId}
   * @param heldBy the keys another booking holds, with its id
   * @param bypassed true when Redis could not be asked (down or slow): nothing is known
   */
  record Attempt(List<String> taken, Map<String, UUID> heldBy, boolean bypassed) {

    public static Attempt skipped() {
      return new Attempt(List.of(), Map.of(), true);
    }
  }

  /** SET NX PX for each key, all in one round trip. */
  Future<Attempt> acquire(List<String> keys, UUID bookingId, Duration ttl);

  /** Gives {@code key} to {@code bookingId} if {@code staleHolder} still has it; true when it did. */
  Future<Boolean> takeOver(String key, UUID staleHolder, UUID bookingId, Duration ttl);

  /** Deletes each key that {@code bookingId} still holds (compare-and-delete); best effort. */
  Future<Void> release(List<String> keys, UUID bookingId);

  /** Releases the holds of bookings that left {@code held}. */
  default void releaseAll(List<Booking> bookings) {
    for (Booking b : bookings) {
      release(HoldKeys.of(b), b.id());
    }
  }
}
