package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.NodeHarness;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A table's place on its room's floor plan over REST: created, moved, cleared by a full update that
 * leaves it out (or sends null), shown by the room's cached layout at once after each change, and
 * refused naming the field (position.x ...) when out of bounds.
 */
class TablePositionTest {

  static final String V1 = "/api/v1";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  static JsonObject position(int x, int y, int width, int height, int rotation, String shape) {
    return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height).put("rotation", rotation).put("shape", shape);
  }

  @Test
  void positionIsCreatedMovedAndClearedAndTheLayoutFollows() {
    String venue = api.venue(unique("Floor")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String layoutPath = V1 + "/rooms/" + room + "/layout";
    JsonObject round = position(120, 340, 80, 80, 0, "round");

    JsonObject created = api.created(V1 + "/rooms/" + room + "/tables",
      new JsonObject().put("name", "T1").put("capacity", 4).put("position", round));
    assertEquals(round, created.getJsonObject("position"));
    String id = created.getString("id");
    assertEquals(created, api.ok(api.get(V1 + "/tables/" + id)));
    JsonObject unplaced = api.created(V1 + "/rooms/" + room + "/tables",
      new JsonObject().put("name", "T2").put("capacity", 2).putNull("position"));
    assertNull(unplaced.getValue("position"), "null is not placed");

    // Read twice: the second answer comes from the cache, which the next update must invalidate.
    assertEquals(List.of(created, unplaced), tables(api.ok(api.get(layoutPath))));
    assertEquals(List.of(created, unplaced), tables(api.ok(api.get(layoutPath))));

    // Without rotation (left out: 0); the edges of every bound are accepted.
    JsonObject dragged = new JsonObject().put("x", 1000).put("y", 0).put("width", 10).put("height", 1000).put("shape", "rectangle");
    JsonObject moved = api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "T1").put("capacity", 4).put("position", dragged)));
    assertEquals(dragged.copy().put("rotation", 0), moved.getJsonObject("position"));
    assertEquals(moved, api.ok(api.get(V1 + "/tables/" + id)));
    assertEquals(List.of(moved, unplaced), tables(api.ok(api.get(layoutPath))), "the layout shows the move at once");

    JsonObject turned = api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "T1").put("capacity", 4)
      .put("position", position(500, 500, 120, 60, 359, "square"))));
    assertEquals(359, turned.getJsonObject("position").getInteger("rotation"));
    assertEquals(List.of(turned, unplaced), tables(api.ok(api.get(layoutPath))));

    JsonObject nulled = api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "T1").put("capacity", 4).putNull("position")));
    assertNull(nulled.getValue("position"));
    assertEquals(List.of(nulled, unplaced), tables(api.ok(api.get(layoutPath))), "the layout shows the clearing at once");

    api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "T1").put("capacity", 4).put("position", round)));
    JsonObject leftOut = api.ok(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "T1").put("capacity", 4)));
    assertNull(leftOut.getValue("position"), "a full update clears a position the body leaves out");
    assertEquals(leftOut, api.ok(api.get(V1 + "/tables/" + id)));
    assertEquals(List.of(leftOut, unplaced), tables(api.ok(api.get(layoutPath))));
    assertEquals(List.of(leftOut, unplaced), tables(api.ok(api.get(V1 + "/rooms/" + room + "/tables"))));
  }

  @Test
  void invalidPositionsAreRefusedNamingTheField() {
    String venue = api.venue(unique("Bad floor")).getString("id");
    String room = api.room(venue, "Main").getString("id");
    String tables = V1 + "/rooms/" + room + "/tables";
    JsonObject ok = position(10, 10, 50, 50, 0, "round");
    Object[][] bad = {
      {"position.x", ok.copy().put("x", 1001)},
      {"position.x", ok.copy().put("x", -1)},
      {"position.x", ok.copy().put("x", "10")},
      {"position.x", ok.copy().put("x", 1.5)},
      {"position.y", ok.copy().put("y", -1)},
      {"position.width", ok.copy().put("width", 9)},
      {"position.height", ok.copy().put("height", 1001)},
      {"position.rotation", ok.copy().put("rotation", 360)},
      {"position.rotation", ok.copy().put("rotation", -90)},
      {"position.shape", ok.copy().put("shape", "oval")},
      {"position.shape", ok.copy().put("shape", "Round")},
      {"position.shape", ok.copy().put("shape", 3)},
    };
    for (Object[] c : bad) {
      String field = (String) c[0];
      JsonObject p = (JsonObject) c[1];
      assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2).put("position", p)), 400, "INVALID_ARGUMENT", field);
    }
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2).put("position", "by the window")),
      400, "INVALID_ARGUMENT", "position");
    JsonObject noShape = ok.copy();
    noShape.remove("shape");
    assertProblem(api.post(tables, new JsonObject().put("name", "X").put("capacity", 2).put("position", noShape)),
      400, "INVALID_ARGUMENT", "position.shape");

    JsonObject table = api.created(tables, new JsonObject().put("name", "Kept").put("capacity", 2).put("position", ok));
    String id = table.getString("id");
    assertProblem(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "Kept").put("capacity", 2)
      .put("position", ok.copy().put("width", 2000))), 400, "INVALID_ARGUMENT", "position.width");
    assertProblem(api.put(V1 + "/tables/" + id, new JsonObject().put("name", "Kept").put("capacity", 2)
      .put("position", ok.copy().put("shape", "triangle"))), 400, "INVALID_ARGUMENT", "position.shape");
    assertEquals(table, api.ok(api.get(V1 + "/tables/" + id)), "a refused update changes nothing");
  }

  static List<JsonObject> tables(JsonObject page) {
    return page.getJsonArray("tables").stream().map(JsonObject.class::cast).toList();
  }
}
