package io.booker.it.gateway;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Eventually;
import io.booker.it.support.LiveClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.TestNodes;
import io.booker.platform.live.LiveEvents;
import io.booker.platform.metrics.Metrics;
import io.booker.testinfra.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code /api/v1/ws} on an all-in-one node: authentication (header, first message, renewal,
 * expiry), subscriptions and who may have them, live delivery from the per-venue event-bus
 * addresses, the protocol's errors and limits, heartbeats and slow clients. Live events are
 * published here as notify publishes them ({@code {"seq":n,"event":{...}}} on
 * {@link LiveEvents#address(String)}); resume is {@link LiveSocketResumeTest}'s.
 */
class LiveSocketTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject()
    .put("gateway", new JsonObject().put("live", new JsonObject()
      .put("auth_timeout_ms", 1500).put("ping_interval_ms", 500).put("idle_timeout_ms", 4000).put("max_bad_messages", 8)))
    // Shorter than a socket lives here: the edge's guard against slow requests must leave upgraded connections alone.
    .put("http", new JsonObject().put("read_timeout_ms", 1000))
    // No notify on this node: the test publishes the live events itself, and notify's own (venue.created of
    // the fixture, late after a backlog of the shared Kafka) would arrive among them.
    .put("verticles", TestNodes.allInOneWithoutNotify()));
  static final AtomicLong seq = new AtomicLong(1_000_000);

  static String venueA;
  static String venueB;

  @BeforeAll
  static void setUp() {
    venueA = harness.api().venue("Live A " + UUID.randomUUID()).getString("id");
    venueB = harness.api().venue("Live B " + UUID.randomUUID()).getString("id");
  }

  static LiveClient admin() {
    return LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin());
  }

  static String hostOf(String... venues) {
    return TestTokens.bearer(new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(venues)));
  }

  /** Publishes a booking event for {@code venue} as notify does; returns its event id. */
  static String publish(String venue) {
    return publish(venue, "x");
  }

  static String publish(String venue, String padding) {
    String eventId = UUID.randomUUID().toString();
    JsonObject event = new JsonObject().put("type", "booking.confirmed").put("event_id", eventId).put("venue_id", venue)
      .put("version", 2).put("time", System.currentTimeMillis() / 1000)
      .put("booking", new JsonObject().put("id", UUID.randomUUID().toString()).put("venue_id", venue).put("status", "confirmed")
        .put("comment", padding));
    harness.node().vertx().eventBus().publish(LiveEvents.address(venue), new JsonObject().put(LiveEvents.SEQ, seq.incrementAndGet())
      .put(LiveEvents.EVENT, event));
    return eventId;
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void aTokenInTheHeaderOpensAReadySocket() {
    try (LiveClient c = LiveClient.open(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      JsonObject ready = c.next("ready");
      assertEquals(TestTokens.ADMIN_ID, ready.getString("user_id"));
      assertEquals("admin", ready.getString("role"));
      assertTrue(ready.getLong("expires_at") > System.currentTimeMillis() / 1000, ready::encode);
      String metrics = harness.api().as(null).get("/metrics").bodyAsString();
      assertTrue(metrics.contains("websocket_connections_open ") && metrics.contains("websocket_connections_opened_total"), metrics);
    }
  }

  @Test
  void theFirstMessageCanAuthenticate() {
    String user = UUID.randomUUID().toString();
    String token = TestTokens.bearer(new Caller(user, Role.MANAGER, Set.of(venueA))).substring(7);
    try (LiveClient c = LiveClient.open(harness.vertx(), harness.httpPort(), null)) {
      c.send(new JsonObject().put("type", "auth").put("token", token));
      JsonObject ready = c.next("ready");
      assertEquals(user, ready.getString("user_id"));
      assertEquals("manager", ready.getString("role"));
      c.subscribe(venueA);
      String id = publish(venueA);
      assertEquals(id, c.next("booking.confirmed").getString("event_id"));
    }
  }

  @Test
  void aSocketThatDoesNotAuthenticateInTimeIsClosed() {
    try (LiveClient c = LiveClient.open(harness.vertx(), harness.httpPort(), null)) {
      assertEquals(4401, c.closeCode());
    }
  }

  @Test
  void anythingButAuthFirstIsRefused() {
    try (LiveClient c = LiveClient.open(harness.vertx(), harness.httpPort(), null)) {
      c.send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(venueA)));
      assertEquals(4401, c.closeCode());
    }
  }

  @Test
  void aBadTokenInTheHeaderIsA401AndNoUpgrade() {
    TestTokens.refusedAuthorizations().forEach((kind, authorization) -> {
      if (authorization == null) {
        return; // no header: the socket opens and waits for the first message
      }
      Throwable refused = LiveClient.connect(harness.vertx(), harness.httpPort(), authorization).transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await();
      assertInstanceOf(UpgradeRejectedException.class, refused, kind);
      assertEquals(401, ((UpgradeRejectedException) refused).getStatus(), kind);
    });
    HttpResponse<Buffer> plain = harness.api().as("Bearer not.a.jwt").get("/api/v1/ws");
    ApiClient.assertProblem(plain, 401, "UNAUTHENTICATED", null);
    assertNotNull(plain.getHeader("WWW-Authenticate"));
  }

  @Test
  void aRequestThatIsNotAnUpgradeIsA400Problem() {
    ApiClient.assertProblem(harness.api().get("/api/v1/ws"), 400, "INVALID_ARGUMENT", null);
    ApiClient.assertProblem(harness.api().as(null).get("/api/v1/ws"), 400, "INVALID_ARGUMENT", null);
  }

  @Test
  void aBadTokenInTheFirstMessageClosesWith4401() {
    TestTokens.refusedAuthorizations().forEach((kind, authorization) -> {
      if (authorization == null || !authorization.startsWith("Bearer ")) {
        return;
      }
      try (LiveClient c = LiveClient.open(harness.vertx(), harness.httpPort(), null)) {
        c.send(new JsonObject().put("type", "auth").put("token", authorization.substring(7)));
        assertEquals(4401, c.closeCode(), kind);
      }
    });
  }

  @Test
  void aRenewalKeepsTheSocketAndDropsVenuesNoLongerAllowed() {
    String user = UUID.randomUUID().toString();
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(),
      TestTokens.bearer(new Caller(user, Role.HOST, Set.of(venueA, venueB))))) {
      c.subscribe(venueA, venueB);
      c.send(new JsonObject().put("type", "auth").put("token", TestTokens.bearer(new Caller(user, Role.HOST, Set.of(venueA))).substring(7)));
      assertEquals(new JsonArray().add(venueB), c.next("unsubscribed").getJsonArray("venue_ids"));
      assertEquals(user, c.next("ready").getString("user_id"));
      publish(venueB);
      String a = publish(venueA);
      assertEquals(a, c.next("booking.confirmed").getString("event_id"), "B's event is not delivered any more");
      assertTrue(c.drain().isEmpty());
    }
  }

  @Test
  void aRenewalWithAnotherUsersTokenCloses() {
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), hostOf(venueA))) {
      c.send(new JsonObject().put("type", "auth").put("token", hostOf(venueA).substring(7)));
      assertEquals(4401, c.closeCode());
    }
  }

  @Test
  void aTokenThatExpiresWithoutRenewalClosesTheSocket() {
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(),
      TestTokens.bearerExpiringIn(new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(venueA)), 2))) {
      c.subscribe(venueA);
      assertEquals(4401, c.closeCode());
    }
  }

  @Test
  void aLogoutEndsTheSocketsOfThatSessionAtTheNextHeartbeat() {
    String login = Logins.uniqueLogin("live");
    Logins.createUser(harness.api(), login, "a long enough passphrase", "host", venueA);
    JsonObject tokens = Logins.login(harness.api(), login, "a long enough passphrase");
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), Logins.bearer(tokens))) {
      c.subscribe(venueA);
      HttpResponse<Buffer> out = harness.api().as(Logins.bearer(tokens)).post("/api/v1/auth/logout",
        new JsonObject().put("refresh_token", tokens.getString("refresh_token")));
      assertEquals(204, out.statusCode(), out::bodyAsString);
      assertEquals(4401, c.closeCode());
    }
  }

  // ------------------------------------------------------------------ subscriptions and delivery

  @Test
  void aHostOfAIsRefusedBAndReceivesOnlyAsEvents() {
    try (LiveClient host = LiveClient.ready(harness.vertx(), harness.httpPort(), hostOf(venueA));
         LiveClient admin = admin()) {
      admin.subscribe(venueB);
      host.send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(venueA).add(venueB)));
      JsonObject refused = host.next("error");
      assertEquals("NOT_FOUND", refused.getString("code"));
      assertEquals(venueB, refused.getString("venue_id"));
      assertEquals(new JsonArray().add(venueA), host.next("subscribed").getJsonArray("venue_ids"));
      // The same answer for a venue that does not exist.
      String nowhere = UUID.randomUUID().toString();
      host.send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(nowhere)));
      JsonObject missing = host.next("error");
      assertEquals("NOT_FOUND", missing.getString("code"));
      assertEquals(refused.getString("message").replace(venueB, nowhere), missing.getString("message"));

      String b = publish(venueB);
      String a = publish(venueA);
      assertEquals(b, admin.next("booking.confirmed").getString("event_id"), "B's event was published");
      JsonObject event = host.next("booking.confirmed");
      assertEquals(a, event.getString("event_id"));
      assertEquals(venueA, event.getString("venue_id"));
      assertEquals("confirmed", event.getJsonObject("booking").getString("status"));
      assertTrue(host.drain().isEmpty(), "nothing of venue B");
    }
  }

  @Test
  void anAdminReceivesEventsOfSubscribedVenuesUntilUnsubscribing() {
    try (LiveClient c = admin()) {
      assertEquals(new JsonArray().add(venueA).add(venueB), c.subscribe(venueA, venueB).getJsonArray("venue_ids"));
      String a = publish(venueA);
      String b = publish(venueB);
      assertEquals(List.of(a, b), c.until(m -> m.getString("event_id", "").equals(b)).stream().map(m -> m.getString("event_id")).toList());
      c.send(new JsonObject().put("type", "unsubscribe").put("venue_ids", new JsonArray().add(venueA)));
      assertEquals(new JsonArray().add(venueA), c.next("unsubscribed").getJsonArray("venue_ids"));
      publish(venueA);
      String b2 = publish(venueB);
      assertEquals(b2, c.next("booking.confirmed").getString("event_id"), "A's event is not delivered after unsubscribing");
    }
  }

  @Test
  void twoSocketsOnOneVenueBothReceiveAndOneLeavingKeepsTheOther() {
    try (LiveClient one = admin(); LiveClient two = LiveClient.ready(harness.vertx(), harness.httpPort(), hostOf(venueA))) {
      one.subscribe(venueA);
      two.subscribe(venueA);
      String a = publish(venueA);
      assertEquals(a, one.next("booking.confirmed").getString("event_id"));
      assertEquals(a, two.next("booking.confirmed").getString("event_id"));
      one.close();
      String a2 = publish(venueA);
      assertEquals(a2, two.next("booking.confirmed").getString("event_id"));
    }
  }

  @Test
  void aVenuesBusConsumerExistsOnlyWhileASocketListens() {
    String venue = harness.api().venue("Live feed " + UUID.randomUUID()).getString("id");
    assertEquals(ReplyFailure.NO_HANDLERS, probe(venue), "nobody listens before a subscription");
    try (LiveClient one = admin(); LiveClient two = admin()) {
      one.subscribe(venue);
      two.subscribe(venue);
      assertEquals(ReplyFailure.TIMEOUT, probe(venue), "a consumer (which does not reply) listens");
      one.send(new JsonObject().put("type", "unsubscribe").put("venue_ids", new JsonArray().add(venue)));
      one.until(m -> "unsubscribed".equals(m.getString("type"))); // the probe's event may come first
      assertEquals(ReplyFailure.TIMEOUT, probe(venue), "still listened to by the other socket");
      two.close();
      Eventually.await("the venue's consumer removed with its last socket", Duration.ofSeconds(10), () -> probe(venue),
        f -> f == ReplyFailure.NO_HANDLERS);
    }
  }

  /** How a request to the venue's address fails: no consumer at all, or one that does not answer. */
  private static ReplyFailure probe(String venue) {
    Throwable t = harness.node().vertx().eventBus().request(LiveEvents.address(venue), new JsonObject().put(LiveEvents.SEQ, 0)
        .put(LiveEvents.EVENT, new JsonObject().put("type", "venue.updated").put("venue_id", venue)), new DeliveryOptions().setSendTimeout(300))
      .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await();
    return ((ReplyException) t).failureType();
  }

  // ------------------------------------------------------------------ protocol errors and limits

  @Test
  void pingIsAnsweredWithPong() {
    try (LiveClient c = admin()) {
      c.send(new JsonObject().put("type", "ping"));
      c.next("pong");
    }
  }

  @Test
  void malformedMessagesGetErrorsAndTheSocketStaysUsable() {
    try (LiveClient c = admin()) {
      for (String bad : List.of("{not json", "[1,2]", "{\"type\":\"dance\"}", "{\"type\":\"subscribe\"}",
        "{\"type\":\"subscribe\",\"venue_ids\":[\"venue-1\"]}")) {
        c.sendText(bad);
        JsonObject error = c.next("error");
        assertEquals("INVALID_ARGUMENT", error.getString("code"), bad);
        assertFalse(error.getString("message").isBlank());
      }
      c.subscribe(venueA);
      String a = publish(venueA);
      assertEquals(a, c.next("booking.confirmed").getString("event_id"));
    }
  }

  @Test
  void tooManyBadMessagesClose1008() {
    try (LiveClient c = admin()) {
      for (int i = 0; i < 8; i++) {
        c.sendText("{}");
      }
      assertEquals(1008, c.closeCode());
    }
  }

  @Test
  void aTooLargeMessageCloses1009() {
    try (LiveClient c = admin()) {
      c.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(9000) + "\"}");
      assertEquals(1009, c.closeCode());
    }
  }

  @Test
  void aBinaryMessageCloses1003() {
    try (LiveClient c = admin()) {
      c.socket().writeBinaryMessage(Buffer.buffer("{\"type\":\"ping\"}")).await();
      assertEquals(1003, c.closeCode());
    }
  }

  // ------------------------------------------------------------------ heartbeats and slow clients

  @Test
  void theServerPingsAndAnsweredPingsKeepTheSocketPastTheIdleLimit() {
    try (LiveClient c = admin()) {
      AtomicLong pings = new AtomicLong();
      c.socket().frameHandler(f -> {
        if (f.type() == io.vertx.core.http.WebSocketFrameType.PING) {
          pings.incrementAndGet();
        }
      });
      // The idle limit is 4 s, the edge's read timeout 1 s, and the client only answers pings (Vert.x answers them itself).
      Eventually.await("pings past the idle limit", Duration.ofSeconds(20), pings::get, n -> n >= 12);
      assertFalse(c.isClosed());
      c.send(new JsonObject().put("type", "ping"));
      c.next("pong");
    }
  }

  @Test
  void aClientThatSendsNothingAtAllIsClosedAsIdle() throws Exception {
    try (Socket raw = rawUpgrade()) {
      // It reads (so it is not slow) but never answers a ping nor sends anything.
      raw.setSoTimeout(20_000);
      byte[] all = raw.getInputStream().readAllBytes();
      assertEquals(4408, closeCodeIn(all));
    }
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedAndTheGatewayStaysHealthy() throws Exception {
    double before = closedWith("1013");
    try (Socket raw = rawUpgrade()) {
      send(raw, "{\"type\":\"subscribe\",\"venue_ids\":[\"" + venueA + "\"]}");
      Eventually.await("the slow client subscribed", Duration.ofSeconds(10), () -> {
        publish(venueA, "warm-up");
        try {
          return raw.getInputStream().available();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, n -> n > 0);
      String big = "y".repeat(64 * 1024);
      // It never reads: the gateway must drop it, not buffer for it.
      Eventually.await("the slow client dropped", Duration.ofSeconds(30), () -> {
        for (int i = 0; i < 50; i++) {
          publish(venueA, big);
        }
        return closedWith("1013");
      }, n -> n > before);
      // Once it reads again, what was already on its way arrives, then the close frame, then the end of the
      // connection (the server's closing timeout: this client never answers the close frame).
      raw.setSoTimeout(30_000);
      byte[] rest = raw.getInputStream().readAllBytes();
      assertEquals(1013, closeCodeIn(rest));
    }
    try (LiveClient c = admin()) {
      c.subscribe(venueA);
      String a = publish(venueA);
      assertEquals(a, c.next("booking.confirmed").getString("event_id"));
    }
    assertEquals(200, harness.api().get("/health/live").statusCode());
  }

  private static double closedWith(String code) {
    Counter counter = Metrics.registry().find("websocket_connections_closed").tag("code", code).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A raw TCP WebSocket upgrade with an admin token, its answer read; the socket is then the test's. */
  private static Socket rawUpgrade() throws IOException {
    Socket s = new Socket("127.0.0.1", harness.httpPort());
    s.setSoTimeout(10_000);
    String head = "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: " + TestTokens.admin() + "\r\n\r\n";
    s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = s.getInputStream();
    StringBuilder answer = new StringBuilder();
    while (!answer.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      assertNotEquals(-1, b, answer::toString);
      answer.append((char) b);
    }
    assertTrue(answer.toString().startsWith("HTTP/1.1 101"), answer::toString);
    return s;
  }

  /** Sends one masked text frame (clients must mask). */
  private static void send(Socket s, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    assertTrue(payload.length < 126);
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    OutputStream out = s.getOutputStream();
    out.write(frame);
    out.flush();
  }

  /** The status code of the close frame among server frames (unmasked); -1 when there is none. */
  private static int closeCodeIn(byte[] frames) {
    int i = 0;
    while (i + 2 <= frames.length) {
      int opcode = frames[i] & 0x0f;
      long len = frames[i + 1] & 0x7f;
      int at = i + 2;
      if (len == 126) {
        len = ((frames[at] & 0xff) << 8) | (frames[at + 1] & 0xff);
        at += 2;
      } else if (len == 127) {
        len = 0;
        for (int k = 0; k < 8; k++) {
          len = (len << 8) | (frames[at + k] & 0xff);
        }
        at += 8;
      }
      if (opcode == 8 && len >= 2) {
        return ((frames[at] & 0xff) << 8) | (frames[at + 1] & 0xff);
      }
      i = at + (int) len;
    }
    return -1;
  }
}
