package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.BearerGrpcClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.*;
import io.booker.testinfra.TestTokens;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The venue service enforces its own access rules, whichever way it is called: every REST route
 * and every RPC of venue A, for an admin, a manager and a host of A, and a host and a manager of
 * another venue B. Allowed, 403, or 404 exactly like a missing venue, room or table; a refused call
 * changes nothing (re-read as an admin); lists show only the caller's venues, with their total.
 */
class VenueAccessTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final ApiClient admin = harness.api();

  /** Another venue: the one the "of B" callers may act on. */
  static String venueB;

  @BeforeAll
  static void otherVenue() {
    venueB = admin.venue(unique("Venue B")).getString("id");
  }

  enum Who {
    ADMIN, MANAGER_OF_A, HOST_OF_A, HOST_OF_B, MANAGER_OF_B;

    Caller caller(String a) {
      String user = UUID.randomUUID().toString();
      return switch (this) {
        case ADMIN -> new Caller(TestTokens.ADMIN_ID, Role.ADMIN, Set.of());
        case MANAGER_OF_A -> new Caller(user, Role.MANAGER, Set.of(a));
        case HOST_OF_A -> new Caller(user, Role.HOST, Set.of(a));
        case HOST_OF_B -> new Caller(user, Role.HOST, Set.of(venueB));
        case MANAGER_OF_B -> new Caller(user, Role.MANAGER, Set.of(venueB));
      };
    }
  }

  /** Allowed (2xx / OK), PERMISSION_DENIED (403), or NOT_FOUND (404) with a missing one's message. */
  enum Outcome { ALLOWED, DENIED, MISSING }

  /**
   * Venue A, open around the clock, with rooms A (tables 1, 2 and 5; 1 and 5 a table combination)
   * and "Cellar" (to delete), and special hours on {@code date}.
   */
  record World(String a, String room, String spareRoom, String table, String spareTable, String combinedTable, String combination,
               LocalDate date) {

    static World create() {
      String a = Bookings.venueOpenAllDay(admin);
      String room = admin.room(a, "Hall").getString("id");
      String spareRoom = admin.room(a, "Cellar").getString("id");
      String table = admin.table(room, "T1", 4).getString("id");
      String spareTable = admin.table(room, "T2", 2).getString("id");
      String combinedTable = admin.table(room, "T5", 4).getString("id");
      String combination = admin.created("/api/v1/rooms/" + room + "/combinations", new JsonObject()
        .put("table_ids", new JsonArray().add(table).add(combinedTable)).put("min_party_size", 5).put("max_party_size", 8)).getString("id");
      LocalDate date = Bookings.day(20);
      admin.ok(admin.post("/api/v1/venues/" + a + "/special-hours", new JsonObject().put("date", date.toString()).put("is_closed", true)));
      return new World(a, room, spareRoom, table, spareTable, combinedTable, combination, date);
    }

    Slot slot() {
      return Slot.newBuilder().setDate(Bookings.day(10).toString()).setStartTime("19:00").setDurationMinutes(120).build();
    }

    String venueMissing() {
      return "venue " + a + " not found";
    }
  }

  /**
   * One call on venue A: over REST and over gRPC (null where that transport has no such call),
   * what a missing one answers, and the outcome for each {@link Who}, in order (A allowed,
   * D denied, M missing).
   */
  record Step(String name, String outcomes, Function<World, String> missing,
              BiFunction<ApiClient, World, HttpResponse<Buffer>> rest,
              BiFunction<VenueServiceClient, World, Future<?>> grpc) {

    Outcome outcome(Who who) {
      return switch (outcomes.charAt(who.ordinal())) {
        case 'A' -> Outcome.ALLOWED;
        case 'D' -> Outcome.DENIED;
        case 'M' -> Outcome.MISSING;
        default -> throw new IllegalArgumentException(outcomes);
      };
    }
  }

  static final String READ = "AAAMM";
  static final String EDIT = "AADMM";

  /** Reads first, then writes, the venue's delete last. Columns: admin, manager of A, host of A, host of B, manager of B. */
  static final List<Step> STEPS = List.of(
    new Step("GetVenue", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a()),
      (rpc, w) -> rpc.getVenue(GetVenueRequest.newBuilder().setId(w.a()).build())),
    new Step("ListRooms", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a() + "/rooms"),
      (rpc, w) -> rpc.listRooms(ListRoomsRequest.newBuilder().setVenueId(w.a()).build())),
    new Step("GetRoom", READ, w -> "room " + w.room() + " not found",
      (api, w) -> api.get("/api/v1/rooms/" + w.room()),
      (rpc, w) -> rpc.getRoom(GetRoomRequest.newBuilder().setId(w.room()).build())),
    new Step("ListTables of a room", READ, w -> "room " + w.room() + " not found",
      (api, w) -> api.get("/api/v1/rooms/" + w.room() + "/tables"),
      (rpc, w) -> rpc.listTables(ListTablesRequest.newBuilder().setRoomId(w.room()).build())),
    new Step("ListTables of a venue", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a() + "/tables"),
      (rpc, w) -> rpc.listTables(ListTablesRequest.newBuilder().setVenueId(w.a()).build())),
    new Step("GetTable", READ, w -> "table " + w.table() + " not found",
      (api, w) -> api.get("/api/v1/tables/" + w.table()),
      (rpc, w) -> rpc.getTable(GetTableRequest.newBuilder().setId(w.table()).build())),
    new Step("GetTableLayout", READ, w -> "room " + w.room() + " not found",
      (api, w) -> api.get("/api/v1/rooms/" + w.room() + "/layout"),
      (rpc, w) -> rpc.getTableLayout(GetTableLayoutRequest.newBuilder().setRoomId(w.room()).build())),
    new Step("GetTableLayout with venue_id", READ, w -> "room " + w.room() + " not found",
      (api, w) -> api.get("/api/v1/rooms/" + w.room() + "/layout?venue_id=" + w.a()),
      (rpc, w) -> rpc.getTableLayout(GetTableLayoutRequest.newBuilder().setVenueId(w.a()).setRoomId(w.room()).build())),
    new Step("ListCombinations", READ, w -> "room " + w.room() + " not found",
      (api, w) -> api.get("/api/v1/rooms/" + w.room() + "/combinations"),
      (rpc, w) -> rpc.listCombinations(ListCombinationsRequest.newBuilder().setRoomId(w.room()).build())),
    new Step("GetOpeningHours", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a() + "/schedule"),
      (rpc, w) -> rpc.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(w.a()).build())),
    new Step("ListSpecialHours", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a() + "/special-hours"),
      (rpc, w) -> rpc.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(w.a()).build())),
    new Step("GetSeatingRules", READ, World::venueMissing,
      (api, w) -> api.get("/api/v1/venues/" + w.a() + "/seating"),
      (rpc, w) -> rpc.getSeatingRules(GetSeatingRulesRequest.newBuilder().setVenueId(w.a()).build())),
    new Step("SearchAvailability", READ, World::venueMissing,
      (api, w) -> api.post("/api/v1/availability/search", new JsonObject().put("venue_id", w.a()).put("party_size", 2)
        .put("date", w.slot().getDate()).put("time", "19:00")),
      (rpc, w) -> rpc.searchAvailability(SearchAvailabilityRequest.newBuilder().setVenueId(w.a()).setPartySize(2)
        .setDate(w.slot().getDate()).setTime("19:00").build())),
    new Step("CheckAvailability", READ, World::venueMissing,
      (api, w) -> api.post("/api/v1/availability/check", new JsonObject().put("venue_id", w.a()).put("party_size", 2)
        .put("slot", new JsonObject().put("date", w.slot().getDate()).put("start_time", w.slot().getStartTime()))),
      (rpc, w) -> rpc.checkAvailability(CheckAvailabilityRequest.newBuilder().setVenueId(w.a()).setSlot(w.slot()).setPartySize(2).build())),
    new Step("availability of tables", READ, World::venueMissing,
      (api, w) -> api.post("/api/v1/availability/tables", new JsonObject().put("venue_id", w.a()).put("table_ids", new JsonArray().add(w.table()))
        .put("slot", new JsonObject().put("date", w.slot().getDate()).put("start_time", w.slot().getStartTime()))),
      (rpc, w) -> rpc.checkTables(CheckTablesRequest.newBuilder().setVenueId(w.a()).addTableIds(w.table()).setSlot(w.slot()).build())),
    new Step("ResolveBookingSlot", READ, World::venueMissing,
      null,
      (rpc, w) -> rpc.resolveBookingSlot(ResolveBookingSlotRequest.newBuilder().setVenueId(w.a())
        .setTable(TableRef.newBuilder().setRoomId(w.room()).setTableId(w.table())).setSlot(w.slot()).setPartySize(2).build())),

    new Step("CreateVenue", "ADDDD", w -> null,
      (api, w) -> api.post("/api/v1/venues", new JsonObject().put("name", unique("Created"))),
      (rpc, w) -> rpc.createVenue(CreateVenueRequest.newBuilder().setName(unique("Created")).build())),
    new Step("UpdateVenue", EDIT, World::venueMissing,
      (api, w) -> api.put("/api/v1/venues/" + w.a(), new JsonObject().put("name", "Renamed")),
      (rpc, w) -> rpc.updateVenue(UpdateVenueRequest.newBuilder().setId(w.a()).setName("Renamed").build())),
    new Step("CreateRoom", EDIT, World::venueMissing,
      (api, w) -> api.post("/api/v1/venues/" + w.a() + "/rooms", new JsonObject().put("name", "Terrace")),
      (rpc, w) -> rpc.createRoom(CreateRoomRequest.newBuilder().setVenueId(w.a()).setName("Terrace").build())),
    new Step("UpdateRoom", EDIT, w -> "room " + w.room() + " not found",
      (api, w) -> api.put("/api/v1/rooms/" + w.room(), new JsonObject().put("name", "Great Hall")),
      (rpc, w) -> rpc.updateRoom(UpdateRoomRequest.newBuilder().setId(w.room()).setName("Great Hall").build())),
    new Step("CreateTable", EDIT, w -> "room " + w.room() + " not found",
      (api, w) -> api.post("/api/v1/rooms/" + w.room() + "/tables", new JsonObject().put("name", "T3").put("capacity", 6)),
      (rpc, w) -> rpc.createTable(CreateTableRequest.newBuilder().setRoomId(w.room()).setName("T3").setCapacity(6).build())),
    new Step("UpdateTable", EDIT, w -> "table " + w.table() + " not found",
      (api, w) -> api.put("/api/v1/tables/" + w.table(), new JsonObject().put("name", "T1").put("capacity", 5)),
      (rpc, w) -> rpc.updateTable(UpdateTableRequest.newBuilder().setId(w.table()).setName("T1").setCapacity(5).build())),
    new Step("CreateCombination", EDIT, w -> "room " + w.room() + " not found",
      (api, w) -> api.post("/api/v1/rooms/" + w.room() + "/combinations", new JsonObject()
        .put("table_ids", new JsonArray().add(w.table()).add(w.spareTable())).put("min_party_size", 3).put("max_party_size", 6)),
      (rpc, w) -> rpc.createCombination(CreateCombinationRequest.newBuilder().setRoomId(w.room()).addTableIds(w.table())
        .addTableIds(w.spareTable()).setMinPartySize(3).setMaxPartySize(6).build())),
    new Step("UpdateCombination", EDIT, w -> "combination " + w.combination() + " not found",
      (api, w) -> api.put("/api/v1/combinations/" + w.combination(), new JsonObject()
        .put("table_ids", new JsonArray().add(w.combinedTable()).add(w.table())).put("min_party_size", 6).put("max_party_size", 8)),
      (rpc, w) -> rpc.updateCombination(UpdateCombinationRequest.newBuilder().setId(w.combination()).addTableIds(w.combinedTable())
        .addTableIds(w.table()).setMinPartySize(6).setMaxPartySize(8).build())),
    new Step("DeleteCombination", EDIT, w -> "combination " + w.combination() + " not found",
      (api, w) -> api.delete("/api/v1/combinations/" + w.combination()),
      (rpc, w) -> rpc.deleteCombination(DeleteCombinationRequest.newBuilder().setId(w.combination()).build())),
    new Step("DeleteTable", EDIT, w -> "table " + w.spareTable() + " not found",
      (api, w) -> api.delete("/api/v1/tables/" + w.spareTable()),
      (rpc, w) -> rpc.deleteTable(DeleteTableRequest.newBuilder().setId(w.spareTable()).build())),
    new Step("DeleteRoom", EDIT, w -> "room " + w.spareRoom() + " not found",
      (api, w) -> api.delete("/api/v1/rooms/" + w.spareRoom()),
      (rpc, w) -> rpc.deleteRoom(DeleteRoomRequest.newBuilder().setId(w.spareRoom()).build())),
    new Step("PutSeatingRules", EDIT, World::venueMissing,
      (api, w) -> api.put("/api/v1/venues/" + w.a() + "/seating", new JsonObject().put("turn_times", new JsonArray()
        .add(new JsonObject().put("max_party_size", 4).put("minutes", 90)).add(new JsonObject().put("minutes", 150)))),
      (rpc, w) -> rpc.putSeatingRules(PutSeatingRulesRequest.newBuilder().setVenueId(w.a()).setRules(SeatingRules.newBuilder()
        .addTurnTimes(TurnTime.newBuilder().setMaxPartySize(4).setMinutes(90)).addTurnTimes(TurnTime.newBuilder().setMinutes(150))).build())),
    new Step("SetOpeningHours", EDIT, World::venueMissing,
      (api, w) -> api.post("/api/v1/venues/" + w.a() + "/schedule", new JsonObject().put("days", new JsonArray()
        .add(new JsonObject().put("weekday", 1).put("open_time", "12:00").put("close_time", "22:00")))),
      (rpc, w) -> rpc.setOpeningHours(SetOpeningHoursRequest.newBuilder().setVenueId(w.a())
        .addDays(DayHours.newBuilder().setWeekday(1).setOpenTime("12:00").setCloseTime("22:00")).build())),
    new Step("SetSpecialHours", EDIT, World::venueMissing,
      (api, w) -> api.post("/api/v1/venues/" + w.a() + "/special-hours", new JsonObject().put("date", w.date().plusDays(1).toString())
        .put("is_closed", true)),
      (rpc, w) -> rpc.setSpecialHours(SetSpecialHoursRequest.newBuilder().setVenueId(w.a()).setDate(w.date().plusDays(1).toString())
        .setIsClosed(true).build())),
    new Step("DeleteSpecialHours", EDIT, w -> "special hours of venue " + w.a() + " on " + w.date() + " not found",
      (api, w) -> api.delete("/api/v1/venues/" + w.a() + "/special-hours/" + w.date()),
      (rpc, w) -> rpc.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder().setVenueId(w.a()).setDate(w.date().toString()).build())),
    new Step("DeleteVenue", "ADDMM", World::venueMissing,
      (api, w) -> api.delete("/api/v1/venues/" + w.a()),
      (rpc, w) -> rpc.deleteVenue(DeleteVenueRequest.newBuilder().setId(w.a()).build())));

  @ParameterizedTest(name = "{0} over REST")
  @EnumSource(Who.class)
  void everyRouteOfVenueA(Who who) {
    World w = World.create();
    ApiClient api = admin.as(token(who.caller(w.a())));
    int checked = 0;
    for (Step step : STEPS) {
      if (step.rest() == null) {
        continue;
      }
      Outcome expected = step.outcome(who);
      JsonObject before = expected == Outcome.ALLOWED ? null : snapshot(w);
      HttpResponse<Buffer> r = step.rest().apply(api, w);
      String what = step.name() + " by " + who + ": " + r.statusCode() + " " + r.bodyAsString();
      switch (expected) {
        case ALLOWED -> assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, what);
        case DENIED -> ApiClient.assertProblem(r, 403, "PERMISSION_DENIED", null);
        // The gateway refuses first where it can: a venue named in the path that is not the caller's
        // is "venue <id> not found", and a role that may not change structure is 403 before the
        // service looks the room or table up (AccessMatrixTest holds the exact REST answers).
        case MISSING -> {
          assertTrue(r.statusCode() == 404 || r.statusCode() == 403, what);
          if (r.statusCode() == 404) {
            String detail = ApiClient.assertProblem(r, 404, "NOT_FOUND", null).getString("detail");
            assertTrue(detail.equals(step.missing().apply(w)) || detail.equals("venue " + w.a() + " not found"), what);
          } else {
            ApiClient.assertProblem(r, 403, "PERMISSION_DENIED", null);
          }
        }
      }
      if (before != null) {
        assertEquals(before, snapshot(w), () -> what + ": a refused call changed nothing");
      }
      checked++;
    }
    assertEquals(STEPS.size() - 1, checked);
  }

  @ParameterizedTest(name = "{0} over gRPC")
  @EnumSource(Who.class)
  void everyRpcOnVenueA(Who who) {
    World w = World.create();
    String token = token(who.caller(w.a()));
    VenueServiceClient rpc = RpcClients.grpc(harness.vertx(), VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      harness.venueGrpcAddress(), 5000, () -> token);
    int checked = 0;
    for (Step step : STEPS) {
      if (step.grpc() == null) {
        continue;
      }
      Outcome expected = step.outcome(who);
      JsonObject before = expected == Outcome.ALLOWED ? null : snapshot(w);
      AsyncResult<?> ar = settle(step.grpc().apply(rpc, w));
      String what = step.name() + " by " + who + ": " + (ar.succeeded() ? "OK" : ar.cause());
      if (expected == Outcome.ALLOWED) {
        assertTrue(ar.succeeded(), what);
      } else {
        ServiceException e = assertInstanceOf(ServiceException.class, ar.cause(), what);
        if (expected == Outcome.DENIED) {
          assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), what);
        } else {
          assertEquals(ErrorCode.NOT_FOUND, e.code(), what);
          assertEquals(step.missing().apply(w), e.getMessage(), what);
        }
        assertEquals(before, snapshot(w), () -> what + ": a refused call changed nothing");
      }
      checked++;
    }
    assertEquals(STEPS.size(), checked, "every step has its RPC");
  }

  /** The generated client, as any external gRPC client: statuses, and no token at all. */
  @Test
  void generatedGrpcClientSeesTheSameRules() {
    World w = World.create();
    VenueServiceGrpcClient nobody = generated(() -> null);
    VenueServiceGrpcClient hostOfA = generated(() -> token(Who.HOST_OF_A.caller(w.a())));
    VenueServiceGrpcClient hostOfB = generated(() -> token(Who.HOST_OF_B.caller(w.a())));

    assertEquals(GrpcStatus.UNAUTHENTICATED, status(nobody.getVenue(GetVenueRequest.newBuilder().setId(w.a()).build())));
    assertEquals(GrpcStatus.UNAUTHENTICATED, status(nobody.listVenues(ListVenuesRequest.getDefaultInstance())));
    assertEquals(GrpcStatus.UNAUTHENTICATED, status(nobody.deleteVenue(DeleteVenueRequest.newBuilder().setId(w.a()).build())));
    assertEquals(GrpcStatus.UNAUTHENTICATED, status(generated(() -> "Bearer not-a-token").getVenue(GetVenueRequest.newBuilder().setId(w.a()).build())));

    assertEquals(w.a(), hostOfA.getVenue(GetVenueRequest.newBuilder().setId(w.a()).build()).await().getId());
    assertEquals(GrpcStatus.PERMISSION_DENIED, status(hostOfA.updateVenue(UpdateVenueRequest.newBuilder().setId(w.a()).setName("X").build())));
    assertEquals(GrpcStatus.PERMISSION_DENIED, status(hostOfA.updateTable(UpdateTableRequest.newBuilder().setId(w.table()).setName("X").setCapacity(2).build())));
    assertEquals(GrpcStatus.NOT_FOUND, status(hostOfB.getVenue(GetVenueRequest.newBuilder().setId(w.a()).build())));
    assertEquals(GrpcStatus.NOT_FOUND, status(hostOfB.getTable(GetTableRequest.newBuilder().setId(w.table()).build())));
    assertEquals(GrpcStatus.NOT_FOUND, status(hostOfB.deleteRoom(DeleteRoomRequest.newBuilder().setId(w.room()).build())));
    ListVenuesResponse seen = hostOfB.listVenues(ListVenuesRequest.newBuilder().setLimit(500).build()).await();
    assertEquals(List.of(venueB), seen.getVenuesList().stream().map(Venue::getId).toList());
    assertEquals(1, seen.getTotal());

    assertEquals(401, admin.as(null).get("/api/v1/venues/" + w.a()).statusCode(), "and REST without a token is a 401");
    assertEquals(w.a(), admin.ok(admin.get("/api/v1/venues/" + w.a())).getString("id"), "nothing was changed");
  }

  /** A thing of another venue reads exactly like a missing one: the same problem, only the id differs. */
  @Test
  void anotherVenuesThingsAreIndistinguishableFromMissingOnes() {
    World w = World.create();
    ApiClient hostOfB = admin.as(token(Who.HOST_OF_B.caller(w.a())));
    ApiClient managerOfB = admin.as(token(Who.MANAGER_OF_B.caller(w.a())));
    String missing = UUID.randomUUID().toString();
    for (String path : List.of("/api/v1/venues/", "/api/v1/rooms/", "/api/v1/tables/")) {
      String existing = path.contains("venues") ? w.a() : path.contains("rooms") ? w.room() : w.table();
      String asMissing = admin.get(path + missing).bodyAsString().replace(missing, existing);
      assertEquals(asMissing, hostOfB.get(path + existing).bodyAsString(), path);
      assertEquals(asMissing, managerOfB.get(path + existing).bodyAsString(), path);
      assertEquals(asMissing, managerOfB.delete(path + existing).bodyAsString(), path);
    }
    String room = "/api/v1/rooms/";
    assertEquals(admin.put(room + missing, new JsonObject().put("name", "X")).bodyAsString().replace(missing, w.room()),
      managerOfB.put(room + w.room(), new JsonObject().put("name", "X")).bodyAsString());
    assertEquals(admin.post(room + missing + "/tables", new JsonObject().put("name", "X").put("capacity", 2)).bodyAsString().replace(missing, w.room()),
      managerOfB.post(room + w.room() + "/tables", new JsonObject().put("name", "X").put("capacity", 2)).bodyAsString());
  }

  @Test
  void listsShowOnlyTheCallersVenuesWithTheirTotal() {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      v.add(admin.venue(unique("Listed " + i)).getString("id"));
    }
    // Two of the three, and a venue that no longer exists (a stale token): it counts for nothing.
    String gone = admin.venue(unique("Gone")).getString("id");
    assertEquals(204, admin.delete("/api/v1/venues/" + gone).statusCode());
    Caller manager = new Caller(UUID.randomUUID().toString(), Role.MANAGER, Set.of(v.get(0), v.get(2), gone));
    ApiClient api = admin.as(TestTokens.bearer(manager));

    JsonObject all = api.ok(api.get("/api/v1/venues?limit=500"));
    assertEquals(List.of(v.get(0), v.get(2)), ids(all));
    assertEquals(2, all.getInteger("total"));
    JsonObject first = api.ok(api.get("/api/v1/venues?limit=1"));
    assertEquals(List.of(v.get(0)), ids(first));
    assertEquals(2, first.getInteger("total"));
    JsonObject second = api.ok(api.get("/api/v1/venues?limit=1&offset=1"));
    assertEquals(List.of(v.get(2)), ids(second));
    assertEquals(2, second.getInteger("total"));
    JsonObject beyond = api.ok(api.get("/api/v1/venues?offset=2"));
    assertEquals(List.of(), ids(beyond));
    assertEquals(2, beyond.getInteger("total"), "an empty page still has the caller's total");

    JsonObject none = api.ok(admin.as(TestTokens.bearer(new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of()))).get("/api/v1/venues"));
    assertEquals(List.of(), ids(none));
    assertEquals(0, none.getInteger("total"), "no venues is none, never all");

    VenueServiceClient rpc = RpcClients.grpc(harness.vertx(), VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      harness.venueGrpcAddress(), 5000, () -> TestTokens.bearer(manager));
    ListVenuesResponse overGrpc = rpc.listVenues(ListVenuesRequest.newBuilder().setLimit(1).setOffset(1).build()).await();
    assertEquals(List.of(v.get(2)), overGrpc.getVenuesList().stream().map(Venue::getId).toList());
    assertEquals(2, overGrpc.getTotal());

    JsonObject asAdmin = admin.ok(admin.get("/api/v1/venues?limit=500"));
    assertTrue(ids(asAdmin).containsAll(v), "an admin sees every venue");
    assertTrue(asAdmin.getInteger("total") >= 4, "with venue B and the three");
  }

  // ---- helpers

  static String token(Caller caller) {
    return TestTokens.bearer(caller);
  }

  /** Venue A as an admin reads it: the venue, its rooms, tables, layout, hours and special hours (or 404s). */
  static JsonObject snapshot(World w) {
    JsonObject out = new JsonObject();
    for (String path : List.of("/venues/" + w.a(), "/venues/" + w.a() + "/rooms?limit=500", "/venues/" + w.a() + "/tables?limit=500",
        "/rooms/" + w.room() + "/layout", "/rooms/" + w.room() + "/combinations", "/venues/" + w.a() + "/schedule",
        "/venues/" + w.a() + "/special-hours?from=" + w.date().minusDays(1) + "&to=" + w.date().plusDays(2))) {
      HttpResponse<Buffer> r = admin.get("/api/v1" + path);
      out.put(path, new JsonObject().put("status", r.statusCode()).put("body", r.bodyAsString()));
    }
    return out;
  }

  static List<String> ids(JsonObject page) {
    List<String> out = new ArrayList<>();
    page.getJsonArray("venues").forEach(o -> out.add(((JsonObject) o).getString("id")));
    return out;
  }

  static VenueServiceGrpcClient generated(java.util.function.Supplier<String> authorization) {
    return VenueServiceGrpcClient.create(new BearerGrpcClient(GrpcClient.client(harness.vertx()), authorization), harness.venueGrpcAddress());
  }

  static AsyncResult<?> settle(Future<?> call) {
    return call.<AsyncResult<?>>transform(Future::succeededFuture).await();
  }

  static GrpcStatus status(Future<?> call) {
    AsyncResult<?> ar = settle(call);
    assertTrue(ar.failed(), () -> "expected a failure, got " + ar.result());
    return assertInstanceOf(InvalidStatusException.class, ar.cause()).actualStatus();
  }
}
