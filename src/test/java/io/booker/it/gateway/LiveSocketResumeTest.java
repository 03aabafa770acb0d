package io.booker.it.gateway;

import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.Eventually;
import io.booker.it.support.LiveClient;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.TestNodes;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.live.LiveEvents;
import io.booker.platform.rpc.CallContext;
import io.booker.platform.rpc.GrpcEndpoint;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.proto.notify.ListEventsRequest;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.ListNotificationsRequest;
import io.booker.proto.notify.ListNotificationsResponse;
import io.booker.proto.notify.LiveEvent;
import io.booker.proto.notify.NotifyService;
import io.booker.proto.notify.NotifyServiceGrpcService;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Resume on {@code /api/v1/ws}: a subscription with {@code since_event_id} (or {@code since}) gets
 * the missed events from notify's event log, oldest first, then the live events that arrived
 * meanwhile and were not in the replay, then {@code caught_up}; an unknown event or too many is
 * {@code RESUME_UNAVAILABLE} and live events go on.
 *
 * <p>The event log here is a small in-test NotifyService served over gRPC ({@code clients.notify}
 * points at it), so the test decides when the replay answers and can publish live events while the
 * gateway waits for it; the event log of the real notify service is LiveSocketEndToEndTest's.
 */
class LiveSocketResumeTest {

  static final int NOTIFY_PORT = TestNodes.freePort();

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject()
    .put("clients", new JsonObject().put("notify", new JsonObject().put("transport", "grpc").put("grpc_port", NOTIFY_PORT).put("timeout_ms", 10_000)))
    .put("gateway", new JsonObject().put("live", new JsonObject().put("resume_limit", 5).put("catch_up_buffer", 10)))
    // No notify on this node: the test publishes the live events itself, and notify's own (venue.created of
    // the fixture, late after a backlog of the shared Kafka) would arrive among them.
    .put("verticles", TestNodes.allInOneWithoutNotify()));

  /** The in-test event log. */
  static final List<LiveEvent> log = new CopyOnWriteArrayList<>();
  /** The caller of each ListEvents call, and the request. */
  static final List<String> callers = new CopyOnWriteArrayList<>();
  static final List<ListEventsRequest> requests = new CopyOnWriteArrayList<>();
  /** When set, ListEvents waits for it before answering. */
  static final AtomicReference<Promise<Void>> hold = new AtomicReference<>();
  static final AtomicLong seq = new AtomicLong(500);
  static String venue;
  static String other;
  static String quiet;

  @BeforeAll
  static void setUp() {
    venue = harness.api().venue("Resume " + UUID.randomUUID()).getString("id");
    other = harness.api().venue("Resume other " + UUID.randomUUID()).getString("id");
    quiet = harness.api().venue("Resume quiet " + UUID.randomUUID()).getString("id");
    NotifyService eventLog = new NotifyService() {
      @Override
      public Future<ListNotificationsResponse> listNotifications(ListNotificationsRequest request) {
        return Future.succeededFuture(ListNotificationsResponse.getDefaultInstance());
      }

      @Override
      public Future<ListEventsResponse> listEvents(ListEventsRequest request) {
        callers.add(CallContext.caller().userId());
        requests.add(request);
        Promise<Void> wait = hold.get();
        return (wait == null ? Future.<Void>succeededFuture() : wait.future()).compose(v -> answer(request));
      }
    };
    RpcServiceBinding<NotifyService> binding = new RpcServiceBinding<>(NotifyService.class, eventLog, NotifyServiceGrpcService.SERVICE_DESCRIPTOR,
      "notify-double", AccessTokens.create(harness.vertx(), TestTokens.authConfig()));
    GrpcEndpoint.serve(harness.vertx(), binding, new JsonObject().put("grpc_port", NOTIFY_PORT), NOTIFY_PORT, "notify-double",
      () -> Future.succeededFuture(true)).await();
  }

  @AfterEach
  void release() {
    Promise<Void> wait = hold.getAndSet(null);
    if (wait != null) {
      wait.tryComplete();
    }
  }

  /** As notify answers: events of the venues after the given one (or since the time), at most {@code limit}. */
  static Future<ListEventsResponse> answer(ListEventsRequest request) {
    long after;
    if (!request.getAfterEventId().isEmpty()) {
      LiveEvent from = log.stream().filter(e -> e.getEventId().equals(request.getAfterEventId())).findFirst().orElse(null);
      if (from == null) {
        return Future.failedFuture(ServiceException.notFound("event", request.getAfterEventId()));
      }
      after = from.getSeq();
    } else {
      after = 0;
    }
    // "since" is compared with the event's time here (notify compares its arrival time).
    List<LiveEvent> matching = log.stream().filter(e -> e.getSeq() > after && request.getVenueIdsList().contains(e.getVenueId())
      && new JsonObject(e.getMessage()).getLong("time") >= request.getSince()).toList();
    int limit = request.getLimit();
    return Future.succeededFuture(ListEventsResponse.newBuilder().addAllEvents(matching.subList(0, Math.min(limit, matching.size())))
      .setTruncated(matching.size() > limit).build());
  }

  /** A new event of {@code venueId}: written to the log, and published live when {@code live}. */
  static LiveEvent event(String venueId, boolean live) {
    LiveEvent e = LiveEvent.newBuilder().setSeq(seq.incrementAndGet()).setEventId(UUID.randomUUID().toString()).setVenueId(venueId)
      .setMessage(message(venueId, null).encode()).build();
    e = e.toBuilder().setMessage(message(venueId, e.getEventId()).encode()).build();
    log.add(e);
    if (live) {
      publish(e);
    }
    return e;
  }

  static JsonObject message(String venueId, String eventId) {
    return new JsonObject().put("type", "booking.held").put("event_id", eventId).put("venue_id", venueId).put("version", 1)
      .put("time", System.currentTimeMillis() / 1000).put("booking", new JsonObject().put("venue_id", venueId).put("status", "held"));
  }

  static void publish(LiveEvent e) {
    harness.node().vertx().eventBus().publish(LiveEvents.address(e.getVenueId()),
      new JsonObject().put(LiveEvents.SEQ, e.getSeq()).put(LiveEvents.EVENT, new JsonObject(e.getMessage())));
  }

  static JsonObject resume(String sinceEventId, String... venues) {
    return new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray(List.of(venues))).put("since_event_id", sinceEventId);
  }

  static List<String> ids(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getString("event_id", m.getString("type"))).toList();
  }

  @Test
  void theMissedEventsComeFirstThenTheLiveOnesThatWereNotReplayedThenCaughtUp() {
    String user = UUID.randomUUID().toString();
    LiveEvent seen = event(venue, false);
    LiveEvent missed1 = event(venue, false);
    event(other, false); // another venue's: not asked for
    LiveEvent missed2 = event(venue, false);
    Promise<Void> wait = Promise.promise();
    hold.set(wait);
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.bearer(new Caller(user, Role.HOST, Set.of(venue, other))))) {
      int calls = requests.size();
      c.send(resume(seen.getEventId(), venue));
      assertEquals(new JsonArray().add(venue), c.next("subscribed").getJsonArray("venue_ids"));
      Eventually.await("the gateway asked for the missed events", Duration.ofSeconds(10), requests::size, n -> n > calls);
      // While the replay is pending: the last missed event arrives live too (notify published it), and a new one.
      publish(missed2);
      LiveEvent fresh = event(venue, true);
      harness.vertx().runOnContext(v -> wait.complete());
      List<JsonObject> got = c.until(m -> "caught_up".equals(m.getString("type")));
      assertEquals(List.of(missed1.getEventId(), missed2.getEventId(), fresh.getEventId(), "caught_up"), ids(got));
      assertEquals(new JsonArray().add(venue), got.get(got.size() - 1).getJsonArray("venue_ids"));
      assertEquals(user, callers.get(callers.size() - 1), "the socket's own token was forwarded");
      ListEventsRequest asked = requests.get(requests.size() - 1);
      assertEquals(List.of(venue), asked.getVenueIdsList());
      assertEquals(seen.getEventId(), asked.getAfterEventId());

      // After the catch-up: live events flow, and a late duplicate of a replayed one is dropped.
      publish(missed2);
      LiveEvent after = event(venue, true);
      assertEquals(after.getEventId(), c.next().getString("event_id"));
    }
  }

  @Test
  void resumingFromATimeReplaysWhatWasReceivedSince() {
    long now = System.currentTimeMillis() / 1000;
    LiveEvent e1 = event(quiet, false);
    LiveEvent e2 = event(quiet, false);
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(quiet)).put("since", now));
      List<JsonObject> got = c.until(m -> "caught_up".equals(m.getString("type")));
      assertEquals(List.of("subscribed", e1.getEventId(), e2.getEventId(), "caught_up"), ids(got));
      ListEventsRequest asked = requests.get(requests.size() - 1);
      assertEquals(now, asked.getSince());
      assertEquals("", asked.getAfterEventId());
    }
  }

  @Test
  void anUnknownEventIsResumeUnavailableAndLiveEventsGoOn() {
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.send(resume(UUID.randomUUID().toString(), venue));
      c.next("subscribed");
      JsonObject error = c.next("error");
      assertEquals("RESUME_UNAVAILABLE", error.getString("code"));
      assertEquals(new JsonArray().add(venue), error.getJsonArray("venue_ids"));
      LiveEvent live = event(venue, true);
      assertEquals(live.getEventId(), c.next().getString("event_id"));
    }
  }

  @Test
  void moreMissedEventsThanAResumeReplaysIsResumeUnavailable() {
    LiveEvent from = event(venue, false);
    for (int i = 0; i < 6; i++) {
      event(venue, false);
    }
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.send(resume(from.getEventId(), venue));
      c.next("subscribed");
      assertEquals("RESUME_UNAVAILABLE", c.next("error").getString("code"), "nothing partial is replayed");
      LiveEvent live = event(venue, true);
      assertEquals(live.getEventId(), c.next().getString("event_id"));
    }
  }

  @Test
  void tooManyLiveEventsDuringACatchUpEndIt() {
    LiveEvent from = event(venue, false);
    Promise<Void> wait = Promise.promise();
    hold.set(wait);
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      int calls = requests.size();
      c.send(resume(from.getEventId(), venue));
      c.next("subscribed");
      Eventually.await("the gateway asked for the missed events", Duration.ofSeconds(10), requests::size, n -> n > calls);
      for (int i = 0; i < 11; i++) {
        event(venue, true);
      }
      JsonObject error = c.next("error");
      assertEquals("RESUME_UNAVAILABLE", error.getString("code"));
      LiveEvent next = event(venue, true);
      harness.vertx().runOnContext(v -> wait.complete());
      List<JsonObject> got = c.until(m -> next.getEventId().equals(m.getString("event_id")));
      assertTrue(got.stream().noneMatch(m -> "caught_up".equals(m.getString("type"))), got::toString);
      assertTrue(c.drain().isEmpty(), "the abandoned replay sends nothing when it answers");
    }
  }
}
