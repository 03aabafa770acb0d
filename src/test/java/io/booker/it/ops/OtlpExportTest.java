package io.booker.it.ops;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Eventually;
import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production path: a node with {@code tracing.enabled} builds its SDK with OpenTelemetry's
 * autoconfiguration and exports its spans over OTLP/HTTP (here to a stand-in collector named by the
 * {@code otel.exporter.otlp.endpoint} system property, as OTEL_EXPORTER_OTLP_ENDPOINT would), under
 * the service name {@code booker-<node name>}; stopping the node flushes what is buffered.
 */
class OtlpExportTest {

  private final Vertx collectorVertx = Vertx.vertx();

  @AfterEach
  void cleanUp() {
    System.clearProperty("otel.exporter.otlp.endpoint");
    System.clearProperty("otel.bsp.schedule.delay");
    collectorVertx.close().await();
  }

  @Test
  void aTracingNodeExportsItsSpansOverOtlpHttp() {
    List<String> posts = new CopyOnWriteArrayList<>();
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer collector = collectorVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      posts.add(req.method() + " " + req.path() + " " + req.getHeader("content-type"));
      bodies.add(body.getBytes());
      req.response().putHeader("content-type", "application/x-protobuf").end();
    })).listen(0, "127.0.0.1").await();
    System.setProperty("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.actualPort());
    System.setProperty("otel.bsp.schedule.delay", "200");

    TestNodes.Started node = TestNodes.allInOne("eventbus", new JsonObject()
      .put("node", new JsonObject().put("name", "otlp-export"))
      .put("tracing", new JsonObject().put("enabled", true))
      .put("verticles", new JsonArray().add(new JsonObject().put("name", "venue")).add(new JsonObject().put("name", "gateway"))));
    Vertx client = Vertx.vertx();
    try {
      ApiClient api = new ApiClient(WebClient.create(client), node.httpPort()).as(TestTokens.admin());
      api.venue("Traced " + System.nanoTime());
      Eventually.await("spans at the collector", Duration.ofSeconds(20), () -> posts.size(), n -> n > 0);
    } finally {
      client.close().await();
      node.close();
    }
    assertEquals("POST /v1/traces application/x-protobuf", posts.get(0));
    // The protobuf export carries the resource's service name and the span names as plain strings.
    String all = bodies.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).reduce("", String::concat);
    assertTrue(all.contains("booker-otlp-export"), "service name in the export");
    assertTrue(all.contains("POST /api/v1/venues"), "the request's span in the export");
    assertTrue(all.contains("venue.VenueService/CreateVenue"), "the service call's span in the export");
  }
}
