package io.booker.gateway.auth;

import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * The identity keys of the {@code auth} configuration section (the token keys themselves are
 * {@code AccessTokens}'):
 * <ul>
 *   <li>{@code refresh_ttl_seconds} (7 days): how long a refresh token lives unused; each refresh
 *       hands out a new one;</li>
 *   <li>{@code session_max_seconds} (30 days): how long a login session lasts however often it is
 *       refreshed;</li>
 *   <li>{@code password_hash_workers} (2), {@code password_hash_max_queued} (64);</li>
 *   <li>{@code login_throttle}: {@code window_seconds}, {@code slow_after}, {@code lock_after},
 *       {@code lock_seconds}, {@code base_delay_ms}, {@code max_delay_ms},
 *       {@code address_max_failures} (see {@link ThrottlePolicy}) and {@code redis_timeout_ms} (250).</li>
 * </ul>
 */
public record IdentitySettings(Duration refreshTtl, Duration sessionMax, int hashWorkers, int hashMaxQueued,
                               ThrottlePolicy throttle, long throttleTimeoutMs) {

  public static IdentitySettings from(JsonObject auth) {
    long refreshTtl = auth.getLong("refresh_ttl_seconds", Duration.ofDays(7).toSeconds());
    long sessionMax = auth.getLong("session_max_seconds", Duration.ofDays(30).toSeconds());
    if (refreshTtl < 60 || sessionMax < refreshTtl) {
      throw new IllegalArgumentException("auth: need 60 <= refresh_ttl_seconds <= session_max_seconds");
    }
    int workers = auth.getInteger("password_hash_workers", 2);
    int queued = auth.getInteger("password_hash_max_queued", 64);
    if (workers < 1 || queued < 1) {
      throw new IllegalArgumentException("auth: password_hash_workers and password_hash_max_queued must be at least 1");
    }
    JsonObject t = auth.getJsonObject("login_throttle", new JsonObject());
    ThrottlePolicy d = ThrottlePolicy.DEFAULT;
    ThrottlePolicy policy = new ThrottlePolicy(
      t.getLong("window_seconds", d.windowSeconds()),
      t.getInteger("slow_after", d.slowAfter()),
      t.getInteger("lock_after", d.lockAfter()),
      t.getLong("lock_seconds", d.lockSeconds()),
      t.getLong("base_delay_ms", d.baseDelayMs()),
      t.getLong("max_delay_ms", d.maxDelayMs()),
      t.getInteger("address_max_failures", d.addressMaxFailures()));
    return new IdentitySettings(Duration.ofSeconds(refreshTtl), Duration.ofSeconds(sessionMax), workers, queued, policy,
      t.getLong("redis_timeout_ms", 250L));
  }
}
