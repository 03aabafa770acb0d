package io.booker.gateway.live;

import io.vertx.core.Future;

import java.util.List;

/** The venue feeds a socket listens to ({@link VenueFeeds}), as its {@link Subscriptions} use them. */
interface LiveFeeds {

  /** A socket listening to venues. */
  interface Listener {
    /** One live event of {@code venueId}: notify's sequence number and the message text to forward. */
    void onEvent(String venueId, long seq, String event);
  }

  /** Adds {@code listener} to each venue's feed; completes once every feed listens cluster-wide. */
  Future<Void> joinAll(List<String> venueIds, Listener listener);

  /** Removes {@code listener} from the venue's feed. */
  void leave(String venueId, Listener listener);
}
