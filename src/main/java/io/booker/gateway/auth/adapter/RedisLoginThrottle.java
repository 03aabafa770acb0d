package io.booker.gateway.auth.adapter;

import io.booker.gateway.auth.LoginThrottle;
import io.booker.gateway.auth.domain.LoginName;
import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sign-in counts in Redis, shared by every gateway: {@code booker:login:account:<sha-256 of the
 * folded login>} and {@code booker:login:address:<client address>}, each expiring at the end of its
 * window (or of the account's lock). Account names are hashed so the keys reveal no login name.
 * One script per attempt counts it and answers the counts before it, atomically, so attempts made
 * at once are counted one after the other.
 *
 * <p>Fails open: a Redis that is down or slower than {@code timeoutMs} lets sign-ins through
 * unthrottled (the password check still applies), logged at most every ten seconds and counted in
 * {@code auth_login_throttle_bypassed_total}.
 */
public final class RedisLoginThrottle implements LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(RedisLoginThrottle.class);
  private static final long LOG_EVERY_MS = 10_000;
  static final String ACCOUNT_PREFIX = "booker:login:account:";
  static final String ADDRESS_PREFIX = "booker:login:address:";

  /**
   * KEYS[1] account, KEYS[2] address; ARGV window ms, lock-after count, lock ms. Counts the attempt
   * on both (a new count lives one window; the account's lock-after-th failure makes it live for the
   * lock instead) and answers {account before, its ttl ms, address before, its ttl ms}.
   */
  private static final String ATTEMPT =
    "local a = redis.call('INCR', KEYS[1]) "
      + "if a == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
      + "if a == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
      + "local b = redis.call('INCR', KEYS[2]) "
      + "if b == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end "
      + "return {a - 1, redis.call('PTTL', KEYS[1]), b - 1, redis.call('PTTL', KEYS[2])}";

  /** KEYS[1] account, KEYS[2] address: clears the account, takes one attempt off the address. */
  private static final String SUCCEEDED =
    "redis.call('DEL', KEYS[1]) "
      + "if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end "
      + "return 1";

  private final Redis redis;
  private final ThrottlePolicy policy;
  private final long timeoutMs;
  private final AtomicLong lastLogged = new AtomicLong();
  private final AtomicLong bypassedSinceLog = new AtomicLong();

  public RedisLoginThrottle(Redis redis, ThrottlePolicy policy, long timeoutMs) {
    this.redis = redis;
    this.policy = policy;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<ThrottlePolicy.Verdict> attempt(String account, String address) {
    Request script = Request.cmd(Command.EVAL).arg(ATTEMPT).arg(2).arg(accountKey(account)).arg(ADDRESS_PREFIX + address)
      .arg(policy.windowSeconds() * 1000).arg(policy.lockAfter()).arg(policy.lockSeconds() * 1000);
    return bounded("login_attempt", () -> redis.send(script))
      .map(r -> policy.judge(r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong()))
      .otherwise(t -> {
        bypassed("attempt", t);
        return ThrottlePolicy.Verdict.OPEN;
      });
  }

  @Override
  public Future<Void> succeeded(String account, String address) {
    Request script = Request.cmd(Command.EVAL).arg(SUCCEEDED).arg(2).arg(accountKey(account)).arg(ADDRESS_PREFIX + address);
    return bounded("login_succeeded", () -> redis.send(script))
      .<Void>mapEmpty()
      .otherwise(t -> {
        bypassed("succeeded", t);
        return null;
      });
  }

  /** The account's key: a hash, so that Redis holds no login names (nor passwords typed as one). */
  static String accountKey(String account) {
    return ACCOUNT_PREFIX + LoginName.accountHash(account);
  }

  private Future<Response> bounded(String operation, Supplier<Future<Response>> call) {
    long start = System.nanoTime();
    Future<Response> sent;
    try {
      sent = call.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.timeout(timeoutMs, TimeUnit.MILLISECONDS)
      .andThen(ar -> Metrics.redisOperation(PgIdentityStore.SERVICE, operation, System.nanoTime() - start));
  }

  private void bypassed(String operation, Throwable t) {
    Metrics.increment("auth_login_throttle_bypassed", "operation", operation);
    bypassedSinceLog.incrementAndGet();
    long now = System.currentTimeMillis();
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_MS && lastLogged.compareAndSet(last, now)) {
      log.warn("event=login_throttle_bypassed operation={} count={} error={} (sign-ins go on unthrottled while Redis is unreachable)",
        operation, bypassedSinceLog.getAndSet(0), t.toString());
    }
  }
}
