package io.booker.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How the HTTP edge reads a request's framing (RFC 9112), over raw sockets against the edge's own
 * server: smuggling attempts (Content-Length with Transfer-Encoding, transfer codings other than a
 * single chunked), Host, versions, malformed chunks and stalled headers are refused with a problem
 * and a closed connection, nothing hidden behind them is served, and nothing is logged at ERROR.
 */
class HttpFramingTest {

  static final long READ_TIMEOUT_MS = 800;
  /** A request that must never be served: each test hides it where a lax parser would read it. */
  static final String SMUGGLED = "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n";
  static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/\\d\\.\\d \\d{3} ");

  static Vertx vertx;
  static HttpServer server;
  static final AtomicInteger probes = new AtomicInteger();
  static final List<String> errors = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
        errors.add(e.getLoggerName() + ": " + e.getFormattedMessage());
      }
    }
  };

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    HttpEdgeSettings edge = HttpEdgeSettings.from(new JsonObject().put("read_timeout_ms", READ_TIMEOUT_MS));
    Router router = Router.router(vertx);
    HttpEdge.front(router, edge);
    Router api = Router.router(vertx);
    HttpEdge.apiBodies(api, edge);
    api.get("/probe").handler(ctx -> {
      probes.incrementAndGet();
      ctx.response().end("probe");
    });
    api.post("/echo").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end(ctx.body().buffer()));
    router.route("/api/v1/*").subRouter(api);
    EdgeErrors.install(router, new AllowedMethods().add("/api/v1", api), edge.maxBodyBytes());
    server = HttpEdge.server(vertx, edge, router).listen(0, "127.0.0.1").await();
    capture.start();
    root().addAppender(capture);
  }

  @AfterAll
  static void tearDown() {
    root().detachAppender(capture);
    vertx.close().await();
  }

  @BeforeEach
  void resetProbes() {
    probes.set(0);
  }

  @AfterEach
  void nothingWasLoggedAtError() {
    assertEquals(List.of(), errors, "client mistakes are not errors of the server");
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  // --- Content-Length and Transfer-Encoding ---

  @Test
  void contentLengthWithChunkedIsRefusedAndTheHiddenRequestIsNeverServed() {
    String chunkedBody = "0\r\n\r\n" + SMUGGLED;
    String raw = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      + "Content-Length: " + chunkedBody.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody;
    assertRefused(exchange(raw), 400, "INVALID_ARGUMENT");
  }

  @Test
  void aTransferCodingTheEdgeDoesNotImplementIsA501() {
    String body = "{}" + SMUGGLED;
    for (String coding : new String[] {"xchunked", "gzip, chunked", "chunked;q=1"}) {
      String raw = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: " + coding + "\r\nContent-Length: 2\r\n\r\n" + body;
      assertRefused(exchange(raw), 501, "UNIMPLEMENTED");
    }
  }

  @Test
  void anythingButOneChunkedCodingIsA400() {
    String chunks = "2\r\n{}\r\n0\r\n\r\n" + SMUGGLED;
    for (String codings : new String[] {
      "Transfer-Encoding: chunked, identity\r\n",
      "Transfer-Encoding: identity, chunked\r\n",
      "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
      "Transfer-Encoding: chunked, chunked\r\n",
      "Transfer-Encoding: \r\n",
    }) {
      String raw = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + codings + "\r\n" + chunks;
      assertRefused(exchange(raw), 400, "INVALID_ARGUMENT");
    }
  }

  @Test
  void chunkedOnHttp10IsA400() {
    String raw = "POST /api/v1/echo HTTP/1.0\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    assertRefused(exchange(raw), 400, "INVALID_ARGUMENT");
  }

  @Test
  void oneChunkedCodingInAnyCaseIsServedAndTheConnectionKept() throws IOException {
    try (Socket s = socket()) {
      write(s, "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding:  ChUnKeD \r\n\r\n"
        + "7\r\n{\"a\":1}\r\n0\r\n\r\n");
      Answer first = readAnswer(s);
      assertEquals(200, first.status(), first.raw());
      assertEquals("{\"a\":1}", first.body());
      write(s, "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(200, readAnswer(s).status(), "the connection stays usable");
    }
    assertEquals(1, probes.get());
  }

  @Test
  void aMalformedChunkSizeIsA400ProblemThenClose() {
    String raw = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
      + "zz\r\n{}\r\n0\r\n\r\n" + SMUGGLED;
    assertRefused(exchange(raw), 400, "INVALID_ARGUMENT");
  }

  // --- Host and version ---

  @Test
  void twoHostHeadersAreA400() {
    assertRefused(exchange("GET /api/v1/probe HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n" + SMUGGLED), 400, "INVALID_ARGUMENT");
  }

  @Test
  void http11WithoutHostIsA400ButHttp10NeedsNone() {
    assertRefused(exchange("GET /api/v1/probe HTTP/1.1\r\n\r\n" + SMUGGLED), 400, "INVALID_ARGUMENT");
    Answer old = exchange("GET /api/v1/probe HTTP/1.0\r\n\r\n");
    assertEquals(200, old.status(), old.raw());
    assertEquals(1, probes.get());
  }

  @Test
  void aVersionOtherThanHttp10Or11IsA505InHttp11() {
    for (String version : new String[] {"HTTP/2.0", "HTTP/1.2", "HTTP/3.0"}) {
      Answer r = exchange("GET /api/v1/probe " + version + "\r\nHost: x\r\n\r\n");
      assertTrue(r.raw().startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"), r.raw());
      assertRefused(r, 505, "HTTP_VERSION_NOT_SUPPORTED");
    }
  }

  // --- stalled requests ---

  @Test
  void stalledHeadersGetA408ProblemThenClose() throws IOException {
    try (Socket s = socket()) {
      write(s, "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      s.setSoTimeout((int) (4 * READ_TIMEOUT_MS));
      Answer r = parse(readAll(s.getInputStream()));
      assertRefused(r, 408, "REQUEST_TIMEOUT");
    }
  }

  @Test
  void stalledHeadersAfterAnAnswerOnAKeptConnectionGetA408() throws IOException {
    try (Socket s = socket()) {
      write(s, "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(200, readAnswer(s).status());
      probes.set(0);
      write(s, "GET /api/v1/pro");
      s.setSoTimeout((int) (4 * READ_TIMEOUT_MS));
      assertRefused(parse(readAll(s.getInputStream())), 408, "REQUEST_TIMEOUT");
    }
  }

  @Test
  void anIdleConnectionIsClosedWithoutAnAnswer() throws IOException {
    try (Socket fresh = socket(); Socket kept = socket()) {
      write(kept, "GET /api/v1/probe HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(200, readAnswer(kept).status());
      fresh.setSoTimeout((int) (4 * READ_TIMEOUT_MS));
      kept.setSoTimeout((int) (4 * READ_TIMEOUT_MS));
      assertEquals(0, readAll(fresh.getInputStream()).length, "nothing was asked, nothing is answered");
      assertEquals(0, readAll(kept.getInputStream()).length, "nothing more was asked, nothing more is answered");
    }
  }

  // --- helpers ---

  record Answer(int status, String headers, String body, String raw) {
    String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** One answer, a 4xx/5xx problem with the edge's headers and Connection: close, then EOF; the hidden request was not served. */
  static void assertRefused(Answer r, int status, String code) {
    assertEquals(status, r.status(), r.raw());
    assertEquals(1, STATUS_LINE.matcher(r.raw()).results().count(), "exactly one answer: " + r.raw());
    assertEquals("application/problem+json", r.header("content-type"), r.raw());
    assertEquals("close", r.header("connection").toLowerCase(Locale.ROOT));
    assertEquals("nosniff", r.header("x-content-type-options"));
    JsonObject problem = new JsonObject(r.body());
    assertEquals(code, problem.getString("code"));
    assertEquals(status, problem.getInteger("status"));
    assertFalse(r.body().contains("Exception"), "no stack trace in the answer");
    assertEquals(0, probes.get(), "the hidden request was not served");
  }

  static Socket socket() throws IOException {
    Socket s = new Socket("127.0.0.1", server.actualPort());
    s.setSoTimeout(10_000);
    return s;
  }

  static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Sends {@code raw} as is and reads until the server closes (the test fails on a timeout: the server must close). */
  static Answer exchange(String raw) {
    try (Socket s = socket()) {
      write(s, raw);
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        all.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server did not close the connection; read: " + all.toString(StandardCharsets.ISO_8859_1));
    } catch (SocketException e) {
      // A reset after the answer: what was read is the answer.
    }
    return all.toByteArray();
  }

  /** Reads one answer with a Content-Length body from a connection that stays open. */
  static Answer readAnswer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed before an answer: " + head);
      }
      head.write(b);
    }
    Answer h = parse(head.toByteArray());
    int length = Integer.parseInt(h.header("content-length"));
    byte[] body = in.readNBytes(length);
    return parse((head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  static Answer parse(byte[] bytes) {
    String raw = new String(bytes, StandardCharsets.UTF_8);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete answer: " + raw);
    }
    String head = raw.substring(0, end);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return new Answer(status, head.substring(head.indexOf("\r\n") + 2), raw.substring(end + 4), raw);
  }
}
