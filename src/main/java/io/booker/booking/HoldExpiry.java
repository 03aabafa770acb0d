package io.booker.booking;

import io.vertx.core.Future;

import java.time.Duration;

/**
 * The periodic work of the booking service: expiring lapsed holds (with their events, releasing
 * their Redis keys) and forgetting idempotency keys after a day. Safe on every node at once.
 */
final class HoldExpiry {

  static final Duration IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);

  private final BookingDeps deps;

  HoldExpiry(BookingDeps deps) {
    this.deps = deps;
  }

  /** Expires up to {@code batch} lapsed holds; answers how many. */
  Future<Integer> sweep(int batch) {
    return deps.store().expireLapsedHolds(batch).map(expired -> {
      if (!expired.isEmpty()) {
        deps.eventsWritten().run();
        BookingMetrics.expired(expired);
        expired.forEach(BookingLog::expired);
        deps.holds().releaseAll(expired);
      }
      return expired.size();
    });
  }

  Future<Integer> forgetIdempotencyKeys() {
    return deps.store().forgetIdempotencyKeys(IDEMPOTENCY_KEY_LIFETIME);
  }
}
