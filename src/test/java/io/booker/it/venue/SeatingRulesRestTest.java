package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.NodeHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/** A venue's seating rules through REST: stored in PostgreSQL, read back as written, replaced whole, validated whole. */
class SeatingRulesRestTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** The example, with a row for every larger party. */
  static JsonObject dinner() {
    return new JsonObject()
      .put("turn_times", new JsonArray()
        .add(new JsonObject().put("max_party_size", 2).put("minutes", 90))
        .add(new JsonObject().put("max_party_size", 4).put("minutes", 120))
        .add(new JsonObject().put("minutes", 180)))
      .put("periods", new JsonArray().add(new JsonObject().put("name", "Dinner").put("weekdays", new JsonArray("[0,1,2,3,4,5,6]"))
        .put("start_time", "18:00").put("end_time", "23:00").put("last_seating", "21:30").put("slot_interval_minutes", 15)
        .put("pacing", new JsonObject().put("interval_minutes", 15).put("max_parties", 6).put("max_covers", 24))))
      .put("booking_window", new JsonObject().put("max_days_ahead", 90).put("min_notice_minutes", 0));
  }

  @Test
  void aVenueWithoutRulesAnswersAnEmptyDocument() {
    String venue = venue("Europe/Paris");
    JsonObject none = api.ok(api.get("/api/v1/venues/" + venue + "/seating"));
    assertEquals(new JsonObject().put("turn_times", new JsonArray()).put("periods", new JsonArray()).putNull("booking_window")
      .put("updated_at", 0), none);
  }

  @Test
  void rulesAreStoredAndReadBackAsWritten() {
    String venue = venue("Europe/Paris");
    long before = System.currentTimeMillis() / 1000;
    JsonObject written = api.ok(api.put("/api/v1/venues/" + venue + "/seating", dinner()));
    assertTrue(written.getLong("updated_at") >= before - 1, written.encode());
    JsonObject read = api.ok(api.get("/api/v1/venues/" + venue + "/seating"));
    assertEquals(written, read);

    JsonArray turns = read.getJsonArray("turn_times");
    assertEquals(new JsonObject().put("max_party_size", 2).put("minutes", 90).put("weekdays", new JsonArray()).put("period", ""), turns.getJsonObject(0));
    assertNull(turns.getJsonObject(2).getValue("max_party_size"), "the last row seats every larger party");
    assertTrue(turns.getJsonObject(2).containsKey("max_party_size"));
    JsonObject period = read.getJsonArray("periods").getJsonObject(0);
    assertEquals("21:30", period.getString("last_seating"));
    assertEquals(new JsonObject().put("interval_minutes", 15).put("max_parties", 6).put("max_covers", 24), period.getJsonObject("pacing"));
    assertEquals(new JsonObject().put("max_days_ahead", 90).put("min_notice_minutes", 0), read.getJsonObject("booking_window"));
  }

  @Test
  void aPutReplacesTheWholeDocumentAndAnEmptyOneRemovesEveryRule() {
    String venue = venue("UTC");
    api.ok(api.put("/api/v1/venues/" + venue + "/seating", dinner()));
    JsonObject onlyTurns = new JsonObject().put("turn_times", new JsonArray().add(new JsonObject().put("minutes", 100)));
    JsonObject replaced = api.ok(api.put("/api/v1/venues/" + venue + "/seating", onlyTurns));
    assertEquals(1, replaced.getJsonArray("turn_times").size());
    assertEquals(new JsonArray(), replaced.getJsonArray("periods"));
    assertNull(replaced.getValue("booking_window"));

    JsonObject cleared = api.ok(api.put("/api/v1/venues/" + venue + "/seating", new JsonObject()));
    assertEquals(new JsonArray(), cleared.getJsonArray("turn_times"));
    assertTrue(cleared.getLong("updated_at") > 0, "a venue whose rules were removed still says when");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "last seating after the end  | {\"periods\":[{\"name\":\"Dinner\",\"weekdays\":[5],\"start_time\":\"18:00\",\"end_time\":\"23:00\",\"last_seating\":\"23:30\"}]} | periods[0].last_seating",
    "periods overlap             | {\"periods\":[{\"name\":\"A\",\"weekdays\":[5],\"start_time\":\"18:00\",\"end_time\":\"02:00\",\"last_seating\":\"22:00\"},{\"name\":\"B\",\"weekdays\":[6],\"start_time\":\"01:00\",\"end_time\":\"04:00\",\"last_seating\":\"03:00\"}]} | periods[1]",
    "turn times not ascending    | {\"turn_times\":[{\"max_party_size\":4,\"minutes\":120},{\"max_party_size\":2,\"minutes\":90}]} | turn_times[1].max_party_size",
    "unknown period named        | {\"turn_times\":[{\"minutes\":120,\"period\":\"Brunch\"}]} | turn_times[0].period",
  })
  void invalidDocumentsAre400NamingTheFieldAndChangeNothing(String name, String body, String field) {
    String venue = venue("UTC");
    JsonObject before = api.ok(api.put("/api/v1/venues/" + venue + "/seating", dinner()));
    assertDetail(field, api.put("/api/v1/venues/" + venue + "/seating", new JsonObject(body)));
    assertEquals(before, api.ok(api.get("/api/v1/venues/" + venue + "/seating")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown field         | {\"turn_time\":[]}",
    "minutes too short     | {\"turn_times\":[{\"minutes\":5}]}",
    "slot interval 7       | {\"periods\":[{\"name\":\"D\",\"weekdays\":[1],\"start_time\":\"18:00\",\"end_time\":\"23:00\",\"last_seating\":\"21:00\",\"slot_interval_minutes\":7}]}",
    "pacing without a cap  | {\"periods\":[{\"name\":\"D\",\"weekdays\":[1],\"start_time\":\"18:00\",\"end_time\":\"23:00\",\"last_seating\":\"21:00\",\"pacing\":{\"interval_minutes\":15}}]}",
    "time out of range     | {\"periods\":[{\"name\":\"D\",\"weekdays\":[1],\"start_time\":\"24:00\",\"end_time\":\"23:00\",\"last_seating\":\"21:00\"}]}",
    "window too far        | {\"booking_window\":{\"max_days_ahead\":1000}}",
  })
  void whatTheContractForbidsIsRefusedAtTheEdge(String name, String body) {
    String venue = venue("UTC");
    HttpResponse<Buffer> r = api.put("/api/v1/venues/" + venue + "/seating", new JsonObject(body));
    ApiClient.assertProblem(r, 400, "INVALID_ARGUMENT", null);
  }

  @Test
  void anUnknownVenueIs404() {
    String unknown = java.util.UUID.randomUUID().toString();
    ApiClient.assertProblem(api.get("/api/v1/venues/" + unknown + "/seating"), 404, "NOT_FOUND", null);
    ApiClient.assertProblem(api.put("/api/v1/venues/" + unknown + "/seating", dinner()), 404, "NOT_FOUND", null);
  }

  static String venue(String zone) {
    return api.created("/api/v1/venues", new JsonObject().put("name", "Bistro " + java.util.UUID.randomUUID()).put("timezone", zone)).getString("id");
  }

  static void assertDetail(String field, HttpResponse<Buffer> r) {
    ApiClient.assertProblem(r, 400, "INVALID_ARGUMENT", field);
  }
}
