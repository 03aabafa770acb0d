package io.booker.gateway.live;

import io.booker.platform.live.LiveEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The venues the sockets of one gateway verticle instance listen to: ONE event-bus consumer per
 * venue on {@link LiveEvents#address(String)}, registered when the first local socket subscribes
 * and unregistered when the last one leaves, so a gateway node only receives the venues its
 * clients asked for. Each message's event is encoded once and handed to every listening socket.
 *
 * <p>Used from the verticle instance's event loop only (its sockets and consumers all run there),
 * so it needs no locking.
 */
final class VenueFeeds implements LiveFeeds {

  private static final Logger log = LoggerFactory.getLogger(VenueFeeds.class);

  private record Feed(MessageConsumer<Object> consumer, Set<Listener> listeners, Future<Void> registered) {
  }

  private final Vertx vertx;
  private final Map<String, Feed> feeds = new HashMap<>();

  VenueFeeds(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Adds {@code listener} to the venue's feed; completes once the feed's consumer is registered cluster-wide. */
  Future<Void> join(String venueId, Listener listener) {
    Feed feed = feeds.get(venueId);
    if (feed == null) {
      MessageConsumer<Object> consumer = vertx.eventBus().consumer(LiveEvents.address(venueId));
      feed = new Feed(consumer, new LinkedHashSet<>(), consumer.completion());
      Feed f = feed;
      consumer.handler(msg -> deliver(venueId, f, msg.body()));
      feeds.put(venueId, feed);
    }
    feed.listeners().add(listener);
    return feed.registered();
  }

  /** Waits for every venue's consumer. */
  @Override
  public Future<Void> joinAll(List<String> venueIds, Listener listener) {
    return Future.all(venueIds.stream().map(v -> join(v, listener)).toList()).mapEmpty();
  }

  /** Removes {@code listener}; the venue's consumer goes with its last listener. */
  @Override
  public void leave(String venueId, Listener listener) {
    Feed feed = feeds.get(venueId);
    if (feed == null || !feed.listeners().remove(listener) || !feed.listeners().isEmpty()) {
      return;
    }
    feeds.remove(venueId);
    feed.consumer().unregister().onFailure(t -> log.warn("event=live_feed_unregister_failed venue_id={} error={}", venueId, t.toString()));
  }

  /** Venues with a consumer on this instance (for tests and metrics). */
  int venues() {
    return feeds.size();
  }

  private void deliver(String venueId, Feed feed, Object body) {
    if (!(body instanceof JsonObject json) || !(json.getValue(LiveEvents.SEQ) instanceof Number seq)
      || !(json.getValue(LiveEvents.EVENT) instanceof JsonObject event)) {
      // Notify's publication is the only sender; a malformed one is a bug there, not the clients' business.
      log.warn("event=live_event_malformed venue_id={}", venueId);
      return;
    }
    String text = event.encode();
    // A copy: a socket may leave (slow client) while the event is handed out.
    for (Listener l : List.copyOf(feed.listeners())) {
      l.onEvent(venueId, seq.longValue(), text);
    }
  }
}
