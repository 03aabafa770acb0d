package io.booker.it.gateway;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The gateway validates each request against the OpenAPI document before any service is called:
 * unknown fields, wrong types, malformed UUIDs, dates and HH:MM times, enums, bounds and a missing
 * body are each a 400 {@code INVALID_ARGUMENT} naming the field first, and nothing is written (the
 * data read back is unchanged). Authentication still answers first.
 */
class OpenApiValidationTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();
  static final String V1 = "/api/v1";

  static String venue;
  static String room;
  static JsonObject week;

  @BeforeAll
  static void setUp() {
    venue = api.venue("Validated " + UUID.randomUUID()).getString("id");
    room = api.room(venue, "Main").getString("id");
    api.table(room, "T1", 4);
    week = new JsonObject().put("days", new JsonArray().add(new JsonObject().put("weekday", 1).put("open_time", "12:00").put("close_time", "14:00")));
    assertEquals(200, api.post(V1 + "/venues/" + venue + "/schedule", week).statusCode());
  }

  @Test
  void anUnknownFieldIsRefusedAndNothingIsCreated() {
    long before = total("/venues", "venues");
    String name = "Unknown field " + UUID.randomUUID();
    JsonObject p = assertProblem(api.post(V1 + "/venues", new JsonObject().put("name", name).put("timezone", "UTC").put("colour", "red")),
      400, "INVALID_ARGUMENT", "colour");
    assertEquals("colour: is not a known field", p.getString("detail"));
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T9").put("capacity", 2).put("seats", 2)),
      400, "INVALID_ARGUMENT", "seats");
    assertEquals(before, total("/venues", "venues"));
    assertEquals(1, total("/rooms/" + room + "/tables", "tables"));
  }

  @Test
  void aWrongTypeNamesTheField() {
    assertProblem(api.post(V1 + "/venues/" + venue + "/rooms", new JsonObject().put("name", 42)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T2").put("capacity", "4")),
      400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T2").put("capacity", 4).put("can_merge", "yes")),
      400, "INVALID_ARGUMENT", "can_merge");
    assertEquals(1, total("/venues/" + venue + "/rooms", "rooms"));
    assertEquals(1, total("/rooms/" + room + "/tables", "tables"));
  }

  @Test
  void malformedUuidsDatesAndTimesAreRefused() {
    assertProblem(api.get(V1 + "/venues/not-a-uuid"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.get(V1 + "/rooms/" + room.toUpperCase().replace('-', '_') + "/tables"), 400, "INVALID_ARGUMENT", "room_id");
    assertProblem(api.delete(V1 + "/venues/" + venue + "/special-hours/2030-02-30"), 400, "INVALID_ARGUMENT", "date");
    assertProblem(api.post(V1 + "/venues/" + venue + "/special-hours", new JsonObject().put("date", "24.12.2030").put("is_closed", true)),
      400, "INVALID_ARGUMENT", "date");
    JsonObject slot = new JsonObject().put("date", "2030-06-03").put("start_time", "19:00");
    assertProblem(api.post(V1 + "/availability/check", new JsonObject().put("venue_id", "venue-1").put("slot", slot).put("party_size", 2)),
      400, "INVALID_ARGUMENT", "venue_id");
    assertProblem(api.post(V1 + "/availability/check", new JsonObject().put("venue_id", venue).put("slot", slot.copy().put("start_time", "7pm"))
      .put("party_size", 2)), 400, "INVALID_ARGUMENT", "slot.start_time");
    JsonObject badTime = new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 2).put("open_time", "24:00").put("close_time", "23:00")));
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", badTime), 400, "INVALID_ARGUMENT", "days[0].open_time");
    assertEquals(week.getJsonArray("days").getJsonObject(0).getString("open_time"), schedule().getJsonObject(0).getString("open_time"));
    assertEquals(1, schedule().size(), "the week was not replaced");
    assertEquals(0, api.ok(api.get(V1 + "/venues/" + venue + "/special-hours")).getJsonArray("special_hours").size());
  }

  @Test
  void anEnumValueOutsideTheListIsRefused() {
    String login = Logins.uniqueLogin("enum");
    long before = total("/users", "users");
    assertProblem(api.post(V1 + "/users", new JsonObject().put("login", login).put("password", "a long enough passphrase").put("role", "owner")),
      400, "INVALID_ARGUMENT", "role");
    assertEquals(before, total("/users", "users"));
  }

  @Test
  void boundsAreEnforced() {
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T0").put("capacity", 0)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "T0").put("capacity", 101)), 400, "INVALID_ARGUMENT", "capacity");
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "x".repeat(51)).put("capacity", 2)), 400, "INVALID_ARGUMENT", "name");
    assertProblem(api.get(V1 + "/venues?limit=0"), 400, "INVALID_ARGUMENT", "limit");
    assertProblem(api.get(V1 + "/venues?limit=501"), 400, "INVALID_ARGUMENT", "limit");
    assertProblem(api.get(V1 + "/venues?offset=-1"), 400, "INVALID_ARGUMENT", "offset");
    JsonObject sunday7 = new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 7).put("open_time", "12:00").put("close_time", "14:00")));
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", sunday7), 400, "INVALID_ARGUMENT", "days[0].weekday");
    assertEquals(1, total("/rooms/" + room + "/tables", "tables"));
    assertEquals(1, schedule().size());
  }

  /**
   * A query value is decoded once, as the router reads it, and the problem names the parameter:
   * {@code limit=5%00} used to be reported as "body: is not valid JSON". A field name is shown as
   * sent, not percent-encoded, and a parameter given twice is refused rather than one picked.
   */
  @Test
  void aProblemNamesThePlaceAsTheClientWroteIt() {
    JsonObject p = assertProblem(api.get(V1 + "/venues?limit=5%00"), 400, "INVALID_ARGUMENT", "limit");
    assertEquals("limit: must be of type integer (was string)", p.getString("detail"));
    assertProblem(api.get(V1 + "/venues?limit=%zz"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.get(V1 + "/venues?offset=1e3"), 400, "INVALID_ARGUMENT", "offset");
    assertProblem(api.get(V1 + "/venues?limit=5&limit=6"), 400, "INVALID_ARGUMENT", "limit");
    assertEquals(200, api.get(V1 + "/venues?limit=5").statusCode());
    JsonObject unknown = assertProblem(api.post(V1 + "/venues/" + venue + "/rooms", new JsonObject().put("name", "R").put("a b%/é", 1)),
      400, "INVALID_ARGUMENT", null);
    assertEquals("a b%/é: is not a known field", unknown.getString("detail"));
    JsonObject nested = assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", 1).put("open_time", "12:00").put("close_time", "14:00").put("x y", 1)))), 400, "INVALID_ARGUMENT", null);
    assertEquals("days[0].x y: is not a known field", nested.getString("detail"));
    assertEquals(1, schedule().size());
  }

  @Test
  void aMissingBodyOrRequiredFieldIsRefused() {
    long before = total("/venues", "venues");
    assertProblem(api.request("POST", V1 + "/venues").send().await(), 400, "INVALID_ARGUMENT", "body");
    assertProblem(api.send("POST", V1 + "/venues", "null"), 400, "INVALID_ARGUMENT", "body");
    assertProblem(api.send("POST", V1 + "/venues", "[]"), 400, "INVALID_ARGUMENT", "body");
    assertProblem(api.post(V1 + "/venues", new JsonObject().put("timezone", "UTC")), 400, "INVALID_ARGUMENT", "name");
    // A schedule without "days" would have wiped the week; a day without weekday would be a Sunday.
    assertProblem(api.request("POST", V1 + "/venues/" + venue + "/schedule").send().await(), 400, "INVALID_ARGUMENT", "body");
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject()), 400, "INVALID_ARGUMENT", "days");
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("open_time", "12:00").put("close_time", "14:00")))), 400, "INVALID_ARGUMENT", "days[0].weekday");
    assertEquals(before, total("/venues", "venues"));
    assertEquals(1, schedule().size(), "the week is unchanged");
  }

  @Test
  void aJsonMediaTypeTheDocumentDoesNotListIs415() {
    long before = total("/venues", "venues");
    HttpResponse<Buffer> r = api.request("POST", V1 + "/venues").putHeader("content-type", "application/vnd.booker+json")
      .sendBuffer(Buffer.buffer(new JsonObject().put("name", "Vendor " + UUID.randomUUID()).encode())).await();
    assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE", null);
    assertEquals(before, total("/venues", "venues"));
  }

  @Test
  void authenticationAnswersBeforeValidation() {
    ApiClient nobody = api.as(null);
    assertProblem(nobody.post(V1 + "/venues", new JsonObject().put("colour", "red")), 401, "UNAUTHENTICATED", null);
    assertProblem(nobody.get(V1 + "/venues/not-a-uuid"), 401, "UNAUTHENTICATED", null);
  }

  private static JsonArray schedule() {
    return api.ok(api.get(V1 + "/venues/" + venue + "/schedule")).getJsonArray("days");
  }

  private static long total(String path, String items) {
    HttpResponse<Buffer> r = api.get(V1 + path + (path.contains("?") ? "&" : "?") + "limit=500");
    JsonObject page = api.ok(r);
    assertNotNull(page.getJsonArray(items), r::bodyAsString);
    return page.getLong("total", (long) page.getJsonArray(items).size());
  }
}
