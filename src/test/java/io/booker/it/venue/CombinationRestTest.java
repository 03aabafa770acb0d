package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static io.booker.it.support.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Table combinations through REST, stored in PostgreSQL: written and read back, checked against
 * the room in the writing transaction, gone with one of their tables; offered by availability as
 * one option and booked as one booking that occupies every table.
 */
class CombinationRestTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** A venue open all day: room Hall with four-tops T1, T2, T3 (none mergeable), room Terrace with X1. */
  record Floor(String venue, String hall, String t1, String t2, String t3, String terrace, String x1) {
    static Floor create() {
      String venue = Bookings.venueOpenAllDay(api);
      String hall = Bookings.room(api, venue, "Hall");
      String terrace = Bookings.room(api, venue, "Terrace");
      return new Floor(venue, hall, Bookings.table(api, hall, "T1", 4, false)[1], Bookings.table(api, hall, "T2", 4, false)[1],
        Bookings.table(api, hall, "T3", 4, false)[1], terrace, Bookings.table(api, terrace, "X1", 4, false)[1]);
    }

    JsonObject combine(int min, int max, String... tables) {
      return new JsonObject().put("table_ids", new JsonArray(List.of((Object[]) tables))).put("min_party_size", min).put("max_party_size", max);
    }
  }

  @Test
  void aCombinationIsStoredReadBackReplacedAndDeleted() {
    Floor f = Floor.create();
    JsonObject created = api.created("/api/v1/rooms/" + f.hall() + "/combinations", f.combine(7, 10, f.t1(), f.t2(), f.t3()));
    assertEquals(f.venue(), created.getString("venue_id"));
    assertEquals(f.hall(), created.getString("room_id"));
    assertEquals(new JsonArray().add(f.t1()).add(f.t2()).add(f.t3()), created.getJsonArray("table_ids"));
    assertEquals(7, created.getInteger("min_party_size"));
    assertEquals(10, created.getInteger("max_party_size"));
    assertEquals(new JsonObject().put("combinations", new JsonArray().add(created)), api.ok(api.get("/api/v1/rooms/" + f.hall() + "/combinations")));
    assertEquals(new JsonArray(), api.ok(api.get("/api/v1/rooms/" + f.terrace() + "/combinations")).getJsonArray("combinations"));

    String id = created.getString("id");
    JsonObject replaced = api.ok(api.put("/api/v1/combinations/" + id, f.combine(5, 8, f.t3(), f.t1())));
    assertEquals(new JsonArray().add(f.t3()).add(f.t1()), replaced.getJsonArray("table_ids"));
    assertEquals(f.hall(), replaced.getString("room_id"));
    assertEquals(replaced, api.ok(api.get("/api/v1/rooms/" + f.hall() + "/combinations")).getJsonArray("combinations").getJsonObject(0));

    assertEquals(204, api.delete("/api/v1/combinations/" + id).statusCode());
    assertEquals(new JsonArray(), api.ok(api.get("/api/v1/rooms/" + f.hall() + "/combinations")).getJsonArray("combinations"));
    assertProblem(api.delete("/api/v1/combinations/" + id), 404, "NOT_FOUND", null);
  }

  @Test
  void tablesMustBeTheRoomsAndTheSizesInOrder() {
    Floor f = Floor.create();
    String combinations = "/api/v1/rooms/" + f.hall() + "/combinations";
    assertProblem(api.post(combinations, f.combine(2, 8, f.t1(), f.x1())), 400, "INVALID_ARGUMENT", "table_ids[1]");
    assertProblem(api.post(combinations, f.combine(2, 8, "0a000000-0000-4000-8000-000000000000", f.t1())), 400, "INVALID_ARGUMENT",
      "table_ids[0]");
    assertProblem(api.post(combinations, f.combine(9, 8, f.t1(), f.t2())), 400, "INVALID_ARGUMENT", "min_party_size");
    assertEquals(400, api.post(combinations, f.combine(2, 8, f.t1(), f.t1())).statusCode(), "a repeated table");
    assertEquals(400, api.post(combinations, f.combine(2, 8, f.t1())).statusCode(), "one table");
    assertProblem(api.post("/api/v1/rooms/0a000000-0000-4000-8000-000000000000/combinations", f.combine(2, 8, f.t1(), f.t2())),
      404, "NOT_FOUND", null);
    String id = api.created(combinations, f.combine(2, 8, f.t1(), f.t2())).getString("id");
    assertProblem(api.put("/api/v1/combinations/" + id, f.combine(2, 8, f.t1(), f.x1())), 400, "INVALID_ARGUMENT", "table_ids[1]");
    assertEquals(1, api.ok(api.get(combinations)).getJsonArray("combinations").size(), "only the valid one was written");
  }

  @Test
  void deletingATableOrTheRoomDeletesItsCombinations() {
    Floor f = Floor.create();
    String combinations = "/api/v1/rooms/" + f.hall() + "/combinations";
    api.created(combinations, f.combine(7, 10, f.t1(), f.t2(), f.t3()));
    String keeps = api.created(combinations, f.combine(5, 8, f.t1(), f.t2())).getString("id");
    assertEquals(204, api.delete("/api/v1/tables/" + f.t3()).statusCode());
    JsonArray left = api.ok(api.get(combinations)).getJsonArray("combinations");
    assertEquals(1, left.size());
    assertEquals(keeps, left.getJsonObject(0).getString("id"));
    assertEquals(204, api.delete("/api/v1/rooms/" + f.hall()).statusCode());
    assertProblem(api.put("/api/v1/combinations/" + keeps, f.combine(5, 8, f.t1(), f.t2())), 404, "NOT_FOUND", null);
  }

  @Test
  void availabilityOffersItAndABookingOnItOccupiesEveryTable() {
    Floor f = Floor.create();
    String combination = api.created("/api/v1/rooms/" + f.hall() + "/combinations", f.combine(7, 10, f.t1(), f.t2(), f.t3())).getString("id");
    LocalDate day = Bookings.day(12);
    JsonObject slot = new JsonObject().put("date", day.toString()).put("start_time", "19:00");

    JsonArray offers = api.ok(api.post("/api/v1/availability/check", new JsonObject().put("venue_id", f.venue()).put("slot", slot)
      .put("party_size", 8))).getJsonArray("tables");
    assertEquals(1, offers.size(), offers::encodePrettily);
    JsonObject offer = offers.getJsonObject(0);
    assertEquals(combination, offer.getString("combination_id"));
    assertEquals("T1+T2+T3", offer.getString("table_name"));
    assertEquals(10, offer.getInteger("capacity"));
    assertEquals(List.of(f.t1(), f.t2(), f.t3()), tableIds(offer.getJsonArray("tables")));
    assertNull(offer.getValue("merged_with_table"));

    JsonObject booking = api.created("/api/v1/bookings", new JsonObject().put("venue_id", f.venue()).put("combination_id", combination)
      .put("slot", slot).put("party_size", 8).put("customer_name", "Ada"));
    assertEquals(combination, booking.getString("combination_id"));
    assertEquals(List.of(f.t1(), f.t2(), f.t3()), tableIds(booking.getJsonArray("tables")));
    assertEquals(f.t1(), booking.getJsonObject("table").getString("table_id"));
    assertEquals(booking, api.ok(api.get("/api/v1/bookings/" + booking.getString("id"))));
    JsonArray byThird = api.ok(api.get("/api/v1/bookings?venue_id=" + f.venue() + "&table_id=" + f.t3())).getJsonArray("bookings");
    assertEquals(1, byThird.size(), "listed under its third table too");

    for (String table : List.of(f.t1(), f.t2(), f.t3())) {
      JsonObject single = Bookings.request(f.venue(), new String[] {f.hall(), table}, day, "20:00", 0, 2);
      assertProblem(api.post("/api/v1/bookings", single), 409, "SLOT_TAKEN", null);
    }
    assertEquals(0, api.ok(api.post("/api/v1/availability/check", new JsonObject().put("venue_id", f.venue()).put("slot", slot)
      .put("party_size", 8))).getJsonArray("tables").size(), "taken: no longer offered");

    JsonObject moved = api.ok(api.post("/api/v1/bookings/" + booking.getString("id") + "/reschedule",
      new JsonObject().put("slot", slot.copy().put("start_time", "12:00"))));
    assertEquals(combination, moved.getString("combination_id"), "a new slot keeps the combination");
    assertEquals(List.of(f.t1(), f.t2(), f.t3()), tableIds(moved.getJsonArray("tables")));
    String smaller = api.created("/api/v1/rooms/" + f.hall() + "/combinations", f.combine(7, 8, f.t3(), f.t2())).getString("id");
    JsonObject onSmaller = api.ok(api.post("/api/v1/bookings/" + booking.getString("id") + "/reschedule",
      new JsonObject().put("combination_id", smaller)));
    assertEquals(smaller, onSmaller.getString("combination_id"), "moved onto another combination");
    assertEquals(List.of(f.t3(), f.t2()), tableIds(onSmaller.getJsonArray("tables")));
    assertEquals("12:00", onSmaller.getJsonObject("slot").getString("start_time"));
    // T1 was let go: a single books it at that time.
    Bookings.hold(api, Bookings.request(f.venue(), new String[] {f.hall(), f.t1()}, day, "12:30", 0, 2));
  }

  @Test
  void theClosestTimesSearchOffersACombinationWithAllItsTables() {
    Floor f = Floor.create();
    api.created("/api/v1/rooms/" + f.hall() + "/combinations", f.combine(7, 10, f.t1(), f.t2(), f.t3()));
    JsonObject answer = api.ok(api.post("/api/v1/availability/search", new JsonObject().put("venue_id", f.venue()).put("party_size", 8)
      .put("date", Bookings.day(14).toString()).put("time", "19:00").put("window_minutes", 60).put("days", 1).put("limit", 3)));
    JsonArray options = answer.getJsonArray("options");
    assertEquals(3, options.size(), answer::encodePrettily);
    for (Object o : options) {
      assertEquals(List.of(f.t1(), f.t2(), f.t3()), tableIds(((JsonObject) o).getJsonArray("tables")), "no single table seats 8");
    }
  }

  @Test
  void aPartyOutsideItsSizesOrWithATableIsRefused() {
    Floor f = Floor.create();
    String combination = api.created("/api/v1/rooms/" + f.hall() + "/combinations", f.combine(7, 10, f.t1(), f.t2(), f.t3())).getString("id");
    JsonObject body = new JsonObject().put("venue_id", f.venue()).put("combination_id", combination)
      .put("slot", new JsonObject().put("date", Bookings.day(13).toString()).put("start_time", "19:00")).put("customer_name", "Ada");
    assertProblem(api.post("/api/v1/bookings", body.copy().put("party_size", 6)), 400, "INVALID_ARGUMENT", "party_size");
    assertEquals(400, api.post("/api/v1/bookings", body.copy().put("party_size", 8)
      .put("table", new JsonObject().put("table_id", f.t1()))).statusCode(), "a table and a combination");
    assertProblem(api.post("/api/v1/bookings", body.copy().put("party_size", 8).put("combination_id", "0a000000-0000-4000-8000-000000000000")),
      404, "NOT_FOUND", null);
  }

  private static List<String> tableIds(JsonArray refs) {
    return refs.stream().map(r -> ((JsonObject) r).getString("table_id")).toList();
  }
}
