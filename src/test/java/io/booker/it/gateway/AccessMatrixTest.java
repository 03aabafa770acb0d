package io.booker.it.gateway;

import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.booker.common.access.Permission.*;
import static io.booker.it.support.Bookings.day;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The authorisation matrix of the REST API: every route, called with every kind of bad token and as
 * every role on its own venue and on another's. Refused calls are answered 401 (no or bad token),
 * 403 (their venue, not their role) or 404 (not their venue: exactly like a missing thing), never
 * with data, and change nothing. Calls that are allowed and only read are made too, and answer 200.
 */
class AccessMatrixTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  /** Where a route finds the venue it acts on: in the request (the gateway checks it) or only behind an id. */
  enum VenueIn { REQUEST, ID, NONE }

  record Route(String method, String path, JsonObject body, Permission permission, VenueIn venueIn) {
    boolean reads() {
      return method.equals("GET") || path.startsWith("/api/v1/availability/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static String venueA;
  static String venueB;
  static String roomA;
  static String tableA;
  static String bookingA;
  static String blockA;
  static String tableA2;
  static String combinationA;
  static String userA;
  static final String DATE = day(30).toString();
  static final String PASSWORD = "a-long-enough-password";
  static List<Route> routes;

  @BeforeAll
  static void fixture() {
    TwoVenues world = TwoVenues.create(admin);
    venueA = world.venueA();
    venueB = world.venueB();
    roomA = world.roomA();
    tableA = world.tableA();
    bookingA = world.bookingA();
    blockA = world.blockA();
    tableA2 = world.tableA2();
    combinationA = world.combinationA();
    assertEquals(200, admin.post("/api/v1/venues/" + venueA + "/special-hours",
      new JsonObject().put("date", DATE).put("is_closed", false).put("open_time", "10:00").put("close_time", "23:00")).statusCode());
    userA = Logins.createUser(admin, Logins.uniqueLogin("host"), PASSWORD, "host", venueA).getString("id");
    routes = routes();
  }

  static List<Route> routes() {
    JsonObject slot = new JsonObject().put("date", day(21).toString()).put("start_time", "12:00").put("duration_minutes", 90);
    JsonObject tableRef = new JsonObject().put("venue_id", venueA).put("room_id", roomA).put("table_id", tableA);
    JsonArray week = new JsonArray().add(new JsonObject().put("weekday", 1).put("open_time", "09:00").put("close_time", "10:00"));
    List<Route> r = new ArrayList<>();
    r.add(new Route("POST", "/api/v1/venues", new JsonObject().put("name", "Mine").put("timezone", "Europe/Paris"), MANAGE_VENUES, VenueIn.NONE));
    r.add(new Route("GET", "/api/v1/venues/" + venueA, null, READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("PUT", "/api/v1/venues/" + venueA, new JsonObject().put("name", "Taken over").put("timezone", "Asia/Tokyo"), EDIT_STRUCTURE, VenueIn.REQUEST));
    r.add(new Route("DELETE", "/api/v1/venues/" + venueA, null, MANAGE_VENUES, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/venues/" + venueA + "/rooms", null, READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/venues/" + venueA + "/rooms", new JsonObject().put("name", "Annex"), EDIT_STRUCTURE, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/venues/" + venueA + "/tables", null, READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/rooms/" + roomA, null, READ_VENUE, VenueIn.ID));
    r.add(new Route("PUT", "/api/v1/rooms/" + roomA, new JsonObject().put("name", "Renamed"), EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("DELETE", "/api/v1/rooms/" + roomA, null, EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/rooms/" + roomA + "/tables", null, READ_VENUE, VenueIn.ID));
    r.add(new Route("POST", "/api/v1/rooms/" + roomA + "/tables", new JsonObject().put("name", "X9").put("capacity", 2), EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/rooms/" + roomA + "/layout", null, READ_VENUE, VenueIn.ID));
    JsonObject combination = new JsonObject().put("table_ids", new JsonArray().add(tableA2).add(tableA))
      .put("min_party_size", 6).put("max_party_size", 8);
    r.add(new Route("GET", "/api/v1/rooms/" + roomA + "/combinations", null, READ_VENUE, VenueIn.ID));
    r.add(new Route("POST", "/api/v1/rooms/" + roomA + "/combinations", combination, EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("PUT", "/api/v1/combinations/" + combinationA, combination, EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("DELETE", "/api/v1/combinations/" + combinationA, null, EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/tables/" + tableA, null, READ_VENUE, VenueIn.ID));
    r.add(new Route("PUT", "/api/v1/tables/" + tableA, new JsonObject().put("name", "A1").put("capacity", 12), EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("DELETE", "/api/v1/tables/" + tableA, null, EDIT_STRUCTURE, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/venues/" + venueA + "/schedule", null, READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/venues/" + venueA + "/schedule", new JsonObject().put("days", week), EDIT_SCHEDULE, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/venues/" + venueA + "/special-hours", null, READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/venues/" + venueA + "/special-hours", new JsonObject().put("date", day(40).toString()).put("is_closed", true),
      EDIT_SCHEDULE, VenueIn.REQUEST));
    r.add(new Route("DELETE", "/api/v1/venues/" + venueA + "/special-hours/" + DATE, null, EDIT_SCHEDULE, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/availability/check", new JsonObject().put("venue_id", venueA).put("slot", slot).put("party_size", 2),
      READ_VENUE, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/availability/tables", new JsonObject().put("venue_id", venueA).put("table_ids", new JsonArray().add(tableA))
      .put("slot", slot), READ_BOOKINGS, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/bookings?venue_id=" + venueA, null, READ_BOOKINGS, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/bookings", new JsonObject().put("venue_id", venueA).put("table", tableRef).put("slot", slot)
      .put("party_size", 2).put("customer_name", "Intruder").put("customer_phone", "+81 3 0000 0000"), WRITE_BOOKINGS, VenueIn.REQUEST));
    r.add(new Route("GET", "/api/v1/bookings/" + bookingA, null, READ_BOOKINGS, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/bookings/" + bookingA + "/history", null, READ_BOOKINGS, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/bookings/" + bookingA + "/notifications", null, READ_BOOKINGS, VenueIn.ID));
    for (String action : List.of("confirm", "cancel", "seat", "finish", "no-show")) {
      r.add(new Route("POST", "/api/v1/bookings/" + bookingA + "/" + action, new JsonObject(), WRITE_BOOKINGS, VenueIn.ID));
    }
    r.add(new Route("POST", "/api/v1/bookings/" + bookingA + "/reschedule", new JsonObject().put("slot", slot), WRITE_BOOKINGS, VenueIn.ID));
    r.add(new Route("GET", "/api/v1/venues/" + venueA + "/blocks", null, READ_BOOKINGS, VenueIn.REQUEST));
    r.add(new Route("POST", "/api/v1/venues/" + venueA + "/blocks", new JsonObject().put("table_ids", new JsonArray().add(tableA))
      .put("date", day(22).toString()).put("start_time", "10:00").put("end_time", "12:00").put("reason", "intruder"), EDIT_SCHEDULE, VenueIn.REQUEST));
    r.add(new Route("DELETE", "/api/v1/blocks/" + blockA, null, EDIT_SCHEDULE, VenueIn.ID));
    JsonObject newUser = new JsonObject().put("login", "intruder").put("password", PASSWORD).put("role", "admin");
    r.add(new Route("POST", "/api/v1/auth/register", newUser, MANAGE_USERS, VenueIn.NONE));
    r.add(new Route("POST", "/api/v1/users", newUser, MANAGE_USERS, VenueIn.NONE));
    r.add(new Route("GET", "/api/v1/users", null, MANAGE_USERS, VenueIn.NONE));
    r.add(new Route("GET", "/api/v1/users/" + userA, null, MANAGE_USERS, VenueIn.NONE));
    r.add(new Route("PUT", "/api/v1/users/" + userA, new JsonObject().put("role", "admin"), MANAGE_USERS, VenueIn.NONE));
    r.add(new Route("POST", "/api/v1/users/" + userA + "/password", new JsonObject().put("password", "another-long-password"),
      MANAGE_USERS, VenueIn.NONE));
    // Any signed-in user (minted test callers have no account, so these are only in the bad-token sweep).
    r.add(new Route("GET", "/api/v1/auth/me", null, null, VenueIn.NONE));
    r.add(new Route("POST", "/api/v1/auth/password", new JsonObject().put("current_password", PASSWORD)
      .put("new_password", "another-long-password"), null, VenueIn.NONE));
    return r;
  }

  @Test
  void everyBadTokenIsRefusedOnEveryRouteAndNothingChanges() {
    JsonObject before = snapshot();
    Map<String, String> bad = TestTokens.refusedAuthorizations();
    bad.forEach((kind, authorization) -> {
      for (Route route : routes) {
        HttpResponse<Buffer> r = call(admin.as(authorization), route);
        ApiClient.assertProblem(r, 401, "UNAUTHENTICATED", null);
        assertNotNull(r.getHeader("WWW-Authenticate"), () -> kind + " " + route);
        assertFalse(r.bodyAsString().contains(venueA), () -> kind + " " + route + " leaked: " + r.bodyAsString());
      }
    });
    assertEquals(before, snapshot(), "a refused call changed something");
  }

  @Test
  void eachRoleOnItsOwnVenueAndAnotherGetsExactlyWhatItMay() {
    JsonObject before = snapshot();
    Map<String, Caller> callers = new LinkedHashMap<>();
    callers.put("manager of A", user(Role.MANAGER, venueA));
    callers.put("host of A", user(Role.HOST, venueA));
    callers.put("manager of B", user(Role.MANAGER, venueB));
    callers.put("host of B", user(Role.HOST, venueB));
    callers.put("host of nothing", user(Role.HOST));
    int refused = 0;
    int read = 0;
    for (var entry : callers.entrySet()) {
      Caller caller = entry.getValue();
      ApiClient api = admin.as(TestTokens.bearer(caller));
      for (Route route : routes) {
        if (route.permission() == null) {
          continue;
        }
        int expected = expected(caller, route);
        if (expected == 200 && !route.reads()) {
          continue; // allowed changes are the business of the feature suites; here the fixture must stay as it is
        }
        HttpResponse<Buffer> r = call(api, route);
        String what = entry.getKey() + ": " + route;
        if (expected == 200) {
          assertEquals(200, r.statusCode(), () -> what + " -> " + r.bodyAsString());
          read++;
        } else {
          ApiClient.assertProblem(r, expected, expected == 404 ? "NOT_FOUND" : "PERMISSION_DENIED", null);
          assertFalse(r.bodyAsString().contains("\"name\""), () -> what + " leaked: " + r.bodyAsString());
          refused++;
        }
      }
    }
    assertTrue(refused > 60 && read > 20, "refused " + refused + ", read " + read);
    assertEquals(before, snapshot(), "a refused call changed something");
  }

  @Test
  void aDisabledUsersTokenAndARefreshTokenOpenNoRoute() {
    String login = Logins.uniqueLogin("manager");
    String id = Logins.createUser(admin, login, PASSWORD, "manager", venueA).getString("id");
    JsonObject tokens = Logins.login(admin, login, PASSWORD);
    ApiClient manager = Logins.as(admin, tokens);
    assertEquals(200, manager.get("/api/v1/venues/" + venueA).statusCode(), "the token works before");
    ApiClient refreshAsAccess = admin.as("Bearer " + tokens.getString("refresh_token"));
    assertEquals(200, admin.put("/api/v1/users/" + id, new JsonObject().put("disabled", true)).statusCode());
    JsonObject before = snapshot();
    for (Route route : routes) {
      ApiClient.assertProblem(call(manager, route), 401, "UNAUTHENTICATED", null);
      ApiClient.assertProblem(call(refreshAsAccess, route), 401, "UNAUTHENTICATED", null);
    }
    assertEquals(401, Logins.refresh(admin, tokens.getString("refresh_token")).statusCode(), "nor can it refresh");
    assertEquals(before, snapshot(), "a refused call changed something");
  }

  @Test
  void listsShowOnlyTheCallersVenues() {
    ApiClient hostOfB = admin.as(TestTokens.bearer(user(Role.HOST, venueB)));
    JsonObject mine = hostOfB.ok(hostOfB.get("/api/v1/venues?limit=200"));
    List<String> ids = mine.getJsonArray("venues").stream().map(v -> ((JsonObject) v).getString("id")).toList();
    assertEquals(List.of(venueB), ids);
    assertEquals(1, mine.getInteger("total"));

    ApiClient nobody = admin.as(TestTokens.bearer(user(Role.MANAGER)));
    JsonObject none = nobody.ok(nobody.get("/api/v1/venues"));
    assertEquals(0, none.getJsonArray("venues").size());
    assertEquals(0, none.getInteger("total"));

    JsonObject all = admin.ok(admin.get("/api/v1/venues?limit=200"));
    assertTrue(all.getInteger("total") >= 2);
  }

  /** What the caller must get: 200 when allowed, else 404 (venue not theirs) or 403 (role). */
  static int expected(Caller caller, Route route) {
    boolean sees = caller.sees(venueA);
    boolean may = caller.may(route.permission());
    switch (route.venueIn()) {
      case REQUEST:
        return !sees ? 404 : may ? 200 : 403;
      case ID:
        // The gateway knows only the role; the service finds the venue behind the id.
        return !may ? 403 : sees ? 200 : 404;
      default:
        return may ? 200 : 403;
    }
  }

  static Caller user(Role role, String... venues) {
    return new Caller(UUID.randomUUID().toString(), role, Set.of(venues));
  }

  static HttpResponse<Buffer> call(ApiClient api, Route route) {
    var request = api.request(route.method(), route.path());
    return (route.body() == null ? request.send() : request.sendJsonObject(route.body())).await();
  }

  /** Everything of venue A an admin can read (and the number of venues), to compare before and after. */
  static JsonObject snapshot() {
    JsonObject s = new JsonObject();
    for (String path : List.of("/venues/" + venueA, "/venues/" + venueA + "/rooms", "/venues/" + venueA + "/tables",
      "/venues/" + venueA + "/schedule", "/venues/" + venueA + "/special-hours", "/bookings?venue_id=" + venueA,
      "/bookings/" + bookingA + "/history", "/venues/" + venueA + "/blocks", "/rooms/" + roomA + "/combinations", "/users/" + userA)) {
      HttpResponse<Buffer> r = admin.get("/api/v1" + path);
      assertEquals(200, r.statusCode(), () -> path + ": " + r.bodyAsString());
      s.put(path, r.bodyAsJsonObject());
    }
    s.put("venues", admin.ok(admin.get("/api/v1/venues")).getInteger("total"));
    s.put("users", admin.ok(admin.get("/api/v1/users")).getInteger("total"));
    return s;
  }
}
