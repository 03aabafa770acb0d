package io.booker.notify.channel;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The SMS webhook channel against a real HTTP server playing the provider. */
class WebhookChannelTest {

  static final String SECRET = "provider-shared-secret-0123456789";
  static Vertx vertx;
  static HttpServer provider;
  /** The status the provider answers with; 0 = never answer. */
  static final AtomicInteger status = new AtomicInteger(200);
  static final List<Received> received = new CopyOnWriteArrayList<>();

  record Received(HttpServerRequest request, String body, String method, String contentType) {
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    provider = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      received.add(new Received(request, body.toString(), request.method().name(), request.getHeader("Content-Type")));
      int answer = status.get();
      if (answer != 0) {
        request.response().setStatusCode(answer).end(answer >= 400 ? "{\"error\":\"invalid number +44 7911 123489\"}" : "{}");
      }
    })).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void reset() {
    status.set(200);
    received.clear();
  }

  static JsonObject config() {
    return new JsonObject().put("url", "http://127.0.0.1:" + provider.actualPort() + "/sms/send").put("secret", SECRET);
  }

  static OutgoingMessage sms() {
    return new OutgoingMessage(UUID.randomUUID().toString(), "sms", "+447911123489", "",
        "Confirmed: table for 2 guests at Zum Löwen. Ref 3F2A9C1E", UUID.randomUUID().toString(), "confirmed");
  }

  @Test
  void aSignedPostCarriesTheMessage() {
    OutgoingMessage sent = sms();
    Channel channel = WebhookChannel.create(vertx, config());
    assertEquals("sms", channel.name());

    channel.send(sent).await();

    assertEquals(1, received.size());
    Received call = received.get(0);
    assertEquals("POST", call.method());
    assertEquals("/sms/send", call.request().path());
    assertEquals("application/json", call.contentType());
    assertEquals(sent.notificationId(), call.request().getHeader("Idempotency-Key"));
    String timestamp = call.request().getHeader("X-Booker-Timestamp");
    String signature = call.request().getHeader("X-Booker-Signature");
    assertTrue(signature.startsWith("sha256="), signature);
    assertTrue(WebhookSignature.verify(SECRET, timestamp, signature, call.body(), Instant.now(), Duration.ofMinutes(5)),
        "the provider can verify the call with the shared secret");
    assertFalse(WebhookSignature.verify("another-secret-0123456789", timestamp, signature, call.body(), Instant.now(), Duration.ofMinutes(5)));

    JsonObject body = new JsonObject(call.body());
    assertEquals(new JsonObject()
        .put("notification_id", sent.notificationId())
        .put("channel", "sms")
        .put("to", "+447911123489")
        .put("text", sent.text())
        .put("booking_id", sent.bookingId())
        .put("template", "confirmed"), body);
  }

  @Test
  void serverErrorsRateLimitsAndRequestTimeoutsAreTransient() {
    Channel channel = WebhookChannel.create(vertx, config());
    for (int code : new int[] {500, 502, 503, 429, 408}) {
      status.set(code);
      SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(sms()).await(), "status " + code);
      assertFalse(failure.permanent(), code + ": " + failure.getMessage());
      assertTrue(failure.getMessage().contains(Integer.toString(code)), failure.getMessage());
    }
  }

  @Test
  void otherClientErrorsArePermanentAndQuoteTheProviderMasked() {
    Channel channel = WebhookChannel.create(vertx, config());
    for (int code : new int[] {400, 401, 403, 404, 422}) {
      status.set(code);
      SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(sms()).await(), "status " + code);
      assertTrue(failure.permanent(), code + ": " + failure.getMessage());
      assertTrue(failure.getMessage().contains("invalid number"), failure.getMessage());
      assertFalse(failure.getMessage().contains("7911"), failure.getMessage());
    }
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsTransient() {
    status.set(0);
    Channel channel = WebhookChannel.create(vertx, config().put("timeout_ms", 300));
    SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(sms()).await());
    assertFalse(failure.permanent(), failure.getMessage());
    assertTrue(failure.getMessage().contains("in time"), failure.getMessage());
  }

  @Test
  void anUnreachableProviderIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Channel channel = WebhookChannel.create(vertx, config().put("url", "http://127.0.0.1:" + closedPort + "/sms"));
    SendFailure failure = assertThrows(SendFailure.class, () -> channel.send(sms()).await());
    assertFalse(failure.permanent(), failure.getMessage());
  }

  @Test
  void theSecretIsRequiredAndLongEnough() {
    assertFalse(WebhookChannel.enabled(new JsonObject()));
    assertFalse(WebhookChannel.enabled(null));
    assertTrue(WebhookChannel.enabled(config()));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> WebhookChannel.create(vertx, config().put("secret", (String) null)));
    assertTrue(missing.getMessage().contains("notify.webhook.secret is required"), missing.getMessage());
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> WebhookChannel.create(vertx, config().put("secret", "short-secret")));
    assertTrue(tooShort.getMessage().contains("at least 16"), tooShort.getMessage());
    assertFalse(tooShort.getMessage().contains("short-secret"), "the message never repeats the secret");
    assertThrows(IllegalArgumentException.class, () -> WebhookChannel.create(vertx, config().put("url", "ftp://example.com/x")));
    assertThrows(IllegalArgumentException.class, () -> WebhookChannel.create(vertx, config().put("url", "/relative")));
    assertThrows(IllegalArgumentException.class, () -> WebhookChannel.create(vertx, config().put("timeout_ms", -1)));
  }
}
