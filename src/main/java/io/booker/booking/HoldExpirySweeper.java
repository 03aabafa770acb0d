package io.booker.booking;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires lapsed holds on a periodic timer ({@code booking.expiry.interval_ms}, default 1000), in
 * batches of {@code booking.expiry.batch_size} (100), again at once while batches come back full;
 * and forgets idempotency keys older than a day every ten minutes. Every booking node runs one:
 * the database hands each lapsed hold to one of them ({@code FOR UPDATE SKIP LOCKED}).
 */
public final class HoldExpirySweeper {

  private static final Logger log = LoggerFactory.getLogger(HoldExpirySweeper.class);
  private static final long FORGET_KEYS_EVERY_MS = 600_000;

  private final Vertx vertx;
  private final HoldExpiry expiry;
  private final long intervalMs;
  private final int batchSize;
  private long sweepTimer = -1;
  private long forgetTimer = -1;
  private boolean running;
  private boolean stopped;
  private Promise<Void> whenIdle;

  HoldExpirySweeper(Vertx vertx, HoldExpiry expiry, JsonObject config) {
    this.vertx = vertx;
    this.expiry = expiry;
    this.intervalMs = config.getLong("interval_ms", 1000L);
    this.batchSize = config.getInteger("batch_size", 100);
  }

  public void start() {
    sweepTimer = vertx.setPeriodic(intervalMs, id -> sweep());
    forgetTimer = vertx.setPeriodic(FORGET_KEYS_EVERY_MS, id -> expiry.forgetIdempotencyKeys()
      .onSuccess(n -> {
        if (n > 0) {
          log.info("event=idempotency_keys_forgotten count={}", n);
        }
      })
      .onFailure(t -> log.warn("event=idempotency_keys_forget_failed error={}", t.toString())));
  }

  /** Stops the timers; completes once a sweep in progress has finished (so its pool can close). */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(sweepTimer);
    vertx.cancelTimer(forgetTimer);
    if (!running) {
      return Future.succeededFuture();
    }
    whenIdle = Promise.promise();
    return whenIdle.future();
  }

  private void sweep() {
    if (running || stopped) {
      return;
    }
    running = true;
    expiry.sweep(batchSize).onComplete(ar -> {
      running = false;
      if (whenIdle != null) {
        whenIdle.tryComplete();
      }
      if (ar.failed()) {
        log.warn("event=hold_expiry_failed error={}", ar.cause().toString());
      } else if (ar.result() > 0) {
        // Each expiry has its own INFO line (BookingLog); the batch is a detail.
        log.debug("event=holds_expired count={}", ar.result());
        if (ar.result() >= batchSize && !stopped) {
          sweep();
        }
      }
    });
  }
}
