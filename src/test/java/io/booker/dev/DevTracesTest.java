package io.booker.dev;

import io.booker.it.support.TestNodes;
import io.booker.testinfra.UsesInfrastructure;
import io.booker.dev.infra.LocalPorts;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.TracingSettings;
import io.booker.testinfra.TestTokens;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The dev system's traces page: a real node traced with the {@link DevTraces} SDK, a booking made
 * through REST, and the page showing that request as a tree of spans (the gateway's HTTP span, the
 * service call under it, the SQL under that), every string escaped; and the buffer's bounds.
 */
@UsesInfrastructure
class DevTracesTest {

  static DevTraces traces;
  static TestNodes.Started node;
  static Vertx client;
  static WebClient web;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    traces = DevTraces.start(TracingSettings.from(new JsonObject(), "devtraces-test", name -> null), LocalPorts.free());
    node = TestNodes.allInOne("eventbus", new JsonObject(), TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort(),
      traces.openTelemetry());
    client = Vertx.vertx();
    web = WebClient.create(client);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close().await();
    }
    if (node != null) {
      node.close();
    }
    if (traces != null) {
      traces.close();
    }
  }

  @Test
  void aBookingMadeThroughRestIsShownAsATreeFromTheGatewaysRequestToItsSql() throws Exception {
    String bookingId = book();

    // The trace of the request that made the booking: the one whose spans name it.
    JsonObject trace = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (trace == null && System.nanoTime() < deadline) {
      for (Object o : new JsonArray(get("/traces.json").body())) {
        JsonObject summary = (JsonObject) o;
        if ("POST /api/v1/bookings".equals(summary.getString("root"))) {
          JsonObject candidate = new JsonObject(get("/trace/" + summary.getString("trace_id") + ".json").body());
          if (spans(candidate).stream().anyMatch(s -> bookingId.equals(attr(s, TraceAttributes.BOOKING_ID.getKey())))) {
            trace = candidate;
          }
        }
      }
      if (trace == null) {
        Thread.sleep(100);
      }
    }
    assertNotNull(trace, () -> "a trace naming booking " + bookingId + " in " + get("/traces.json").body());
    String traceId = trace.getString("trace_id");
    List<JsonObject> spans = spans(trace);
    Map<String, JsonObject> byId = new HashMap<>();
    spans.forEach(s -> byId.put(s.getString("span_id"), s));

    JsonObject root = spans.get(0);
    assertEquals("POST /api/v1/bookings", root.getString("name"));
    assertEquals("SERVER", root.getString("kind"));
    assertEquals(0, root.getInteger("depth"));
    assertEquals("booker-devtraces-test", root.getString("service"));
    assertNull(root.getString("parent_span_id"));
    assertEquals(spans.size(), trace.getInteger("span_count"));
    assertTrue(trace.getJsonArray("services").contains("booker-devtraces-test"));
    assertFalse(trace.getBoolean("error"));

    JsonObject call = spans.stream().filter(s -> attr(s, "rpc.method") != null && attr(s, "rpc.method").endsWith("/CreateBooking"))
      .findFirst().orElseThrow(() -> new AssertionError("no CreateBooking call in " + names(spans)));
    assertTrue(descends(call, root, byId), () -> "the call under the HTTP span: " + names(spans));
    assertTrue(call.getInteger("depth") > 0);
    JsonObject sql = spans.stream().filter(s -> "postgresql".equals(attr(s, "db.system")) || "postgresql".equals(attr(s, "db.system.name")))
      .filter(s -> descends(s, call, byId)).findFirst().orElseThrow(() -> new AssertionError("no SQL under the call in " + names(spans)));
    assertTrue(sql.getInteger("depth") > call.getInteger("depth"));
    // Depth first: every span comes after its parent, one level deeper.
    for (int i = 1; i < spans.size(); i++) {
      JsonObject s = spans.get(i);
      JsonObject parent = byId.get(s.getString("parent_span_id"));
      if (parent != null) {
        assertTrue(spans.indexOf(parent) < i, () -> "parent first: " + names(spans));
        assertEquals(parent.getInteger("depth") + 1, s.getInteger("depth"));
      }
      assertTrue(s.getDouble("offset_ms") >= 0 && s.getDouble("duration_ms") >= 0);
    }

    String page = get("/trace/" + traceId).body();
    assertTrue(page.contains("POST /api/v1/bookings"), page);
    assertTrue(page.contains(DevTraces.esc(call.getString("name"))), page);
    assertTrue(page.contains(DevTraces.esc(sql.getString("name"))), page);
    assertTrue(page.contains(bookingId), "the attributes are shown");
    String statement = attr(sql, "db.query.text") != null ? attr(sql, "db.query.text") : attr(sql, "db.statement");
    assertNotNull(statement, () -> "the SQL span's statement: " + sql.encode());
    assertTrue(page.contains("<code class=\"hint\">" + DevTraces.esc(statement.replaceAll("\\s+", " ").trim().substring(0, 20))),
      "the statement shown next to the SQL span's name");
    assertTrue(page.contains("class=\"span\" style=\"left:0.000%;width:"), "the root's bar starts the timeline");
    String list = get("/").body();
    assertTrue(list.contains("href=\"/trace/" + traceId + "\""), "the list links the trace");
    assertTrue(list.contains("in memory"), "the page says the traces are kept in memory only");

    assertEquals(404, get("/trace/" + "0".repeat(32)).statusCode());
    assertEquals(404, get("/trace/not-a-trace-id").statusCode());
    assertEquals(404, get("/nothing-here").statusCode());
  }

  @Test
  void everyStringIsEscapedAndASpanWhoseParentIsMissingIsARoot() throws Exception {
    Tracer tracer = traces.openTelemetry().getTracer("devtraces-test");
    String hostile = "<script>alert('x')</script>";
    Span parent = tracer.spanBuilder("dev <b>page</b> & co").setAttribute("note", hostile).startSpan();
    Span child = tracer.spanBuilder("child \"quoted\"").setParent(Context.root().with(parent))
      .setAttribute("booker.<evil>", hostile).startSpan();
    child.setStatus(StatusCode.ERROR, "failed: <img src=x onerror=alert(1)>");
    child.end();
    String traceId = parent.getSpanContext().getTraceId();

    // The parent has not ended: the child is shown at the root level.
    JsonObject open = new JsonObject(get("/trace/" + traceId + ".json").body());
    assertEquals(1, open.getInteger("span_count"));
    assertEquals(0, spans(open).get(0).getInteger("depth"));
    assertEquals("child \"quoted\"", open.getString("root"));
    assertTrue(open.getBoolean("error"));

    parent.end();
    JsonObject whole = new JsonObject(get("/trace/" + traceId + ".json").body());
    assertEquals(List.of("dev <b>page</b> & co", "child \"quoted\""), spans(whole).stream().map(s -> s.getString("name")).toList());
    assertEquals(List.of(0, 1), spans(whole).stream().map(s -> s.getInteger("depth")).toList());
    assertEquals(hostile, attr(spans(whole).get(0), "note"), "the JSON keeps the values as they are");

    for (String html : List.of(get("/trace/" + traceId).body(), get("/").body())) {
      assertFalse(html.contains("<script"), html);
      assertFalse(html.contains("<b>"), html);
      assertTrue(html.contains("dev &lt;b&gt;page&lt;/b&gt; &amp; co"), html);
    }
    String page = get("/trace/" + traceId).body();
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
    assertTrue(page.contains("booker.&lt;evil&gt;"), page);
    assertTrue(page.contains("child &quot;quoted&quot;"), page);
    assertTrue(page.contains("failed: &lt;img src=x onerror=alert(1)&gt;"), page);
    assertFalse(page.contains("<img"), page);
  }

  @Test
  void theBufferKeepsTheMostRecentTracesAndDropsTheOldestBeyondItsBounds() {
    DevTraces.Buffer buffer = new DevTraces.Buffer(3, 5);
    try (OpenTelemetrySdk sdk = sdk(buffer)) {
      Tracer tracer = sdk.getTracer("bounds");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Span s = tracer.spanBuilder("trace " + i).startSpan();
        s.end();
        ids.add(s.getSpanContext().getTraceId());
      }
      assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2)), buffer.traces().stream().map(DevTraces.Trace::traceId).toList(),
        "the three newest, newest first");
      assertNull(buffer.trace(ids.get(0)));
      assertEquals(2, buffer.droppedTraces());

      // The span bound: a trace of three more spans pushes out the oldest traces until 5 spans are left.
      Span root = tracer.spanBuilder("big").startSpan();
      for (int i = 0; i < 2; i++) {
        tracer.spanBuilder("big child " + i).setParent(Context.root().with(root)).startSpan().end();
      }
      root.end();
      assertEquals(5, buffer.spanCount());
      assertEquals(List.of(root.getSpanContext().getTraceId(), ids.get(4), ids.get(3)),
        buffer.traces().stream().map(DevTraces.Trace::traceId).toList());

      // A single trace larger than the bound keeps its first spans.
      Span huge = tracer.spanBuilder("huge").startSpan();
      for (int i = 0; i < 7; i++) {
        tracer.spanBuilder("huge child " + i).setParent(Context.root().with(huge)).startSpan().end();
      }
      huge.end();
      DevTraces.Trace kept = buffer.trace(huge.getSpanContext().getTraceId());
      assertEquals(5, kept.spans().size());
      assertEquals(1, buffer.traces().size());
      assertEquals(3, buffer.droppedSpans());
      assertEquals(5, kept.tree().stream().filter(r -> r.depth() == 0).count(), "children of a span not kept are roots");
    }
  }

  @Test
  void spansEndingOnManyThreadsStayWithinTheBounds() throws Exception {
    DevTraces.Buffer buffer = new DevTraces.Buffer(50, 400);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (OpenTelemetrySdk sdk = sdk(buffer)) {
      Tracer tracer = sdk.getTracer("threads");
      CountDownLatch done = new CountDownLatch(4);
      for (int t = 0; t < 4; t++) {
        pool.execute(() -> {
          for (int i = 0; i < 500; i++) {
            Span root = tracer.spanBuilder("r").startSpan();
            tracer.spanBuilder("c").setParent(Context.root().with(root)).startSpan().end();
            root.end();
          }
          done.countDown();
        });
      }
      assertTrue(done.await(60, TimeUnit.SECONDS));
      List<DevTraces.Trace> kept = buffer.traces();
      // A trace can be dropped between its child's end and its root's (another thread's traces
      // pushed it out): its root then starts it again, alone.
      assertEquals(50, kept.size());
      assertTrue(buffer.spanCount() <= 100, () -> "spans kept: " + buffer.spanCount());
      assertEquals(buffer.spanCount(), kept.stream().mapToInt(t -> t.spans().size()).sum());
      assertTrue(buffer.droppedTraces() >= 2000 - 50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withACollectorNamedTheSpansAreExportedOverOtlpAsWellAsKept() {
    Vertx collectorVertx = Vertx.vertx();
    List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      io.vertx.core.http.HttpServer collector = collectorVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        posts.add(req.method() + " " + req.path());
        bodies.add(body.getBytes());
        req.response().putHeader("content-type", "application/x-protobuf").end();
      })).listen(0, "127.0.0.1").await();
      String endpoint = "127.0.0.1:" + collector.actualPort();
      TracingSettings settings = TracingSettings.from(new JsonObject(), "devtraces-export",
        name -> TracingSettings.JAEGER_ENDPOINT.equals(name) ? endpoint : null);
      String traceId;
      try (DevTraces exporting = DevTraces.start(settings, LocalPorts.free())) {
        assertTrue(exporting.exporting());
        Span span = exporting.openTelemetry().getTracer("export").spanBuilder("exported and kept").startSpan();
        span.end();
        traceId = span.getSpanContext().getTraceId();
        assertEquals("exported and kept", exporting.buffer().trace(traceId).root().getName());
      } // closing flushes the export
      assertTrue(posts.contains("POST /v1/traces"), () -> "posts: " + posts);
      String all = bodies.stream().map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)).reduce("", String::concat);
      assertTrue(all.contains("exported and kept") && all.contains("booker-devtraces-export"), "the span and its service in the export");
      assertFalse(traces.exporting(), "no collector named: nothing exported");
    } finally {
      collectorVertx.close().await();
    }
  }

  private static OpenTelemetrySdk sdk(DevTraces.Buffer buffer) {
    return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(buffer).build()).build();
  }

  /** A venue open all day with one table, and a booking on it through the gateway's REST API; answers its id. */
  private static String book() {
    String tz = "Asia/Tokyo";
    String venue = created("/api/v1/venues", new JsonObject().put("name", "Traced " + UUID.randomUUID()).put("timezone", tz)).getString("id");
    JsonArray days = new JsonArray();
    for (int wd = 0; wd < 7; wd++) {
      days.add(new JsonObject().put("weekday", wd).put("open_time", "00:00").put("close_time", "00:00"));
    }
    HttpResponse<Buffer> hours = post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", days));
    assertEquals(200, hours.statusCode(), hours::bodyAsString);
    String room = created("/api/v1/venues/" + venue + "/rooms", new JsonObject().put("name", "Main")).getString("id");
    String table = created("/api/v1/rooms/" + room + "/tables", new JsonObject().put("name", "T1").put("capacity", 4)).getString("id");
    JsonObject request = new JsonObject().put("venue_id", venue)
      .put("table", new JsonObject().put("venue_id", venue).put("room_id", room).put("table_id", table))
      .put("slot", new JsonObject().put("date", LocalDate.now(ZoneId.of(tz)).plusDays(3).toString()).put("start_time", "19:00")
        .put("duration_minutes", 90))
      .put("party_size", 2).put("customer_name", "Traced Guest").put("customer_phone", "+81 3 1234 5678");
    return created("/api/v1/bookings", request).getString("id");
  }

  private static HttpResponse<Buffer> post(String path, JsonObject body) {
    return web.post(node.httpPort(), "127.0.0.1", path).putHeader("authorization", TestTokens.admin()).sendJsonObject(body).await();
  }

  private static JsonObject created(String path, JsonObject body) {
    HttpResponse<Buffer> r = post(path, body);
    assertEquals(201, r.statusCode(), () -> "POST " + path + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static java.net.http.HttpResponse<String> get(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(traces.pageUrl() + path.substring(1))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + path, e);
    }
  }

  private static List<JsonObject> spans(JsonObject trace) {
    return trace.getJsonArray("spans").stream().map(JsonObject.class::cast).toList();
  }

  private static String attr(JsonObject span, String key) {
    return span.getJsonObject("attributes").getString(key);
  }

  private static boolean descends(JsonObject span, JsonObject ancestor, Map<String, JsonObject> byId) {
    JsonObject s = span;
    for (int depth = 0; s != null && depth < 50; depth++) {
      if (ancestor.getString("span_id").equals(s.getString("parent_span_id"))) {
        return true;
      }
      s = byId.get(s.getString("parent_span_id"));
    }
    return false;
  }

  private static String names(List<JsonObject> spans) {
    StringBuilder out = new StringBuilder();
    spans.forEach(s -> out.append("\n  ").append("  ".repeat(s.getInteger("depth"))).append(s.getString("name"))
      .append(" [").append(s.getString("kind")).append("] ").append(s.getJsonObject("attributes").encode()));
    return out.toString();
  }
}
