package io.booker.platform.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What makes a still-unexpired access token invalid, known to every node at once, so a disabled
 * user, a changed role or a logout takes effect on the next request instead of when the token
 * expires:
 * <ul>
 *   <li>{@code user:<id>} → the lowest access version still accepted (raised when a user's role,
 *       venues or password change, or when they are disabled);</li>
 *   <li>{@code session:<sid>} → a revoked login session (logout, or a reused refresh token).</li>
 * </ul>
 * A revocation is published on the (clustered) event bus to every node's copy, and also kept in a
 * cluster-wide map for as long as a token can live, which a node loads when it starts, so a node
 * that joins later knows it too. Entries are dropped once no token they could concern is alive.
 *
 * <p>One instance per Vert.x instance, shared by its verticles.
 */
public final class Revocations {

  private static final Logger log = LoggerFactory.getLogger(Revocations.class);
  static final String ADDRESS = "booker.identity.revocations";
  static final String MAP = "booker.identity.revocations";
  private static final Map<Vertx, Revocations> INSTANCES = new WeakHashMap<>();

  private final Vertx vertx;
  private final long keepMillis;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Future<Void> ready;

  private record Entry(long value, long until) {
  }

  private Revocations(Vertx vertx, long tokenTtlSeconds) {
    this.vertx = vertx;
    // A token lives at most its TTL; keep an entry a little longer for clock skew.
    this.keepMillis = (tokenTtlSeconds + 60) * 1000;
    vertx.eventBus().<JsonObject>consumer(ADDRESS, msg -> learn(msg.body()));
    this.ready = map().compose(AsyncMap::entries)
      .onSuccess(all -> all.forEach((k, v) -> learn(new JsonObject().put("key", k).put("value", v))))
      .onFailure(t -> log.warn("event=revocations_load_failed error={}", t.toString()))
      .<Void>mapEmpty().recover(t -> Future.succeededFuture());
    vertx.setPeriodic(60_000, id -> dropExpired());
  }

  static synchronized Revocations of(Vertx vertx, long tokenTtlSeconds) {
    return INSTANCES.computeIfAbsent(vertx, v -> new Revocations(v, tokenTtlSeconds));
  }

  /** Completes once the revocations known to the cluster were loaded (failures are logged, not fatal). */
  public Future<Void> ready() {
    return ready;
  }

  /** Refuses access tokens of {@code userId} with an access version below {@code minVersion}. */
  public Future<Void> raiseUserVersion(String userId, long minVersion) {
    return record("user:" + userId, minVersion);
  }

  /** Refuses every access token of login session {@code sessionId}. */
  public Future<Void> revokeSession(String sessionId) {
    return record("session:" + sessionId, 1);
  }

  boolean revoked(AccessTokens.Verified token) {
    long now = System.currentTimeMillis();
    Entry session = entries.get("session:" + token.sessionId());
    if (session != null && session.until > now) {
      return true;
    }
    Entry user = entries.get("user:" + token.caller().userId());
    return user != null && user.until > now && token.accessVersion() < user.value;
  }

  private Future<Void> record(String key, long value) {
    JsonObject change = new JsonObject().put("key", key).put("value", value);
    // This node first, so the caller's own next request already sees it.
    learn(change);
    vertx.eventBus().publish(ADDRESS, change);
    return map().compose(m -> m.put(key, value, keepMillis));
  }

  private void learn(JsonObject change) {
    String key = change.getString("key");
    Long value = change.getLong("value");
    if (key == null || value == null) {
      return;
    }
    long until = System.currentTimeMillis() + keepMillis;
    entries.merge(key, new Entry(value, until), (a, b) -> new Entry(Math.max(a.value, b.value), Math.max(a.until, b.until)));
  }

  private void dropExpired() {
    long now = System.currentTimeMillis();
    entries.values().removeIf(e -> e.until <= now);
  }

  private Future<AsyncMap<String, Long>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
