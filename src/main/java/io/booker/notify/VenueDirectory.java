package io.booker.notify;

import io.vertx.core.Future;

import java.util.Optional;
import java.util.UUID;

/**
 * Where notify asks for a venue its projection has never seen: one created before notify ran (or
 * before its consumer group existed), or whose events have aged out of Kafka. Without it, such a
 * venue's guests would read "the restaurant" and times without their zone until the venue changes.
 */
public interface VenueDirectory {

  /** A directory that knows nothing (a node that cannot call the venue service). */
  VenueDirectory NONE = id -> Future.succeededFuture(Optional.empty());

  /** The venue's name, zone and language; empty when there is no such venue. */
  Future<Optional<KnownVenue>> find(UUID venueId);

  record KnownVenue(String name, String timezone, String language) {
  }
}
