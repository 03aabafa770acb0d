package io.booker.it.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A test client of {@code /api/v1/ws} on the test's own Vert.x: every text message it receives is
 * queued, and the close code the server sent is kept.
 */
public final class LiveClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(15);

  private final WebSocketClient client;
  private final WebSocket ws;
  private final LinkedBlockingDeque<JsonObject> received = new LinkedBlockingDeque<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final List<JsonObject> seen = new ArrayList<>();

  private LiveClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode() == null ? (short) 1006 : ws.closeStatusCode()));
  }

  /** Opens a socket to the gateway on {@code port}; {@code authorization} is the header value, or null for none. */
  public static LiveClient open(Vertx vertx, int port, String authorization) {
    return connect(vertx, port, authorization).await();
  }

  /** The upgrade attempt itself (for refusals: an {@code UpgradeRejectedException}). */
  public static Future<LiveClient> connect(Vertx vertx, int port, String authorization) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/ws");
    if (authorization != null) {
      options.addHeader("authorization", authorization);
    }
    // Handlers first, then the connection: a message the server sends right after the upgrade
    // ("ready") may arrive with the 101 answer, before a callback on the connect future would run.
    ClientWebSocket ws = client.webSocket();
    LiveClient live = new LiveClient(client, ws);
    return ws.connect(options).map(connected -> live)
      .onFailure(t -> client.close());
  }

  /** Opens a socket with the token in the header and waits for {@code ready}. */
  public static LiveClient ready(Vertx vertx, int port, String authorization) {
    LiveClient c = open(vertx, port, authorization);
    c.next("ready");
    return c;
  }

  public LiveClient send(JsonObject message) {
    ws.writeTextMessage(message.encode()).await();
    return this;
  }

  public LiveClient sendText(String text) {
    ws.writeTextMessage(text).await();
    return this;
  }

  public WebSocket socket() {
    return ws;
  }

  /**
   * Subscribes and expects {@code subscribed} as the very next message: the server holds back a
   * venue's events that arrive while the subscription registers until it has said so.
   */
  public JsonObject subscribe(String... venueIds) {
    send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray(List.of(venueIds))));
    JsonObject m = next();
    assertEquals("subscribed", m.getString("type"), () -> "expected subscribed first, got " + m.encode());
    return m;
  }

  /** The next message received, whatever it is. */
  public JsonObject next() {
    try {
      JsonObject m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(m, () -> "no message within " + WAIT + "; seen " + seen + (closed.isDone() ? ", closed " + closed.join() : ""));
      seen.add(m);
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next message received within {@code wait}, or null. */
  public JsonObject poll(Duration wait) {
    try {
      JsonObject m = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (m != null) {
        seen.add(m);
      }
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next message of {@code type} whose {@code field} is {@code value}, skipping others. */
  public JsonObject nextWhere(String type, String field, String value) {
    JsonObject m;
    do {
      m = next();
    } while (!(type.equals(m.getString("type")) && value.equals(lookup(m, field))));
    return m;
  }

  private static String lookup(JsonObject m, String dotted) {
    Object at = m;
    for (String part : dotted.split("\\.")) {
      at = at instanceof JsonObject o ? o.getValue(part) : null;
    }
    return at == null ? null : String.valueOf(at);
  }

  /** The next message, which must be of {@code type}. */
  public JsonObject next(String type) {
    JsonObject m = next();
    assertEquals(type, m.getString("type"), m::encode);
    return m;
  }

  /** Messages up to and including the first that {@code last} accepts. */
  public List<JsonObject> until(Predicate<JsonObject> last) {
    List<JsonObject> out = new ArrayList<>();
    JsonObject m;
    do {
      m = next();
      out.add(m);
    } while (!last.test(m));
    return out;
  }

  /** A ping answered: everything the server sent before the pong has arrived. */
  public List<JsonObject> drain() {
    send(new JsonObject().put("type", "ping"));
    List<JsonObject> before = until(m -> "pong".equals(m.getString("type")));
    return before.subList(0, before.size() - 1);
  }

  /** The close code the server sent, waiting for it. */
  public short closeCode() {
    try {
      return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return fail("the socket was not closed within " + WAIT + "; seen " + seen + " " + received);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.close().await();
    }
    client.close().await();
  }
}
