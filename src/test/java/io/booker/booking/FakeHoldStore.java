package io.booker.booking;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Redis holds in memory: one map from key to the booking holding it. While {@link #down} it behaves
 * as the real store does when Redis does not answer: acquire is bypassed, take-over fails, release
 * does nothing. Every call is recorded.
 */
final class FakeHoldStore implements HoldStore {

  record TakeOver(String key, UUID staleHolder, UUID bookingId) {
  }

  record Release(String key, UUID bookingId) {
  }

  final Map<String, UUID> redis = new LinkedHashMap<>();
  boolean down;

  final List<List<String>> acquires = new ArrayList<>();
  final List<TakeOver> takeOvers = new ArrayList<>();
  final List<Release> releases = new ArrayList<>();
  final List<Duration> ttls = new ArrayList<>();

  @Override
  public Future<Attempt> acquire(List<String> keys, UUID bookingId, Duration ttl) {
    acquires.add(List.copyOf(keys));
    ttls.add(ttl);
    if (down) {
      return Future.succeededFuture(Attempt.skipped());
    }
    List<String> taken = new ArrayList<>();
    Map<String, UUID> heldBy = new LinkedHashMap<>();
    for (String key : keys) {
      UUID holder = redis.putIfAbsent(key, bookingId);
      if (holder == null) {
        taken.add(key);
      } else {
        heldBy.put(key, holder);
      }
    }
    return Future.succeededFuture(new Attempt(taken, heldBy, false));
  }

  @Override
  public Future<Boolean> takeOver(String key, UUID staleHolder, UUID bookingId, Duration ttl) {
    takeOvers.add(new TakeOver(key, staleHolder, bookingId));
    ttls.add(ttl);
    if (down || !staleHolder.equals(redis.get(key))) {
      return Future.succeededFuture(false);
    }
    redis.put(key, bookingId);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Void> release(List<String> keys, UUID bookingId) {
    for (String key : keys) {
      releases.add(new Release(key, bookingId));
      if (!down && bookingId.equals(redis.get(key))) {
        redis.remove(key);
      }
    }
    return Future.succeededFuture();
  }

  /** The keys released for {@code bookingId}, in order. */
  List<String> releasedFor(UUID bookingId) {
    return releases.stream().filter(r -> r.bookingId().equals(bookingId)).map(Release::key).toList();
  }
}
