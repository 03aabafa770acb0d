package io.booker.platform.health;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.*;

/** The ops server (nodes without a gateway) has the same edge: headers, HEAD, problems with Allow. */
class OpsEdgeTest {

  static Vertx vertx;
  static WebClient web;
  static int port;

  @BeforeAll
  static void setUp() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    vertx = Vertx.vertx();
    // No verticles that use infrastructure: readiness has nothing to check, nothing to start.
    JsonObject config = new JsonObject().put("ops", new JsonObject().put("port", port).put("host", "127.0.0.1"));
    vertx.deployVerticle(new OpsVerticle(), new DeploymentOptions().setConfig(config)).await();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void liveAnswersWithSecurityHeadersAndToHead() {
    HttpResponse<Buffer> live = web.get(port, "127.0.0.1", "/health/live").send().await();
    assertEquals(200, live.statusCode());
    assertEquals("nosniff", live.getHeader("X-Content-Type-Options"));
    assertNotNull(live.getHeader("Content-Security-Policy"));
    assertEquals(200, web.head(port, "127.0.0.1", "/health/live").send().await().statusCode());
  }

  @Test
  void mistakesAreProblems() {
    HttpResponse<Buffer> post = web.post(port, "127.0.0.1", "/health/live").send().await();
    assertEquals(405, post.statusCode());
    assertEquals("application/problem+json", post.getHeader("content-type"));
    assertEquals("GET, HEAD", post.getHeader("Allow"));
    HttpResponse<Buffer> none = web.get(port, "127.0.0.1", "/nothing").send().await();
    assertEquals(404, none.statusCode());
    assertEquals("NOT_FOUND", none.bodyAsJsonObject().getString("code"));
  }
}
