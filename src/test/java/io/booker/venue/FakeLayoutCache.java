package io.booker.venue;

import io.booker.venue.domain.RoomLayout;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout cache in memory, with the real one's versioning: each room has a version counter that
 * an invalidation increments (dropping the value); a store succeeds only under the version its
 * lookup read. {@link #down} makes it answer as an unreachable cache does: every lookup a miss
 * without a version, every store and invalidation a no-op.
 */
final class FakeLayoutCache implements CachedLayouts {

  final Map<String, RoomLayout> values = new HashMap<>();
  final Map<String, Integer> versions = new HashMap<>();
  final List<String> lookups = new ArrayList<>();
  /** The rooms whose layouts were stored (only the stores that took effect). */
  final List<String> stored = new ArrayList<>();
  /** Every invalidation, in order, with the rooms it named. */
  final List<List<String>> invalidations = new ArrayList<>();
  boolean down;
  /** Runs after a lookup has been answered, before the reader goes on (a writer committing meanwhile). */
  Runnable afterLookup = () -> { };

  @Override
  public Future<Lookup> lookup(String roomId) {
    lookups.add(roomId);
    Lookup answer = down ? new Lookup(null, null) : new Lookup(values.get(roomId), String.valueOf(versions.getOrDefault(roomId, 0)));
    afterLookup.run();
    return Future.succeededFuture(answer);
  }

  @Override
  public Future<Void> store(String roomId, Lookup lookup, RoomLayout layout) {
    if (!down && lookup.version() != null && lookup.version().equals(String.valueOf(versions.getOrDefault(roomId, 0)))) {
      values.put(roomId, layout);
      stored.add(roomId);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> invalidate(Collection<String> roomIds) {
    invalidations.add(List.copyOf(roomIds));
    if (!down) {
      for (String room : roomIds) {
        versions.merge(room, 1, Integer::sum);
        values.remove(room);
      }
    }
    return Future.succeededFuture();
  }

  /** Every room invalidated so far, in order. */
  List<String> invalidated() {
    return invalidations.stream().flatMap(List::stream).toList();
  }
}
