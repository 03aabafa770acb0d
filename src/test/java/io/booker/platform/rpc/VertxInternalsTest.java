package io.booker.platform.rpc;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.VertxServiceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Vert.x internal API {@link VertxInternals} relies on, checked on a real Vert.x instance, so that
 * a Vert.x upgrade that changes it fails here, naming the API, rather than as calls that lose their
 * deadline or caller, or leak them into other calls.
 */
class VertxInternalsTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void vertxLoadsTheProviderThatRegistersTheCallContextLocals() {
    boolean found = ServiceLoader.load(VertxServiceProvider.class).stream().anyMatch(p -> p.type() == VertxInternals.class);
    assertTrue(found, "io.vertx.core.spi.VertxServiceProvider (init(io.vertx.core.internal.VertxBootstrap)) no longer finds "
      + "VertxInternals in META-INF/services: CallContext's ContextLocals would be registered too late");
  }

  @Test
  void theEventLoopContextIsNotARequestContext() {
    Context eventLoop = vertx.getOrCreateContext();
    assertFalse(VertxInternals.isDuplicate(eventLoop), "io.vertx.core.internal.ContextInternal#isDuplicate() says an event-loop "
      + "context is a request's: CallContext would put one call's deadline and caller on every later call");
    eventLoop.runOnContext(v -> CallContext.attachDeadline(System.currentTimeMillis() + 60_000));
    assertEquals(0L, vertx.<Long>executeBlocking(() -> 0L).compose(x -> {
      Promise<Long> seen = Promise.promise();
      eventLoop.runOnContext(v -> seen.complete(CallContext.deadline()));
      return seen.future();
    }).await(), "a deadline attached outside a request context stays unseen");
  }

  @Test
  void anEventBusDeliveryRunsOnARequestContextThatCarriesTheCallContext() {
    long deadline = System.currentTimeMillis() + 60_000;
    vertx.eventBus().<String>consumer("vertx-internals-test", msg -> {
      boolean duplicate = VertxInternals.isDuplicate(Vertx.currentContext());
      CallContext.attachDeadline(deadline);
      msg.reply(duplicate + "/" + CallContext.deadline());
    }).completion().await();
    String seen = vertx.eventBus().<String>request("vertx-internals-test", "ping").await().body();
    assertEquals("true/" + deadline, seen, "io.vertx.core.internal.ContextInternal#isDuplicate() or the ContextLocal registered "
      + "through io.vertx.core.internal.VertxBootstrap no longer works on an event-bus delivery: CallContext loses the call's deadline");
  }

  @Test
  void anHttpRequestRunsOnARequestContextAndItsBodyCanBeCutShort() {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      boolean duplicate = VertxInternals.isDuplicate(Vertx.currentContext());
      HttpServerRequest cut;
      try {
        cut = VertxInternals.cutShort(request, chunk -> Math.min(chunk.length(), 3));
      } catch (ClassCastException e) {
        request.response().setStatusCode(500).end("HttpServerRequest is no longer an io.vertx.core.internal.http.HttpServerRequestInternal");
        return;
      }
      Buffer body = Buffer.buffer();
      cut.handler(body::appendBuffer);
      cut.endHandler(v -> request.response().end(duplicate + "/" + body));
    }).listen(0, "127.0.0.1").await();
    HttpClient client = vertx.createHttpClient();
    try {
      String answer = client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/")
        .compose(req -> req.send("hello world").compose(resp -> resp.body()))
        .await().toString();
      assertEquals("true/hel", answer, "io.vertx.core.internal.http.HttpServerRequestWrapper no longer passes a cut-short body "
        + "(or ContextInternal#isDuplicate() no longer recognises an HTTP request's context): GrpcFrameCheck would let refused frames through");
    } finally {
      client.close().await();
      server.close().await();
    }
  }
}
