package io.booker.it.ops;

import io.booker.app.Node;
import io.booker.it.support.Eventually;
import io.booker.it.support.TestNodes;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.*;

/** Health, readiness, metrics, and the node's refusal to start without its infrastructure. */
class OpsEndpointsTest {

  static Vertx vertx;
  static WebClient web;

  @BeforeAll
  static void setUp() {
    TestInfra.endpoints();
    vertx = Vertx.vertx();
    // Every call as an admin; the authorisation matrix is AccessMatrixTest's.
    web = WebClientSession.create(WebClient.create(vertx)).addHeader("authorization", TestTokens.admin());
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void readinessFollowsTheInfrastructureAndMetricsUseTheOriginalNames() throws Exception {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
    JsonObject ownRedis = new JsonObject().put("infra", new JsonObject()
      .put("redis", new JsonObject().put("host", "127.0.0.1").put("port", redis.port())));
    try (TestNodes.Started node = TestNodes.allInOne("eventbus", ownRedis)) {
      int port = node.httpPort();
      assertEquals(200, get(port, "/health/live").statusCode());

      HttpResponse<Buffer> ready = get(port, "/health/ready");
      assertEquals(200, ready.statusCode(), ready.bodyAsString());
      JsonArray checks = ready.bodyAsJsonObject().getJsonArray("checks");
      for (String dep : new String[]{"postgres", "redis", "kafka"}) {
        assertEquals("UP", check(checks, dep).getString("status"), dep + " in " + checks);
      }

      HttpResponse<Buffer> created = web.post(port, "127.0.0.1", "/api/v1/venues")
        .sendJsonObject(new JsonObject().put("name", "Metrics Diner").put("timezone", "UTC")).await();
      assertEquals(201, created.statusCode());
      String metrics = awaitMetric(port, "kafka_messages_published_total");
      assertTrue(metrics.contains("http_requests_total{method=\"POST\",path=\"/api/v1/venues\",status=\"201\"}"), "http metric by route template");
      assertTrue(metrics.contains("http_request_duration_seconds"));
      assertTrue(metrics.contains("database_queries_total{operation=\"insert_venue\",service=\"venue\"}"));
      assertTrue(metrics.contains("grpc_server_requests_total{method=\"CreateVenue\",service=\"venue\",status=\"OK\"}"));
      assertTrue(metrics.contains("kafka_messages_published_total{service=\"venue\",topic=\"venue.created\"}"));

      redis.close();
      HttpResponse<Buffer> notReady = get(port, "/health/ready");
      assertEquals(503, notReady.statusCode());
      assertEquals("DOWN", check(notReady.bodyAsJsonObject().getJsonArray("checks"), "redis").getString("status"));
      assertEquals("UP", check(notReady.bodyAsJsonObject().getJsonArray("checks"), "postgres").getString("status"));
    } finally {
      redis.close();
    }
  }

  @Test
  void aNodeWhoseDatabaseIsMissingRefusesToStartAndSaysWhy() {
    JsonObject overrides = TestInfra.endpoints().toConfig();
    overrides.getJsonObject("infra").getJsonObject("postgres").put("port", TestNodes.freePort());
    overrides.put("http", new JsonObject().put("port", TestNodes.freePort()))
      .put("venue", new JsonObject().put("grpc_port", -1))
      .put("booking", new JsonObject().put("grpc_port", -1))
      .put("startup", new JsonObject().put("dependency_timeout_ms", 1500));
    CompletionException e = assertThrows(CompletionException.class,
      () -> Node.start("conf/all-in-one.json", overrides).toCompletionStage().toCompletableFuture().join());
    assertTrue(e.getCause().getMessage().contains("postgres"), e.getCause().getMessage());
  }

  private static JsonObject check(JsonArray checks, String id) {
    for (int i = 0; i < checks.size(); i++) {
      if (id.equals(checks.getJsonObject(i).getString("id"))) {
        return checks.getJsonObject(i);
      }
    }
    return fail("no check " + id + " in " + checks);
  }

  private static HttpResponse<Buffer> get(int port, String path) {
    return web.get(port, "127.0.0.1", path).send().await();
  }

  private static String awaitMetric(int port, String name) {
    return Eventually.await(name + " in /metrics", java.time.Duration.ofSeconds(20),
      () -> get(port, "/metrics").bodyAsString(), body -> body.contains(name));
  }
}
