package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.NodeHarness;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.testinfra.TestInfra;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Structure with a dependency gone: a node without the booking service (deletes must fail, never
 * delete blindly) and on its own Redis, which the last test stops (layouts come from the database).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StructureDegradedTest {

  static final String V1 = "/api/v1";

  static EmbeddedRedisServer ownRedis;
  static NodeHarness harness;
  static ApiClient api;

  @BeforeAll
  static void start() {
    TestInfra.endpoints();
    ownRedis = EmbeddedRedisServer.start(0, null, true);
    harness = NodeHarness.allInOne("eventbus", new JsonObject()
      .put("infra", new JsonObject().put("redis", new JsonObject().put("host", ownRedis.host()).put("port", ownRedis.port())))
      .put("verticles", new JsonArray().add(new JsonObject().put("name", "venue")).add(new JsonObject().put("name", "gateway"))));
    harness.start();
    api = harness.api();
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
    if (ownRedis != null) {
      ownRedis.close();
    }
  }

  @Test
  @Order(1)
  void deletesFailWhenTheBookingServiceCannotAnswer() {
    String venue = api.venue(unique("No bookings service")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String table = api.table(room, "T1", 2).getString("id");

    assertProblem(api.delete(V1 + "/tables/" + table), 503, "UNAVAILABLE", null);
    assertProblem(api.delete(V1 + "/rooms/" + room), 503, "UNAVAILABLE", null);
    assertProblem(api.delete(V1 + "/venues/" + venue), 503, "UNAVAILABLE", null);
    api.ok(api.get(V1 + "/tables/" + table));
    api.ok(api.get(V1 + "/rooms/" + room));
    api.ok(api.get(V1 + "/venues/" + venue));

    // A room without tables has nothing that could be booked: no question to ask.
    String empty = api.room(venue, "Empty").getString("id");
    assertEquals(204, api.delete(V1 + "/rooms/" + empty).statusCode());
  }

  @Test
  @Order(2)
  void layoutsComeFromTheDatabaseWhenRedisIsDown() {
    String venue = api.venue(unique("No Redis")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String t1 = api.table(room, "T1", 2).getString("id");
    assertEquals(List.of(t1), StructureRestTest.ids(api.ok(api.get(V1 + "/rooms/" + room + "/layout")).getJsonArray("tables")));

    ownRedis.close();

    assertEquals(List.of(t1), StructureRestTest.ids(api.ok(api.get(V1 + "/rooms/" + room + "/layout")).getJsonArray("tables")));
    String t2 = api.table(room, "T2", 4).getString("id");
    api.ok(api.put(V1 + "/tables/" + t1, new JsonObject().put("name", "T1b").put("capacity", 3)));
    JsonObject layout = api.ok(api.get(V1 + "/rooms/" + room + "/layout?venue_id=" + venue));
    assertEquals(List.of(t1, t2), StructureRestTest.ids(layout.getJsonArray("tables")));
    assertEquals("T1b", layout.getJsonArray("tables").getJsonObject(0).getString("name"));
  }
}
