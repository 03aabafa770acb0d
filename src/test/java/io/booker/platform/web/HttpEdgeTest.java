package io.booker.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.rpc.CallContext;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The edge's handlers on a router of their own (no node): how an unexpected failure is answered
 * and logged, and the deadline a request gives the service calls made for it.
 */
class HttpEdgeTest {

  static final long REQUEST_TIMEOUT_MS = 1234;

  static Vertx vertx;
  static HttpServer server;
  static WebClient web;
  static final List<ILoggingEvent> errors = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
        errors.add(e);
      }
    }
  };

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    HttpEdgeSettings edge = HttpEdgeSettings.from(new JsonObject().put("request_timeout_ms", REQUEST_TIMEOUT_MS));
    Router router = Router.router(vertx);
    HttpEdge.front(router, edge);
    Router api = Router.router(vertx);
    HttpEdge.apiBodies(api, edge);
    api.get("/boom").handler(ctx -> {
      throw new IllegalStateException("secret internals");
    });
    api.get("/conflict").handler(ctx -> ctx.fail(new ServiceException(ErrorCode.ALREADY_EXISTS, "taken")));
    api.get("/deadline").handler(ctx -> ctx.response().end(Long.toString(CallContext.deadline() - System.currentTimeMillis())));
    router.route("/api/*").subRouter(api);
    EdgeErrors.install(router, new AllowedMethods().add("/api", api), edge.maxBodyBytes());
    server = HttpEdge.server(vertx, edge, router).listen(0, "127.0.0.1").await();
    web = WebClient.create(vertx);
    capture.start();
    root().addAppender(capture);
  }

  @AfterAll
  static void tearDown() {
    root().detachAppender(capture);
    vertx.close().await();
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void anUnexpectedFailureIsA500WhoseCorrelationIdIsInTheLogLine() {
    errors.clear();
    HttpResponse<Buffer> r = web.get(server.actualPort(), "127.0.0.1", "/api/boom").send().await();
    assertEquals(500, r.statusCode());
    assertEquals("application/problem+json", r.getHeader("content-type"));
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("INTERNAL", body.getString("code"));
    String id = body.getString("correlation_id");
    assertNotNull(id);
    assertTrue(body.getString("detail").contains(id));
    assertFalse(r.bodyAsString().contains("IllegalStateException") || r.bodyAsString().contains("secret internals")
      || r.bodyAsString().contains("at io."), "no stack trace nor internals in the answer");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).getFormattedMessage().contains("correlation_id=" + id), errors.get(0).getFormattedMessage());
    assertNotNull(errors.get(0).getThrowableProxy(), "the log line has the stack trace");
  }

  @Test
  void aServiceRefusalKeepsItsCodeAndIsNotAnError() {
    errors.clear();
    HttpResponse<Buffer> r = web.get(server.actualPort(), "127.0.0.1", "/api/conflict").send().await();
    assertEquals(409, r.statusCode());
    assertEquals("ALREADY_EXISTS", r.bodyAsJsonObject().getString("code"));
    assertEquals(List.of(), errors);
  }

  @Test
  void aRequestGivesItsServiceCallsTheConfiguredDeadline() {
    HttpResponse<Buffer> r = web.get(server.actualPort(), "127.0.0.1", "/api/deadline").send().await();
    assertEquals(200, r.statusCode());
    long left = Long.parseLong(r.bodyAsString());
    assertTrue(left > 0 && left <= REQUEST_TIMEOUT_MS, "time left: " + left);
  }
}
