package io.booker.it.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.booker.it.support.ApiClient;
import io.booker.it.support.NodeHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The HTTP edge as a hostile client meets it: every mistake is a 4xx problem with a stable code
 * and nothing logged at ERROR, paths the router would normalise are refused before routing,
 * security headers and CORS, HEAD, body limits, bounded metric labels, and slow clients dropped.
 */
class GatewayEdgeTest {

  static final String ORIGIN = "https://app.example";
  static final long READ_TIMEOUT_MS = 1000;

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject().put("http", new JsonObject()
    .put("read_timeout_ms", READ_TIMEOUT_MS)
    .put("idle_timeout_ms", 5000)
    .put("cors_origins", new JsonArray().add(ORIGIN))));

  static final List<String> errors = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> errorCapture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
        errors.add(e.getLoggerName() + ": " + e.getFormattedMessage());
      }
    }
  };

  static ApiClient api;
  static int port;

  @BeforeAll
  static void setUp() {
    api = harness.api();
    port = harness.httpPort();
    errorCapture.start();
    root().addAppender(errorCapture);
  }

  @AfterAll
  static void tearDown() {
    root().detachAppender(errorCapture);
  }

  @AfterEach
  void nothingWasLoggedAtError() {
    assertEquals(List.of(), errors, "client mistakes are not errors of the server");
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  // --- client mistakes are problems ---

  @Test
  void anUnknownRouteIsA404Problem() {
    assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
  }

  @Test
  void aWrongMethodIsA405ProblemThatSaysWhatIsAllowed() {
    HttpResponse<Buffer> r = api.request("PATCH", "/api/v1/venues").send().await();
    assertProblem(r, 405, "METHOD_NOT_ALLOWED");
    assertEquals("GET, HEAD, POST", r.getHeader("Allow"));
    HttpResponse<Buffer> one = api.request("POST", "/api/v1/venues/" + java.util.UUID.randomUUID()).send().await();
    assertProblem(one, 405, "METHOD_NOT_ALLOWED");
    assertTrue(one.getHeader("Allow").contains("DELETE"), one.getHeader("Allow"));
    assertTrue(one.getHeader("Allow").contains("GET"), one.getHeader("Allow"));
  }

  @Test
  void anOversizedBodyIsA413Problem() {
    HttpResponse<Buffer> r = api.post("/api/v1/venues", new JsonObject().put("name", "x".repeat(70 * 1024)));
    assertProblem(r, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aTooLongRequestLineIsA414Problem() {
    RawHttp.Response r = RawHttp.send(port, "GET", "/api/v1/venues?q=" + "a".repeat(10_000));
    assertRawProblem(r, 414, "URI_TOO_LONG");
  }

  @Test
  void tooLargeHeadersAreA431Problem() {
    RawHttp.Response r = RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000), "");
    assertRawProblem(r, 431, "HEADERS_TOO_LARGE");
  }

  @Test
  void cleartextHttp2IsNotSpoken() {
    // The HTTP/2 preface is a request of a version this edge does not serve: a 505, and no HTTP/2 connection.
    RawHttp.Response r = RawHttp.exchange(port, "PRI * HTTP/2.0\r\n\r\nSM", "");
    assertRawProblem(r, 505, "HTTP_VERSION_NOT_SUPPORTED");
    assertEquals(200, api.get("/health/live").statusCode());
  }

  /**
   * The node's gateway reads requests strictly (HttpFramingTest covers every case on the edge's
   * server): a Content-Length beside chunked framing, a second Host and a malformed chunk are each
   * a problem, and the venue hidden in the smuggled body is never created.
   */
  @Test
  void theGatewayRefusesSmuggledAndMalformedFraming() {
    int before = venueCount();
    String venue = "{\"name\":\"Smuggled\",\"timezone\":\"UTC\"}";
    String hidden = "POST /api/v1/venues HTTP/1.1\r\nHost: x\r\nAuthorization: " + io.booker.testinfra.TestTokens.admin()
      + "\r\nContent-Type: application/json\r\nContent-Length: " + venue.length() + "\r\n\r\n" + venue;
    String chunked = "0\r\n\r\n" + hidden;
    assertRawProblem(RawHttp.exchange(port, "POST /api/v1/venues HTTP/1.1\r\nHost: x\r\nAuthorization: " + io.booker.testinfra.TestTokens.admin()
      + "\r\nContent-Type: application/json\r\nContent-Length: " + chunked.length() + "\r\nTransfer-Encoding: chunked", chunked), 400, "INVALID_ARGUMENT");
    assertRawProblem(RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: a\r\nHost: b", ""), 400, "INVALID_ARGUMENT");
    assertRawProblem(RawHttp.exchange(port, "POST /api/v1/venues HTTP/1.1\r\nHost: x\r\nAuthorization: " + io.booker.testinfra.TestTokens.admin()
      + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"), 400, "INVALID_ARGUMENT");
    assertEquals(before, venueCount(), "nothing hidden in a refused request was served");
  }

  @Test
  void aBodyThatIsNotJsonIsA415Problem() {
    int before = venueCount();
    HttpResponse<Buffer> text = api.request("POST", "/api/v1/venues").putHeader("content-type", "text/plain")
      .sendBuffer(Buffer.buffer("{\"name\":\"Plain\",\"timezone\":\"UTC\"}")).await();
    assertProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
    HttpResponse<Buffer> latin = api.request("POST", "/api/v1/venues").putHeader("content-type", "application/json; charset=iso-8859-1")
      .sendBuffer(Buffer.buffer("{\"name\":\"Latin\",\"timezone\":\"UTC\"}")).await();
    assertProblem(latin, 415, "UNSUPPORTED_MEDIA_TYPE");
    RawHttp.Response untyped = RawHttp.exchange(port, "POST /api/v1/venues HTTP/1.1\r\nHost: x\r\nAuthorization: "
      + io.booker.testinfra.TestTokens.admin() + "\r\nContent-Length: 2", "{}");
    assertRawProblem(untyped, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertEquals(before, venueCount(), "nothing was created");
  }

  @Test
  void badPercentEncodingIsA400ProblemInQueryAndPath() {
    assertRawProblem(RawHttp.send(port, "GET", "/api/v1/venues?limit=%zz"), 400, "INVALID_ARGUMENT");
    assertRawProblem(RawHttp.send(port, "GET", "/api/v1/venues?name=%"), 400, "INVALID_ARGUMENT");
    assertRawProblem(RawHttp.send(port, "GET", "/api/v1/venues/%zz"), 400, "INVALID_ARGUMENT");
    // Escapes that decode to bytes that are not UTF-8.
    assertRawProblem(RawHttp.send(port, "GET", "/api/v1/venues?name=%C3%28"), 400, "INVALID_ARGUMENT");
  }

  @Test
  void aPathTheRouterWouldNormaliseIsRefusedBeforeRouting() {
    JsonObject venue = api.venue("Dot Segments");
    String id = venue.getString("id");
    for (String target : new String[] {
      "/api/v1/venues/" + id + "/special-hours/%2e%2e",
      "/api/v1/venues/" + id + "/special-hours/..",
      "/api/v1/venues/" + id + "/special-hours/%2E",
      "/api/v1/venues/" + id + "/x/%2e%2e/%2e%2e",
      "/api/v1//venues/" + id,
      "/api/v1/venues/" + id + "%2fspecial-hours",
    }) {
      assertRawProblem(RawHttp.send(port, "DELETE", target), 400, "INVALID_ARGUMENT");
    }
    assertEquals(venue.getString("name"), api.ok(api.get("/api/v1/venues/" + id)).getString("name"), "the venue is still there");
  }

  @Test
  void duplicateKeysAndDeepNestingAreRefused() {
    int before = venueCount();
    HttpResponse<Buffer> dup = api.request("POST", "/api/v1/venues").putHeader("content-type", "application/json")
      .sendBuffer(Buffer.buffer("{\"name\":\"First\",\"name\":\"Second\",\"timezone\":\"UTC\"}")).await();
    assertProblem(dup, 400, "INVALID_ARGUMENT");
    assertTrue(dup.bodyAsJsonObject().getString("detail").contains("duplicate"), dup.bodyAsString());
    String deep = "{\"name\":\"Deep\",\"timezone\":\"UTC\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
    HttpResponse<Buffer> nested = api.request("POST", "/api/v1/venues").putHeader("content-type", "application/json")
      .sendBuffer(Buffer.buffer(deep)).await();
    assertProblem(nested, 400, "INVALID_ARGUMENT");
    assertTrue(nested.bodyAsJsonObject().getString("detail").contains("nested"), nested.bodyAsString());
    HttpResponse<Buffer> notUtf8 = api.request("POST", "/api/v1/venues").putHeader("content-type", "application/json")
      .sendBuffer(Buffer.buffer(new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})).await();
    assertProblem(notUtf8, 400, "INVALID_ARGUMENT");
    assertEquals(before, venueCount(), "nothing was created");
  }

  // --- headers on every answer ---

  @Test
  void apiAnswersAreNotSniffedNorCached() {
    HttpResponse<Buffer> ok = api.get("/api/v1/venues");
    assertEquals(200, ok.statusCode());
    assertEquals("nosniff", ok.getHeader("X-Content-Type-Options"));
    assertEquals("no-store", ok.getHeader("Cache-Control"));
    HttpResponse<Buffer> problem = api.get("/api/v1/no-such-thing");
    assertEquals("nosniff", problem.getHeader("X-Content-Type-Options"));
    assertEquals("no-store", problem.getHeader("Cache-Control"));
  }

  @Test
  void everyAnswerHasARestrictiveContentSecurityPolicy() {
    HttpResponse<Buffer> live = api.get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("nosniff", live.getHeader("X-Content-Type-Options"));
    assertTrue(live.getHeader("Content-Security-Policy").contains("default-src 'self'"), live.getHeader("Content-Security-Policy"));
    assertTrue(live.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("DENY", live.getHeader("X-Frame-Options"));
    assertEquals("no-referrer", live.getHeader("Referrer-Policy"));
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    RawHttp.Response head = RawHttp.send(port, "HEAD", "/api/v1/venues");
    assertEquals(200, head.status(), head.body());
    assertEquals("application/json", head.header("content-type"));
    assertEquals("", head.body());
    assertEquals("no-store", head.header("cache-control"));
    assertEquals(200, RawHttp.send(port, "HEAD", "/health/live").status());
  }

  @Test
  void corsIsOnlyForConfiguredOrigins() {
    HttpResponse<Buffer> allowed = api.request("GET", "/api/v1/venues").putHeader("Origin", ORIGIN).send().await();
    assertEquals(200, allowed.statusCode());
    assertEquals(ORIGIN, allowed.getHeader("Access-Control-Allow-Origin"));
    HttpResponse<Buffer> preflight = api.request("OPTIONS", "/api/v1/venues").putHeader("Origin", ORIGIN)
      .putHeader("Access-Control-Request-Method", "POST").putHeader("Access-Control-Request-Headers", "authorization,content-type")
      .send().await();
    assertTrue(preflight.statusCode() / 100 == 2, "" + preflight.statusCode());
    assertTrue(preflight.getHeader("Access-Control-Allow-Methods").contains("POST"));
    HttpResponse<Buffer> other = api.request("GET", "/api/v1/venues").putHeader("Origin", "https://evil.example").send().await();
    assertNull(other.getHeader("Access-Control-Allow-Origin"));
    assertEquals(403, other.statusCode());
    assertEquals("application/problem+json", other.getHeader("content-type"));
  }

  // --- metrics ---

  @Test
  void inventedMethodsAndUnmatchedPathsDoNotAddMetricLabels() {
    for (String method : new String[] {"FROBNICATE", "XYZZYVERB", "PLUGHVERB"}) {
      int status = RawHttp.send(port, method, "/api/v1/venues").status();
      assertTrue(status == 405 || status == 404 || status == 400, method + " got " + status);
    }
    assertEquals(404, RawHttp.send(port, "GET", "/api/v1/unmatched-path-label-probe").status());
    String metrics = api.get("/metrics").bodyAsString();
    assertFalse(metrics.contains("FROBNICATE") || metrics.contains("XYZZYVERB") || metrics.contains("PLUGHVERB"), "method labels are bounded");
    assertFalse(metrics.contains("unmatched-path-label-probe"), "path labels are bounded");
    assertTrue(metrics.contains("method=\"OTHER\""), "invented methods are counted as OTHER");
  }

  // --- resources ---

  @Test
  void idleAndSlowConnectionsAreClosedWhileTheServiceKeepsAnswering() throws Exception {
    int venuesBefore = venueCount();
    try (Socket idle = new Socket("127.0.0.1", port);
         Socket trickle = new Socket("127.0.0.1", port);
         Socket slowBody = new Socket("127.0.0.1", port);
         Socket keptAlive = new Socket("127.0.0.1", port)) {
      OutputStream body = slowBody.getOutputStream();
      body.write(("POST /api/v1/venues HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: "
        + io.booker.testinfra.TestTokens.admin() + "\r\nContent-Length: 100\r\n\r\n{\"na").getBytes(StandardCharsets.US_ASCII));
      body.flush();
      OutputStream alive = keptAlive.getOutputStream();
      alive.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      alive.flush();

      OutputStream slowHeaders = trickle.getOutputStream();
      slowHeaders.write("GET /health/live HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.currentTimeMillis();
      boolean trickleClosed = false;
      // One header byte every 200 ms: never idle, never finished.
      while (System.currentTimeMillis() - start < 4 * READ_TIMEOUT_MS && !trickleClosed) {
        try {
          slowHeaders.write('X');
          slowHeaders.flush();
        } catch (java.io.IOException closed) {
          trickleClosed = true;
        }
        assertEquals(200, api.get("/health/live").statusCode(), "the service answers meanwhile");
        Thread.sleep(200);
      }
      assertTrue(trickleClosed || RawHttp.closedWithin(trickle, 1000), "a client trickling headers is dropped");
      assertTrue(RawHttp.closedWithin(idle, 3 * READ_TIMEOUT_MS), "a connection that sends nothing is dropped");
      assertTrue(RawHttp.closedWithin(keptAlive, 3 * READ_TIMEOUT_MS), "an idle keep-alive connection is dropped");

      slowBody.setSoTimeout((int) (3 * READ_TIMEOUT_MS));
      RawHttp.Response timedOut = RawHttp.parse(RawHttp.readAll(slowBody.getInputStream()));
      assertRawProblem(timedOut, 408, "REQUEST_TIMEOUT");
    }
    assertEquals(200, api.get("/health/live").statusCode(), "the service still answers");
    String metrics = api.get("/metrics").bodyAsString();
    assertTrue(metrics.contains("http_connections_dropped_total{reason=\"headers_not_received\"}"), "drops are counted");
    assertTrue(metrics.contains("http_connections_dropped_total{reason=\"body_not_received\"}"), "drops are counted");
    assertEquals(venuesBefore, venueCount(), "the half-sent body created nothing");
  }

  // --- helpers ---

  /** How many venues exist (every test class of a run shares the database, one class at a time). */
  static int venueCount() {
    return api.ok(api.get("/api/v1/venues?limit=1")).getInteger("total", 0);
  }

  static void assertProblem(HttpResponse<Buffer> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("content-type"));
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(code, body.getString("code"));
    assertEquals(status, body.getInteger("status"));
    assertFalse(r.bodyAsString().contains("Exception"), "no stack trace in the answer");
  }

  static void assertRawProblem(RawHttp.Response r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.header("content-type"));
    assertEquals("nosniff", r.header("x-content-type-options"));
    JsonObject body = r.json();
    assertEquals(code, body.getString("code"));
    assertEquals(status, body.getInteger("status"));
    assertFalse(r.body().contains("Exception"), "no stack trace in the answer");
  }
}
