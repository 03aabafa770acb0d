package io.booker.venue;

import io.booker.venue.domain.RoomLayout;
import io.vertx.core.Future;

import java.util.Collection;

/**
 * The table layouts of rooms, cached. An optimisation only: no operation fails (a cache that
 * cannot answer is a miss), and a layout loaded before a change committed is never stored after
 * that change's {@link #invalidate}: a reader stores what it loaded only under the version it
 * read <em>before</em> loading ({@link Lookup#version()}).
 */
public interface CachedLayouts {

  /**
   * A cache read: {@code hit} is the cached layout, or null; {@code version} is the version read
   * with it (null when the cache could not be read, in which case nothing will be stored either).
   */
  record Lookup(RoomLayout hit, String version) {
  }

  Future<Lookup> lookup(String roomId);

  /** Stores {@code layout} if no invalidation happened since {@code lookup} was read; never fails. */
  Future<Void> store(String roomId, Lookup lookup, RoomLayout layout);

  /** Invalidates the layouts of these rooms; call after the change committed. Never fails. */
  Future<Void> invalidate(Collection<String> roomIds);
}
