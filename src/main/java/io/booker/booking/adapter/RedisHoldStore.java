package io.booker.booking.adapter;

import io.booker.booking.HoldStore;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Table holds in Redis: {@code SET key booking-id NX PX ttl GET} (one command tells whether the
 * hold was taken and, if not, who has it), released by compare-and-delete. Every call is bounded
 * by {@code timeout}; a Redis that is down or slow makes the holds a no-op, logged (at most every
 * ten seconds) and counted in {@code booking_holds_bypassed_total}, never an error.
 */
public final class RedisHoldStore implements HoldStore {

  private static final Logger log = LoggerFactory.getLogger(RedisHoldStore.class);
  private static final long LOG_EVERY_MS = 10_000;

  /** Gives KEYS[1] to ARGV[2] for ARGV[3] ms if ARGV[1] still has it. */
  private static final String TAKE_OVER =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";
  /** Deletes each of KEYS that ARGV[1] still has. */
  private static final String RELEASE =
    "local n = 0 for _, k in ipairs(KEYS) do if redis.call('GET', k) == ARGV[1] then redis.call('DEL', k) n = n + 1 end end return n";

  private final Redis redis;
  private final long timeoutMs;
  private final AtomicLong lastLogged = new AtomicLong();
  private final AtomicLong bypassedSinceLog = new AtomicLong();

  public RedisHoldStore(Redis redis, Duration timeout) {
    this.redis = redis;
    this.timeoutMs = timeout.toMillis();
  }

  @Override
  public Future<Attempt> acquire(List<String> keys, UUID bookingId, Duration ttl) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(new Attempt(List.of(), Map.of(), false));
    }
    List<Request> sets = new ArrayList<>(keys.size());
    for (String key : keys) {
      sets.add(Request.cmd(Command.SET).arg(key).arg(bookingId.toString()).arg("NX").arg("PX").arg(ttl.toMillis()).arg("GET"));
    }
    return bounded("hold_acquire", () -> redis.batch(sets))
      .map(replies -> {
        List<String> taken = new ArrayList<>();
        Map<String, UUID> heldBy = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
          Response previous = replies.get(i);
          if (previous == null) {
            taken.add(keys.get(i));
          } else {
            heldBy.put(keys.get(i), holder(previous.toString()));
          }
        }
        return new Attempt(taken, heldBy, false);
      })
      .otherwise(t -> {
        bypassed("acquire", t);
        return Attempt.skipped();
      });
  }

  @Override
  public Future<Boolean> takeOver(String key, UUID staleHolder, UUID bookingId, Duration ttl) {
    Request take = Request.cmd(Command.EVAL).arg(TAKE_OVER).arg(1).arg(key)
      .arg(staleHolder.toString()).arg(bookingId.toString()).arg(ttl.toMillis());
    return bounded("hold_take_over", () -> redis.send(take))
      .map(r -> r != null && r.toInteger() == 1)
      .otherwise(t -> {
        bypassed("take_over", t);
        return false;
      });
  }

  @Override
  public Future<Void> release(List<String> keys, UUID bookingId) {
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    Request release = Request.cmd(Command.EVAL).arg(RELEASE).arg(keys.size());
    keys.forEach(release::arg);
    release.arg(bookingId.toString());
    return bounded("hold_release", () -> redis.send(release))
      .<Void>mapEmpty()
      .otherwise(t -> {
        // An unreleased hold lapses with its TTL; the database never relies on it.
        bypassed("release", t);
        return null;
      });
  }

  private <T> Future<T> bounded(String operation, Supplier<Future<T>> call) {
    long start = System.nanoTime();
    Future<T> sent;
    try {
      sent = call.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.timeout(timeoutMs, TimeUnit.MILLISECONDS)
      .andThen(ar -> Metrics.redisOperation(PgBookingStore.SERVICE, operation, System.nanoTime() - start));
  }

  private static UUID holder(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      // Not a booking id: nobody this service knows. Treated as a stale key.
      return new UUID(0, 0);
    }
  }

  private void bypassed(String operation, Throwable t) {
    Metrics.increment("booking_holds_bypassed", "operation", operation);
    bypassedSinceLog.incrementAndGet();
    long now = System.currentTimeMillis();
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_MS && lastLogged.compareAndSet(last, now)) {
      log.warn("event=redis_holds_bypassed operation={} count={} error={} (bookings go on; the database decides)",
        operation, bypassedSinceLog.getAndSet(0), t.toString());
    }
  }
}
