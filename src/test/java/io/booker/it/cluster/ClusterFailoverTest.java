package io.booker.it.cluster;

import io.booker.it.support.Eventually;
import io.booker.it.support.NodeProcess;
import io.booker.it.support.TestNodes;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A real cluster: separate JVMs started from conf/cluster/{core,gateway,notify}.json, joined over
 * Hazelcast TCP-IP. A REST call to the gateway is served by the venue verticle on the core node over
 * the clustered event bus; when the core node dies calls fail fast with 503, and a new core node
 * takes over once it has joined.
 */
class ClusterFailoverTest {

  static Vertx vertx;
  static WebClient web;

  @BeforeAll
  static void setUp() {
    TestInfra.endpoints();
    vertx = Vertx.vertx();
    // Every call as an admin; the authorisation matrix is AccessMatrixTest's.
    web = WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setIdleTimeout(20))).addHeader("authorization", TestTokens.admin());
  }

  @AfterAll
  static void tearDown() {
    vertx.close().await();
  }

  @Test
  void gatewayReachesCoreOverTheBusAndSurvivesACoreReplacement() throws Exception {
    InfraEndpoints infra = TestInfra.endpoints();
    int hzBase = TestNodes.freeRange(8);
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(hzBase + i);
    }
    Map<String, String> env = infra.toEnv();
    env.put("BOOKER_CLUSTER_NAME", "it-" + UUID.randomUUID());
    env.put("BOOKER_CLUSTER_PORT", Integer.toString(hzBase));
    env.put("BOOKER_CLUSTER_MEMBERS", members.toString());

    int httpPort = TestNodes.freePort();
    Map<String, String> gatewayEnv = new HashMap<>(env);
    gatewayEnv.put("PORT", Integer.toString(httpPort));
    gatewayEnv.put("BOOKER_CONFIG", new JsonObject().put("clients", new JsonObject()
      .put("venue", new JsonObject().put("timeout_ms", 2000))).encode());
    Path logs = Path.of("target", "cluster-it", UUID.randomUUID().toString());

    try (NodeProcess core = NodeProcess.start("core-1", "conf/cluster/core.json", coreEnv(env), logs);
         NodeProcess gateway = NodeProcess.start("gateway-1", "conf/cluster/gateway.json", gatewayEnv, logs);
         NodeProcess notify = NodeProcess.start("notify-1", "conf/cluster/notify.json", opsEnv(env), logs)) {
      String diagnostics = "";
      try {
        awaitStatus(httpPort, "/health/ready", 200, 120_000);
        HttpResponse<Buffer> created = await(120_000, () -> web.post(httpPort, "127.0.0.1", "/api/v1/venues")
          .sendJsonObject(new JsonObject().put("name", "Cluster Bistro").put("timezone", "Europe/Paris")).await(),
          r -> r.statusCode() == 201);
        String id = created.bodyAsJsonObject().getString("id");
        HttpResponse<Buffer> read = web.get(httpPort, "127.0.0.1", "/api/v1/venues/" + id).send().await();
        assertEquals(200, read.statusCode());
        assertEquals("Cluster Bistro", read.bodyAsJsonObject().getString("name"));

        core.kill();
        for (int i = 0; i < 3; i++) {
          long t0 = System.currentTimeMillis();
          HttpResponse<Buffer> down = web.get(httpPort, "127.0.0.1", "/api/v1/venues/" + id).send().await();
          long took = System.currentTimeMillis() - t0;
          assertEquals(503, down.statusCode(), down.bodyAsString());
          assertEquals("application/problem+json", down.getHeader("content-type"));
          assertTrue(down.bodyAsJsonObject().getString("code").matches("UNAVAILABLE|DEADLINE_EXCEEDED"));
          assertTrue(took < 10_000, "a call with no core node fails within its deadline, took " + took + " ms");
        }

        try (NodeProcess core2 = NodeProcess.start("core-2", "conf/cluster/core.json", coreEnv(env), logs)) {
          HttpResponse<Buffer> again = await(120_000, () -> web.get(httpPort, "127.0.0.1", "/api/v1/venues/" + id).send().await(),
            r -> r.statusCode() == 200);
          assertEquals("Cluster Bistro", again.bodyAsJsonObject().getString("name"));
          assertTrue(core2.stop(30), "core-2 shuts down on SIGTERM");
        }
        assertTrue(gateway.stop(30), "the gateway shuts down on SIGTERM");
        assertTrue(notify.stop(30), "the notify node shuts down on SIGTERM");
      } catch (AssertionError | RuntimeException e) {
        diagnostics = core.logTail() + "\n" + gateway.logTail() + "\n" + notify.logTail();
        throw new AssertionError(e.getMessage() + "\n" + diagnostics, e);
      }
    }
  }

  private static Map<String, String> coreEnv(Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    e.put("BOOKER_CONFIG", new JsonObject()
      .put("venue", new JsonObject().put("grpc_port", TestNodes.freePort()))
      .put("booking", new JsonObject().put("grpc_port", TestNodes.freePort()))
      .put("ops", new JsonObject().put("port", TestNodes.freePort())).encode());
    return e;
  }

  private static Map<String, String> opsEnv(Map<String, String> env) {
    Map<String, String> e = new HashMap<>(env);
    e.put("BOOKER_OPS_PORT", Integer.toString(TestNodes.freePort()));
    return e;
  }

  private static void awaitStatus(int port, String path, int status, long timeoutMs) {
    await(timeoutMs, () -> web.get(port, "127.0.0.1", path).send().await(), r -> r.statusCode() == status);
  }

  /** Retries {@code call} until its response matches, failing with the last response after the timeout. */
  private static HttpResponse<Buffer> await(long timeoutMs, java.util.function.Supplier<HttpResponse<Buffer>> call,
                                            Predicate<HttpResponse<Buffer>> done) {
    return Eventually.await("the expected response", java.time.Duration.ofMillis(timeoutMs), call, done,
      r -> r.statusCode() + " " + r.bodyAsString());
  }
}
