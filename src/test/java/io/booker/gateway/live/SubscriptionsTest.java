package io.booker.gateway.live;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.LiveEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order a socket is told things in: {@code subscribed} before any event of the venue, a resume's
 * missed events before the live ones held meanwhile. The feeds' registration and the event log are
 * driven by hand, so each interleaving is chosen, not hoped for.
 */
class SubscriptionsTest {

  static final String V1 = "11111111-1111-4111-8111-111111111111";
  static final String V2 = "22222222-2222-4222-8222-222222222222";
  static final Caller ADMIN = new Caller("u1", Role.ADMIN, Set.of());

  final RecordingPeer peer = new RecordingPeer();
  final ManualFeeds feeds = new ManualFeeds();
  final ManualLog log = new ManualLog();

  Subscriptions subscriptions(int buffer) {
    return new Subscriptions(peer, new LiveSettings(10_000, 25_000, 60_000, 50, 8192, 20, 1000, buffer), feeds, log);
  }

  @Test
  void events_that_arrive_while_the_feed_registers_follow_subscribed() {
    Subscriptions subs = subscriptions(100);
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1), null, null));
    subs.onEvent(V1, 1, event(1));
    subs.onEvent(V1, 2, event(2));
    assertTrue(peer.sent.isEmpty(), peer.sent::toString);

    feeds.register();

    assertEquals(List.of("subscribed", "e1", "e2"), peer.types());
    subs.onEvent(V1, 3, event(3));
    assertEquals(List.of("subscribed", "e1", "e2", "e3"), peer.types());
  }

  @Test
  void a_venue_already_subscribed_keeps_receiving_while_another_registers() {
    Subscriptions subs = subscriptions(100);
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1), null, null));
    feeds.register();
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1, V2), null, null));

    subs.onEvent(V1, 1, event(1));
    subs.onEvent(V2, 2, event(2));
    assertEquals(List.of("subscribed", "e1"), peer.types());

    feeds.register();
    assertEquals(List.of("subscribed", "e1", "subscribed", "e2"), peer.types());
  }

  @Test
  void an_unsubscribe_before_the_registration_drops_what_was_held() {
    Subscriptions subs = subscriptions(100);
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1), null, null));
    subs.onEvent(V1, 1, event(1));
    subs.unsubscribe(List.of(V1));
    feeds.register();

    assertEquals(List.of("unsubscribed", "subscribed"), peer.types());
    subs.onEvent(V1, 2, event(2));
    assertEquals(List.of("unsubscribed", "subscribed"), peer.types());
  }

  @Test
  void a_registration_that_takes_longer_than_the_buffer_stops_holding_back_and_loses_nothing() {
    Subscriptions subs = subscriptions(2);
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1), null, null));
    subs.onEvent(V1, 1, event(1));
    subs.onEvent(V1, 2, event(2));
    subs.onEvent(V1, 3, event(3));
    assertEquals(List.of("e1", "e2", "e3"), peer.types());

    feeds.register();
    subs.onEvent(V1, 4, event(4));
    assertEquals(List.of("e1", "e2", "e3", "subscribed", "e4"), peer.types());
  }

  @Test
  void a_resume_replays_the_missed_events_before_the_live_ones_without_repeating_one() {
    Subscriptions subs = subscriptions(100);
    subs.subscribe(ADMIN, new ClientMessage.Subscribe(List.of(V1), "evt-0", null));
    subs.onEvent(V1, 2, event(2));
    feeds.register();
    subs.onEvent(V1, 3, event(3));
    assertEquals(List.of("subscribed"), peer.types());

    log.answer(ListEventsResponse.newBuilder()
      .addEvents(LiveEvent.newBuilder().setVenueId(V1).setSeq(1).setMessage(event(1)))
      .addEvents(LiveEvent.newBuilder().setVenueId(V1).setSeq(2).setMessage(event(2)))
      .build());

    assertEquals(List.of("subscribed", "e1", "e2", "e3", "caught_up"), peer.types());
  }

  @Test
  void a_venue_the_caller_may_not_see_is_refused_like_an_unknown_one() {
    Subscriptions subs = subscriptions(100);
    subs.subscribe(new Caller("u2", Role.HOST, Set.of(V2)), new ClientMessage.Subscribe(List.of(V1), null, null));
    subs.onEvent(V1, 1, event(1));

    assertEquals(List.of("error"), peer.types());
    assertTrue(feeds.pending.isEmpty());
  }

  static String event(int n) {
    return new JsonObject().put("type", "e" + n).encode();
  }

  static final class RecordingPeer implements Subscriptions.Peer {
    final List<String> sent = new ArrayList<>();

    @Override
    public void send(String message) {
      sent.add(message);
    }

    @Override
    public void refuse(String problem) {
      sent.add(new JsonObject().put("type", "refused").put("problem", problem).encode());
    }

    @Override
    public boolean closed() {
      return false;
    }

    @Override
    public String token() {
      return "token";
    }

    List<String> types() {
      return sent.stream().map(m -> new JsonObject(m).getString("type")).toList();
    }
  }

  /** Feeds whose registrations complete when the test says so, like a cluster-wide registration in flight. */
  static final class ManualFeeds implements LiveFeeds {
    final List<Promise<Void>> pending = new ArrayList<>();
    final Map<String, Integer> listeners = new HashMap<>();

    @Override
    public Future<Void> joinAll(List<String> venueIds, LiveFeeds.Listener listener) {
      venueIds.forEach(v -> listeners.merge(v, 1, Integer::sum));
      Promise<Void> p = Promise.promise();
      pending.add(p);
      return p.future();
    }

    @Override
    public void leave(String venueId, LiveFeeds.Listener listener) {
      listeners.merge(venueId, -1, Integer::sum);
    }

    void register() {
      List<Promise<Void>> now = List.copyOf(pending);
      pending.clear();
      now.forEach(Promise::complete);
    }
  }

  static final class ManualLog implements Subscriptions.EventLog {
    Promise<ListEventsResponse> pending;

    @Override
    public Future<ListEventsResponse> list(String token, Collection<String> venueIds, String afterEventId, Long since, int limit) {
      pending = Promise.promise();
      return pending.future();
    }

    void answer(ListEventsResponse page) {
      pending.complete(page);
    }
  }
}
