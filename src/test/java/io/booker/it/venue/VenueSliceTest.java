package io.booker.it.venue;

import io.booker.it.support.KafkaEvents;
import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The thin slice through every layer: REST on the gateway, a service call over the event bus or
 * gRPC, the venue service, PostgreSQL, the outbox row and its relay to Kafka.
 */
class VenueSliceTest {

  static Vertx client;
  static WebClient web;

  @BeforeAll
  static void setUp() {
    TestInfra.endpoints();
    client = Vertx.vertx();
    // Every call as an admin; the authorisation matrix is AccessMatrixTest's.
    web = WebClientSession.create(WebClient.create(client)).addHeader("authorization", TestTokens.admin());
  }

  @AfterAll
  static void tearDown() {
    client.close().await();
  }

  @ParameterizedTest(name = "transport={0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void createdVenueIsReadBackAndItsEventReachesKafka(String transport) {
    try (TestNodes.Started node = TestNodes.allInOne(transport)) {
      String name = "Trattoria " + UUID.randomUUID();
      HttpResponse<Buffer> created = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
        .sendJsonObject(new JsonObject().put("name", name).put("timezone", "Europe/Rome")
          .put("address", "Via Roma 1").put("phone", "+39 06 123").put("email", "ciao@example.com").put("description", "pasta"))
        .await();
      assertEquals(201, created.statusCode(), created.bodyAsString());
      JsonObject venue = created.bodyAsJsonObject();
      String id = venue.getString("id");
      assertEquals(name, venue.getString("name"));
      assertEquals("Europe/Rome", venue.getString("timezone"));
      assertEquals("+39 06 123", venue.getString("phone"));
      assertTrue(venue.getValue("created_at") instanceof Number, "timestamps are integer Unix seconds");

      HttpResponse<Buffer> read = web.get(node.httpPort(), "127.0.0.1", "/api/v1/venues/" + id).send().await();
      assertEquals(200, read.statusCode());
      assertEquals(venue, read.bodyAsJsonObject());

      HttpResponse<Buffer> missing = web.get(node.httpPort(), "127.0.0.1", "/api/v1/venues/" + UUID.randomUUID()).send().await();
      assertEquals(404, missing.statusCode());
      assertEquals("application/problem+json", missing.getHeader("content-type"));
      assertEquals("NOT_FOUND", missing.bodyAsJsonObject().getString("code"));
      assertEquals(missing.bodyAsJsonObject().getString("detail"), missing.bodyAsJsonObject().getString("error"));

      HttpResponse<Buffer> badZone = web.post(node.httpPort(), "127.0.0.1", "/api/v1/venues")
        .sendJsonObject(new JsonObject().put("name", "X").put("timezone", "Mars/Olympus")).await();
      assertEquals(400, badZone.statusCode());
      assertTrue(badZone.bodyAsJsonObject().getString("detail").startsWith("timezone"));

      ConsumerRecord<String, String> event = KafkaEvents.awaitRecord("venue.created", id);
      JsonObject payload = new JsonObject(event.value());
      assertEquals(id, payload.getString("venue_id"));
      assertEquals(name, payload.getJsonObject("venue_created").getString("name"));
      assertEquals(TestTokens.ADMIN_ID, payload.getJsonObject("headers").getString("actor_id"), "the event names who made the change");
      assertEquals("venue.created", new String(event.headers().lastHeader("event_type").value()));
    }
  }
}
