package io.booker.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live latency over the real stack: the time from a REST create's 201 to its {@code booking.held}
 * event on WebSocket clients subscribed to the venue. The event's path is the booking transaction
 * (outbox row), the outbox relay, Kafka, notify's consumer (one transaction in db {@code notify}),
 * the event bus, the gateway and the socket. Run by {@code scripts/bench} ({@code BENCH_ONLY=live}):
 *
 * <pre>
 *   LiveLatencyBench base-url login password sockets bookings rate-per-second warm-up-bookings
 * </pre>
 *
 * It creates its own venue (UTC, open around the clock), opens {@code sockets} sockets (token in the
 * header) subscribed to it, then creates {@code warm-up-bookings} bookings (not reported) and
 * {@code bookings} bookings at a fixed rate (open loop: a slow answer does not delay the next
 * create), each on its own table and 15-minute slot, so none competes. Every arrival of a held event
 * on every socket is one sample; arrivals are stamped on the client's event loop before parsing.
 * Prints the figures and a line {@code BENCH key=value ...} for the script.
 */
public final class LiveLatencyBench {

  private static final int TABLES = 50;
  private static final long DRAIN_MS = 15_000;

  private final Vertx vertx;
  private final WebClient web;
  private final URI base;
  private final String authorization;
  /** booking id -> nanoTime the create was sent, and its 201 received. */
  private final Map<String, long[]> created = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile String firstFailure = "";
  private String venueId;
  private List<String> tableIds;
  private long baseDay;

  private record Arrival(String bookingId, long at) {
  }

  private LiveLatencyBench(Vertx vertx, URI base, String authorization) {
    this.vertx = vertx;
    this.web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(32));
    this.base = base;
    this.authorization = authorization;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println("usage: LiveLatencyBench base-url login password sockets bookings rate-per-second warm-up-bookings");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0]);
    int sockets = Integer.parseInt(args[3]);
    int bookings = Integer.parseInt(args[4]);
    double rate = Double.parseDouble(args[5]);
    int warmUp = Integer.parseInt(args[6]);
    Vertx vertx = Vertx.vertx();
    int rc = 1;
    try {
      String token = login(vertx, base, args[1], args[2]);
      LiveLatencyBench bench = new LiveLatencyBench(vertx, base, "Bearer " + token);
      rc = bench.run(sockets, bookings, rate, warmUp);
    } finally {
      vertx.close().await();
    }
    System.exit(rc);
  }

  private static String login(Vertx vertx, URI base, String login, String password) {
    WebClient web = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> r = web.postAbs(base + "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("login", login).put("password", password)).await();
      if (r.statusCode() != 200) {
        throw new IllegalStateException("sign-in as " + login + " failed: " + r.statusCode() + " " + r.bodyAsString());
      }
      return r.bodyAsJsonObject().getString("access_token");
    } finally {
      web.close();
    }
  }

  private int run(int sockets, int bookings, double rate, int warmUp) throws InterruptedException, TimeoutException {
    setUpVenue();
    List<WebSocket> open = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      open.add(openSocket());
    }
    System.out.printf("venue %s (%d tables, UTC, open around the clock); %d sockets subscribed%n", venueId, TABLES, sockets);

    createAtRate(0, warmUp, rate);
    awaitArrivals(warmUp, sockets);
    int warmFailures = failures.getAndSet(0);
    created.clear();
    arrivals.clear();
    System.out.printf("warm-up: %d bookings at %.0f/s (not counted)%s%n", warmUp, rate,
      warmFailures == 0 ? "" : ", " + warmFailures + " failed");

    long t0 = System.nanoTime();
    createAtRate(warmUp, bookings, rate);
    double secs = (System.nanoTime() - t0) / 1e9;
    boolean complete = awaitArrivals(bookings, sockets);
    for (WebSocket ws : open) {
      ws.close();
    }
    return report(sockets, bookings, rate, secs, complete);
  }

  private void setUpVenue() {
    venueId = post("/api/v1/venues", new JsonObject().put("name", "Bench Live").put("timezone", "UTC")).getString("id");
    String room = post("/api/v1/venues/" + venueId + "/rooms", new JsonObject().put("name", "Main")).getString("id");
    tableIds = new ArrayList<>();
    for (int i = 1; i <= TABLES; i++) {
      tableIds.add(post("/api/v1/rooms/" + room + "/tables", new JsonObject().put("name", "L" + i).put("capacity", 4)).getString("id"));
    }
    JsonArray days = new JsonArray();
    for (int d = 0; d < 7; d++) {
      days.add(new JsonObject().put("weekday", d).put("open_time", "00:00").put("close_time", "00:00"));
    }
    post("/api/v1/venues/" + venueId + "/schedule", new JsonObject().put("days", days));
    baseDay = LocalDate.now(ZoneOffset.UTC).plusDays(1).toEpochDay();
  }

  private JsonObject post(String path, JsonObject body) {
    HttpResponse<Buffer> r = web.postAbs(base + path).putHeader("authorization", authorization).sendJsonObject(body).await();
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** Opens a socket (token in the header), subscribes to the venue once {@code ready} came, waits for {@code subscribed}. */
  private WebSocket openSocket() throws TimeoutException {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
      .setURI("/api/v1/ws").addHeader("authorization", authorization);
    Promise<Void> subscribed = Promise.promise();
    // The handler is set in the connect callback, on the socket's event loop, so that the server's
    // first message (ready) cannot arrive before it.
    WebSocket ws = client.connect(options).onSuccess(socket -> socket.textMessageHandler(text -> {
      long at = System.nanoTime();
      JsonObject m = new JsonObject(text);
      String type = m.getString("type");
      if ("booking.held".equals(type)) {
        arrivals.add(new Arrival(m.getJsonObject("booking").getString("id"), at));
      } else if ("ready".equals(type)) {
        socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(venueId)).encode());
      } else if ("subscribed".equals(type)) {
        subscribed.tryComplete();
      } else if ("error".equals(type)) {
        subscribed.tryFail(text);
      }
    })).await();
    subscribed.future().await(10, TimeUnit.SECONDS);
    return ws;
  }

  /** Creates bookings number {@code first} to {@code first + n - 1}, one every 1/rate seconds. */
  private void createAtRate(int first, int n, double rate) throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(n);
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int g = first + i;
      long sent = System.nanoTime();
      web.postAbs(base + "/api/v1/bookings").putHeader("authorization", authorization).sendJsonObject(booking(g))
        .onComplete(ar -> {
          long at = System.nanoTime();
          if (ar.succeeded() && ar.result().statusCode() == 201) {
            created.put(ar.result().bodyAsJsonObject().getString("id"), new long[]{sent, at});
          } else {
            if (failures.getAndIncrement() == 0) {
              firstFailure = ar.succeeded() ? ar.result().statusCode() + " " + ar.result().bodyAsString() : ar.cause().toString();
            }
          }
          answered.countDown();
        });
    }
    answered.await(30, TimeUnit.SECONDS);
  }

  private JsonObject booking(int g) {
    int slot = g / TABLES;
    LocalDate date = LocalDate.ofEpochDay(baseDay + slot / 96);
    int minute = (slot % 96) * 15;
    return new JsonObject().put("venue_id", venueId).put("table", new JsonObject().put("table_id", tableIds.get(g % TABLES)))
      .put("slot", new JsonObject().put("date", date.toString()).put("start_time", String.format("%02d:%02d", minute / 60, minute % 60))
        .put("duration_minutes", 15))
      .put("party_size", 2).put("customer_name", "Live Guest " + g).put("customer_email", "live.guest@example.com");
  }

  /** Waits until every created booking's held event reached every socket, or DRAIN_MS passed. */
  private boolean awaitArrivals(int bookings, int sockets) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
    while (System.nanoTime() < deadline) {
      if (arrivals.size() >= (long) created.size() * sockets && created.size() + failures.get() >= bookings) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private int report(int sockets, int bookings, double rate, double secs, boolean complete) {
    List<Long> from201 = new ArrayList<>();
    List<Long> fromSent = new ArrayList<>();
    int early = 0;
    int unknown = 0;
    for (Arrival a : arrivals) {
      long[] t = created.get(a.bookingId());
      if (t == null) {
        unknown++;
        continue;
      }
      fromSent.add(a.at() - t[0]);
      from201.add(a.at() - t[1]);
      if (a.at() < t[1]) {
        early++;
      }
    }
    long[] createLatency = created.values().stream().mapToLong(t -> t[1] - t[0]).sorted().toArray();
    long[] l201 = from201.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] lSent = fromSent.stream().mapToLong(Long::longValue).sorted().toArray();
    long expected = (long) created.size() * sockets;
    System.out.printf("%d bookings created at %.0f/s in %.1f s (%d failed%s); %d held events expected on %d sockets, %d arrived%s%n",
      created.size(), rate, secs, failures.get(), failures.get() == 0 ? "" : ": " + firstFailure, expected, sockets, l201.length,
      complete ? "" : " (gave up waiting after " + DRAIN_MS / 1000 + " s)");
    System.out.printf("REST create (sent -> 201):        p50 %s  p95 %s  p99 %s  max %s ms%n",
      ms(createLatency, 50), ms(createLatency, 95), ms(createLatency, 99), ms(createLatency, 100));
    System.out.printf("201 -> booking.held on a socket:  p50 %s  p95 %s  p99 %s  max %s ms  (%d arrived before the 201)%n",
      ms(l201, 50), ms(l201, 95), ms(l201, 99), ms(l201, 100), early);
    System.out.printf("create sent -> booking.held:      p50 %s  p95 %s  p99 %s  max %s ms%n",
      ms(lSent, 50), ms(lSent, 95), ms(lSent, 99), ms(lSent, 100));
    System.out.printf("BENCH venue=%s sockets=%d bookings=%d failed=%d expected=%d arrived=%d unknown=%d early=%d"
        + " p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s create_p50_ms=%s create_p99_ms=%s sent_p50_ms=%s sent_p99_ms=%s%n",
      venueId, sockets, created.size(), failures.get(), expected, l201.length, unknown, early,
      ms(l201, 50), ms(l201, 95), ms(l201, 99), ms(l201, 100), ms(createLatency, 50), ms(createLatency, 99), ms(lSent, 50), ms(lSent, 99));
    return failures.get() == 0 && l201.length == expected ? 0 : 1;
  }

  /** The p-th percentile (nearest rank) of sorted nanoseconds, in ms. */
  private static String ms(long[] sorted, int p) {
    if (sorted.length == 0) {
      return "-";
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return String.format("%.1f", sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6);
  }
}
