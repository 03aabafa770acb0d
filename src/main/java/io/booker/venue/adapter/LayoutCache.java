package io.booker.venue.adapter;

import com.google.protobuf.InvalidProtocolBufferException;
import io.booker.platform.metrics.Metrics;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.venue.CachedLayouts;
import io.booker.venue.domain.RoomLayout;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The table layout of a room, cached in Redis. An optimisation only: every failure here degrades
 * to "not cached" (logged at WARN) and the caller reads the database.
 *
 * <p>Consistency: each room has a version counter {@code layout:ver:{room}} next to its value
 * {@code layout:{room}} (the braces are a Redis Cluster hash tag, so both keys share a slot). A
 * writer, after its transaction committed, increments the counter and deletes the value in one
 * script. A reader reads value and counter together; a value is used only if it was stored under
 * the current counter, and after a miss the reader stores what it loaded only if the counter is
 * still the one it read <em>before</em> loading (compare-and-set in a script). A reader that loaded
 * rows from before a commit therefore can never store them after that commit's invalidation,
 * which a plain delete-after-commit would allow. If an invalidation itself fails (Redis down), the
 * TTL bounds how long the old value can be served.
 *
 * <p>A value is {@code version|venueId|base64}, the base64 being the layout as the contract's
 * {@code GetTableLayoutResponse} bytes ({@link VenueProtos#layout}): the contract's encoding is
 * stable across releases, so a value stored by an older or newer build reads the same.
 */
public final class LayoutCache implements CachedLayouts {

  private static final Logger log = LoggerFactory.getLogger(LayoutCache.class);
  private static final String SERVICE = "venue";

  static final long VALUE_TTL_MS = TimeUnit.MINUTES.toMillis(10);
  /** Outlives every value stored under it; refreshed on each invalidation. */
  static final long VERSION_TTL_MS = TimeUnit.DAYS.toMillis(1);
  /** A slow Redis must not slow layout reads much: after this the read goes to the database. */
  static final long TIMEOUT_MS = 500;

  /** KEYS: value, version. ARGV: version read before loading, value, ttl ms. */
  private static final String STORE_IF_CURRENT =
    "local v = redis.call('GET', KEYS[2]) or '0' "
      + "if v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end "
      + "return 0";
  /** KEYS: value, version. ARGV: version ttl ms. */
  private static final String INVALIDATE =
    "redis.call('INCR', KEYS[2]) redis.call('PEXPIRE', KEYS[2], ARGV[1]) redis.call('DEL', KEYS[1]) return 1";

  private final Redis redis;

  public LayoutCache(Redis redis) {
    this.redis = redis;
  }

  /** {@link Lookup#version()} is the room's counter, read with the value. */
  @Override
  public Future<Lookup> lookup(String roomId) {
    return send("get_layout", Request.cmd(Command.MGET).arg(valueKey(roomId)).arg(versionKey(roomId)))
      .map(r -> {
        String version = text(r.get(1), "0");
        String value = text(r.get(0), null);
        return new Lookup(decode(value, version, roomId), version);
      })
      .recover(t -> {
        log.warn("event=layout_cache_read_failed room_id={} error={}", roomId, t.toString());
        return Future.succeededFuture(new Lookup(null, null));
      });
  }

  @Override
  public Future<Void> store(String roomId, Lookup lookup, RoomLayout layout) {
    if (lookup.version() == null) {
      return Future.succeededFuture();
    }
    String value = lookup.version() + "|" + layout.venueId() + "|"
      + Base64.getEncoder().encodeToString(VenueProtos.layout(layout).toByteArray());
    return send("set_layout", Request.cmd(Command.EVAL).arg(STORE_IF_CURRENT).arg(2)
      .arg(valueKey(roomId)).arg(versionKey(roomId)).arg(lookup.version()).arg(value).arg(VALUE_TTL_MS))
      .<Void>mapEmpty()
      .recover(t -> {
        log.warn("event=layout_cache_store_failed room_id={} error={}", roomId, t.toString());
        return Future.succeededFuture();
      });
  }

  @Override
  public Future<Void> invalidate(Collection<String> roomIds) {
    List<Future<Response>> all = new ArrayList<>(roomIds.size());
    for (String roomId : roomIds) {
      all.add(send("invalidate_layout", Request.cmd(Command.EVAL).arg(INVALIDATE).arg(2)
        .arg(valueKey(roomId)).arg(versionKey(roomId)).arg(VERSION_TTL_MS))
        .onFailure(t -> log.warn("event=layout_cache_invalidate_failed room_id={} ttl_ms={} error={}",
          roomId, VALUE_TTL_MS, t.toString())));
    }
    return Future.join(all).transform(ar -> Future.succeededFuture());
  }

  static String valueKey(String roomId) {
    return "layout:{" + roomId + "}";
  }

  static String versionKey(String roomId) {
    return "layout:ver:{" + roomId + "}";
  }

  private Future<Response> send(String operation, Request request) {
    long start = System.nanoTime();
    Future<Response> sent;
    try {
      sent = redis.send(request).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    return sent.andThen(ar -> Metrics.redisOperation(SERVICE, operation, System.nanoTime() - start));
  }

  private static String text(Response r, String fallback) {
    return r == null ? fallback : r.toString();
  }

  /** The layout in {@code value} if it was stored under {@code version}; anything else is a miss. */
  private static RoomLayout decode(String value, String version, String roomId) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(version)) {
      return null;
    }
    try {
      return VenueProtos.layout(parts[1], GetTableLayoutResponse.parseFrom(Base64.getDecoder().decode(parts[2])));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      log.warn("event=layout_cache_corrupt room_id={} error={}", roomId, e.toString());
      return null;
    }
  }
}
