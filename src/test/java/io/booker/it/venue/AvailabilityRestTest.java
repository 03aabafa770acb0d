package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.it.support.TestNodes;
import io.booker.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * CheckAvailability through REST ({@code POST /api/v1/availability/check}) and the table
 * availability route, against a real node: the venue service reads hours and tables from
 * PostgreSQL and asks the booking service (over the event bus here) which tables are free.
 */
class AvailabilityRestTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo"); // no daylight saving: dates can be anything ahead

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** A day well ahead, so that every slot of it is in the future. */
  static LocalDate day(int daysAhead) {
    return LocalDate.now(TOKYO).plusDays(daysAhead);
  }

  @Test
  void smallestSufficientTableComesFirst() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);

    JsonArray two = check(venue, day(10), "19:00", 0, 2);
    assertEquals(List.of("A2", "A4", "C5", "B6a", "B6b", "A8"), names(two, true));
    assertEquals(6, two.size(), "no unavailable tables for a party of two");
    JsonObject first = two.getJsonObject(0);
    assertEquals(new JsonObject().put("venue_id", venue).put("room_id", t.get("A2")[0]).put("table_id", t.get("A2")[1]),
      first.getJsonObject("table"));
    assertTrue(first.getBoolean("available"));
    assertEquals("", first.getString("reason"));
    assertEquals(2, first.getInteger("capacity"));
    assertTrue(first.containsKey("merged_with_table") && first.getValue("merged_with_table") == null,
      "merged_with_table is present and null for a single table");

    JsonArray five = check(venue, day(10), "19:00", 0, 5);
    assertEquals(List.of("C5", "B6a", "B6b", "A8"), names(five, true));
    assertEquals(4, five.size(), "only what can be booked unless include_unavailable");
    JsonArray fiveExplained = checkWithReasons(venue, day(10), "19:00", 0, 5);
    assertEquals(List.of("C5", "B6a", "B6b", "A8"), names(fiveExplained, true));
    assertEquals(List.of("A2", "A4"), names(fiveExplained, false));
    assertEquals("capacity 2 is less than party of 5", fiveExplained.getJsonObject(4).getString("reason"));
  }

  @Test
  void pairsOfMergeableTablesInOneRoomOnlyWhenNoSingleTableFits() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);

    JsonArray ten = checkWithReasons(venue, day(11), "19:00", 0, 10);
    assertEquals(List.of("B6a"), names(ten, true), "B6a+B6b is the only same-room pair; B6+C5 cross rooms");
    JsonObject pair = ten.getJsonObject(0);
    assertEquals(new JsonObject().put("venue_id", venue).put("room_id", t.get("B6b")[0]).put("table_id", t.get("B6b")[1]),
      pair.getJsonObject("merged_with_table"));
    assertEquals("merged with B6b (total capacity 12)", pair.getString("reason"));
    assertEquals(12, pair.getInteger("capacity"));
    assertEquals(List.of("A2", "A4", "A8", "C5"), names(ten, false));
    JsonArray tenOffers = check(venue, day(11), "19:00", 0, 10);
    assertEquals(1, tenOffers.size(), "only the pair, without include_unavailable");
    assertEquals(pair, tenOffers.getJsonObject(0));

    JsonArray eight = checkWithReasons(venue, day(11), "19:00", 0, 8);
    assertEquals(List.of("A8"), names(eight, true));
    for (int i = 0; i < eight.size(); i++) {
      assertNull(eight.getJsonObject(i).getValue("merged_with_table"), "no pairs while a single table fits");
    }
    assertEquals(List.of("A8"), names(check(venue, day(11), "19:00", 0, 8), true));
  }

  @Test
  void aBookedTableIsNotOfferedButTouchingOrCancelledBookingsDoNotBlock() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    LocalDate d = day(12);
    Bookings.confirmed(api, Bookings.request(venue, t.get("A2"), d, "19:00", 120, 2));  // overlaps 20:00-22:00
    Bookings.confirmed(api, Bookings.request(venue, t.get("A4"), d, "18:00", 120, 2));  // ends as the slot starts
    Bookings.cancelled(api, Bookings.request(venue, t.get("A8"), d, "19:00", 180, 2));
    Bookings.confirmed(api, Bookings.request(venue, t.get("C5"), d.plusDays(1), "20:00", 120, 2)); // another date

    JsonArray offers = check(venue, d, "20:00", 0, 2);
    assertEquals(List.of("A4", "C5", "B6a", "B6b", "A8"), names(offers, true));
    assertEquals(5, offers.size(), "the booked A2 is left out without include_unavailable");

    JsonArray two = checkWithReasons(venue, d, "20:00", 0, 2);
    assertEquals(List.of("A4", "C5", "B6a", "B6b", "A8"), names(two, true));
    JsonObject a2 = two.getJsonObject(two.size() - 1);
    assertEquals("A2", a2.getString("table_name"));
    assertFalse(a2.getBoolean("available"));
    assertEquals("already booked for this slot", a2.getString("reason"));
  }

  @Test
  void specialHoursWinOverTheWeekday() {
    String venue = venue();
    Seed.standardLayout(api, venue);
    LocalDate closed = day(13);
    LocalDate shorter = day(14);
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/special-hours",
      new JsonObject().put("date", closed.toString()).put("is_closed", true)).statusCode());
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/special-hours",
      new JsonObject().put("date", shorter.toString()).put("open_time", "12:00").put("close_time", "14:00")).statusCode());

    assertEquals(0, check(venue, closed, "19:00", 0, 2).size(), "nothing to offer on a closed day");
    JsonArray none = checkWithReasons(venue, closed, "19:00", 0, 2);
    assertEquals(6, none.size());
    assertEquals(List.of(), names(none, true));
    for (int i = 0; i < none.size(); i++) {
      assertEquals("venue is closed on " + closed, none.getJsonObject(i).getString("reason"));
    }
    // The closed day's night before still runs to 02:00.
    assertEquals(6, names(check(venue, closed, "00:30", 60, 2), true).size());

    assertEquals(6, names(check(venue, shorter, "12:00", 120, 2), true).size());
    assertEquals(0, check(venue, shorter, "13:00", 120, 2).size());
    JsonArray late = checkWithReasons(venue, shorter, "13:00", 120, 2);
    assertEquals(List.of(), names(late, true));
    assertTrue(late.getJsonObject(0).getString("reason").startsWith("outside opening hours on " + shorter), late.encode());
  }

  @Test
  void overnightRangesTouchingTheClosingTimeAndThePast() {
    String venue = venue();
    Seed.standardLayout(api, venue);
    LocalDate d = day(15);

    assertEquals(6, names(check(venue, d, "01:00", 60, 2), true).size(), "01:00 is in the previous night's 18:00-02:00");
    assertEquals(List.of(), names(check(venue, d, "01:00", 120, 2), true), "runs past 02:00");
    assertEquals(6, names(check(venue, d, "23:30", 150, 2), true).size(), "crosses midnight inside one range");

    assertEquals(6, names(check(venue, d, "13:00", 120, 2), true).size(), "ends exactly at 15:00");
    assertEquals(6, names(check(venue, d, "13:00", 0, 2), true).size(), "default duration is 120 minutes");
    assertEquals(0, check(venue, d, "13:01", 120, 2).size(), "one minute past closing");
    JsonArray over = checkWithReasons(venue, d, "13:01", 120, 2);
    assertEquals(List.of(), names(over, true), "one minute past closing");
    assertEquals("outside opening hours on " + d + " (00:00-02:00, 12:00-15:00, 18:00-02:00)", over.getJsonObject(0).getString("reason"));

    assertEquals(0, check(venue, LocalDate.now(TOKYO).minusDays(1), "19:00", 0, 2).size());
    JsonArray past = checkWithReasons(venue, LocalDate.now(TOKYO).minusDays(1), "19:00", 0, 2);
    assertEquals(List.of(), names(past, true));
    assertEquals("in the past", past.getJsonObject(0).getString("reason"));
  }

  @Test
  void invalidRequestsAre400NamingTheFieldAndAnUnknownVenueIs404() {
    String venue = venue();
    String d = day(16).toString();
    JsonObject slot = new JsonObject().put("date", d).put("start_time", "19:00");
    assertInvalid("party_size", request(venue, slot, 0));
    assertInvalid("party_size", request(venue, slot, 101));
    assertInvalid("slot.date", request(venue, slot.copy().put("date", "2025-02-30"), 2));
    assertInvalid("slot.start_time", request(venue, slot.copy().put("start_time", "24:00"), 2));
    assertInvalid("slot.start_time", request(venue, slot.copy().put("start_time", "9:5"), 2));
    assertInvalid("slot.duration_minutes", request(venue, slot.copy().put("duration_minutes", 7), 2));
    assertInvalid("slot", new JsonObject().put("venue_id", venue).put("party_size", 2));
    assertInvalid("venue_id", request("not-a-uuid", slot, 2));
    assertInvalid("party_size", request(venue, slot, 2).put("party_size", "two"));

    HttpResponse<Buffer> unknown = api.post("/api/v1/availability/check", request(UUID.randomUUID().toString(), slot, 2));
    assertEquals(404, unknown.statusCode(), unknown.bodyAsString());
    assertEquals("NOT_FOUND", unknown.bodyAsJsonObject().getString("code"));
  }

  @Test
  void aVenueWithoutTablesHasNothingToOffer() {
    String venue = venue();
    assertEquals(0, check(venue, day(17), "19:00", 0, 2).size());
  }

  @Test
  void maxOffersCapsTheOffersAndIsRangeChecked() {
    String venue = venue();
    Seed.standardLayout(api, venue);
    JsonObject slot = new JsonObject().put("date", day(26).toString()).put("start_time", "19:00");

    JsonArray three = tables(request(venue, slot, 2).put("max_offers", 3));
    assertEquals(List.of("A2", "A4", "C5"), names(three, true), "the three smallest fits");
    assertEquals(3, three.size());
    // The cap is on offers only: with include_unavailable the unavailable tables still follow, with their reasons.
    JsonArray explained = tables(request(venue, slot, 5).put("max_offers", 1).put("include_unavailable", true));
    assertEquals(List.of("C5"), names(explained, true));
    assertEquals(List.of("A2", "A4"), names(explained, false));
    assertEquals(6, names(tables(request(venue, slot, 2).put("max_offers", 200)), true).size());
    assertEquals(6, names(tables(request(venue, slot, 2).put("max_offers", 0)), true).size(), "0 means the default 50");

    assertInvalid("max_offers", request(venue, slot, 2).put("max_offers", 201));
    assertInvalid("max_offers", request(venue, slot, 2).put("max_offers", -1));
  }

  @Test
  void tableAvailabilityForAListOfTables() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    LocalDate d = day(18);
    Bookings.confirmed(api, Bookings.request(venue, t.get("A2"), d, "19:00", 120, 2));
    JsonObject slot = new JsonObject().put("date", d.toString()).put("start_time", "20:00").put("duration_minutes", 60);

    HttpResponse<Buffer> r = api.post("/api/v1/availability/tables",
      new JsonObject().put("venue_id", venue).put("table_ids", new JsonArray().add(t.get("A2")[1]).add(t.get("A4")[1])).put("slot", slot));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray tables = r.bodyAsJsonObject().getJsonArray("tables");
    assertEquals(2, tables.size());
    // Placed in the venue's zone: 20:00 UTC would be 05:00 the next morning in Tokyo, and A2 free.
    assertEquals(new JsonObject().put("table_id", t.get("A2")[1]).put("available", false).put("reason", "already booked for this slot"),
      tables.getJsonObject(0));
    assertEquals(new JsonObject().put("table_id", t.get("A4")[1]).put("available", true).put("reason", ""), tables.getJsonObject(1));

    HttpResponse<Buffer> unknown = api.post("/api/v1/availability/tables", new JsonObject().put("venue_id", UUID.randomUUID().toString())
      .put("table_ids", new JsonArray().add(t.get("A2")[1])).put("slot", slot));
    assertEquals(404, unknown.statusCode());
    HttpResponse<Buffer> noVenue = api.post("/api/v1/availability/tables", new JsonObject().put("table_ids", new JsonArray()).put("slot", slot));
    assertEquals(400, noVenue.statusCode());
    assertTrue(noVenue.bodyAsJsonObject().getString("detail").startsWith("venue_id"), noVenue.bodyAsString());
    HttpResponse<Buffer> badId = api.post("/api/v1/availability/tables", new JsonObject().put("venue_id", venue)
      .put("table_ids", new JsonArray().add("nope")).put("slot", slot));
    assertEquals(400, badId.statusCode(), badId.bodyAsString());
  }

  @Test
  void aConstantNumberOfQueriesAndCallsWhateverTheVenueSize() {
    String small = venue();
    String roomS = Seed.room(api, small, "Main");
    for (int i = 0; i < 2; i++) {
      Seed.table(api, roomS, "S" + i, 4, true);
    }
    String big = venue();
    String roomB1 = Seed.room(api, big, "Main");
    String roomB2 = Seed.room(api, big, "Terrace");
    for (int i = 0; i < 40; i++) {
      Seed.table(api, i % 2 == 0 ? roomB1 : roomB2, "B" + i, 2 + i % 6, true);
    }
    LocalDate d = day(19);
    check(small, d, "19:00", 0, 2); // warm up both paths once
    check(big, d, "19:00", 0, 2);

    long[] forSmall = cost(() -> check(small, d, "19:00", 0, 2));
    long[] forBig = cost(() -> check(big, d, "19:00", 0, 2));
    assertEquals(1, forSmall[0], "one venue query per check");
    assertEquals(1, forSmall[1], "one booking service call per check");
    assertArrayEquals(forSmall, forBig, "2 tables and 40 tables cost the same");

    long[] pairsForBig = cost(() -> check(big, d, "19:00", 0, 14)); // no single table fits: pairs
    assertArrayEquals(forSmall, pairsForBig);
    // Twenty table combinations of three tables each (seating 8 to 16): still one query and one call.
    JsonArray main = api.ok(api.get("/api/v1/rooms/" + roomB1 + "/tables?limit=100")).getJsonArray("tables");
    for (int i = 0; i < 20; i++) {
      JsonArray three = new JsonArray();
      for (int k = 0; k < 3; k++) {
        three.add(main.getJsonObject((i + k) % main.size()).getString("id"));
      }
      api.created("/api/v1/rooms/" + roomB1 + "/combinations", new JsonObject().put("table_ids", three)
        .put("min_party_size", 8).put("max_party_size", 16));
    }
    assertTrue(check(big, d, "19:00", 0, 15).stream().anyMatch(o -> !((JsonObject) o).getString("combination_id").isEmpty()),
      "a combination is offered");
    long[] combinationsForBig = cost(() -> check(big, d, "19:00", 0, 15)); // no pair seats 15 either
    assertArrayEquals(forSmall, combinationsForBig, "combinations are read with the venue and asked for in the one call");
  }

  @Test
  void aDownBookingServiceIsA503NeverNothingAvailable() {
    String venue = venue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    try (TestNodes.Started down = TestNodes.allInOneWithBookingDown("eventbus")) {
      ApiClient downApi = api.on(down.httpPort());
      HttpResponse<Buffer> r = downApi.post("/api/v1/availability/check",
        request(venue, new JsonObject().put("date", day(20).toString()).put("start_time", "19:00"), 2));
      assertEquals(503, r.statusCode(), r.bodyAsString());
      assertEquals("UNAVAILABLE", r.bodyAsJsonObject().getString("code"));

      // Outside the hours the booking service is not asked, so the answer stands.
      HttpResponse<Buffer> closed = downApi.post("/api/v1/availability/check",
        request(venue, new JsonObject().put("date", day(20).toString()).put("start_time", "16:00"), 2));
      assertEquals(200, closed.statusCode(), closed.bodyAsString());

      HttpResponse<Buffer> tables = downApi.post("/api/v1/availability/tables", new JsonObject().put("venue_id", venue)
        .put("table_ids", new JsonArray().add(t.get("A2")[1])).put("slot", new JsonObject().put("date", day(20).toString()).put("start_time", "19:00")));
      assertEquals(503, tables.statusCode(), tables.bodyAsString());
    }
  }

  /** {venue queries, booking service CheckTableAvailability calls} while {@code action} ran. */
  static long[] cost(Runnable action) {
    long queries = requestQueries();
    long calls = counter("grpc_server_requests", "method", "CheckTableAvailability");
    action.run();
    return new long[]{requestQueries() - queries,
      counter("grpc_server_requests", "method", "CheckTableAvailability") - calls};
  }

  /**
   * The venue database's queries made for requests: the outbox relay and backlog gauge query the
   * same database on their own timers ({@code outbox_*} operations), whenever they like.
   */
  static long requestQueries() {
    double sum = 0;
    for (Counter c : Metrics.registry().find("database_queries").tag("service", "venue").counters()) {
      if (!String.valueOf(c.getId().getTag("operation")).startsWith("outbox_")) {
        sum += c.count();
      }
    }
    return (long) sum;
  }

  static JsonObject request(String venue, JsonObject slot, int party) {
    return new JsonObject().put("venue_id", venue).put("slot", slot).put("party_size", party);
  }

  static void assertInvalid(String field, JsonObject body) {
    HttpResponse<Buffer> r = api.post("/api/v1/availability/check", body);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("INVALID_ARGUMENT", r.bodyAsJsonObject().getString("code"));
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith(field + ":"), r.bodyAsString());
  }

  /** The default answer: only what can be booked (asserted), smallest fit first. */
  static JsonArray check(String venue, LocalDate date, String time, int duration, int party) {
    JsonArray tables = tables(request(venue, slot(date, time, duration), party));
    for (int i = 0; i < tables.size(); i++) {
      assertTrue(tables.getJsonObject(i).getBoolean("available"), () -> "only available offers by default: " + tables.encode());
    }
    return tables;
  }

  /** The answer with {@code include_unavailable}: the offers, then every other table with its reason. */
  static JsonArray checkWithReasons(String venue, LocalDate date, String time, int duration, int party) {
    return tables(request(venue, slot(date, time, duration), party).put("include_unavailable", true));
  }

  static JsonObject slot(LocalDate date, String time, int duration) {
    JsonObject slot = new JsonObject().put("date", date.toString()).put("start_time", time);
    if (duration > 0) {
      slot.put("duration_minutes", duration);
    }
    return slot;
  }

  /** POSTs a check, asserts 200 and answers its tables. */
  static JsonArray tables(JsonObject request) {
    HttpResponse<Buffer> r = api.post("/api/v1/availability/check", request);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("tables");
  }

  /** Names of the available (or unavailable) entries, in answer order. */
  static List<String> names(JsonArray tables, boolean available) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      JsonObject t = tables.getJsonObject(i);
      if (t.getBoolean("available") == available) {
        out.add(t.getString("table_name"));
      }
    }
    return out;
  }

  /** A venue in Tokyo open every day 12:00-15:00 and 18:00-02:00. */
  static String venue() {
    HttpResponse<Buffer> created = api.post("/api/v1/venues", new JsonObject().put("name", "Izakaya " + UUID.randomUUID()).put("timezone", "Asia/Tokyo"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    JsonArray days = new JsonArray();
    for (int wd = 0; wd < 7; wd++) {
      days.add(new JsonObject().put("weekday", wd).put("open_time", "12:00").put("close_time", "15:00"));
      days.add(new JsonObject().put("weekday", wd).put("openTime", "18:00").put("closeTime", "02:00"));
    }
    HttpResponse<Buffer> hours = api.post("/api/v1/venues/" + id + "/schedule", new JsonObject().put("days", days));
    assertEquals(200, hours.statusCode(), hours.bodyAsString());
    return id;
  }

  /** The sum of the counters named {@code name} carrying tag {@code key=value}, in this JVM's registry. */
  static long counter(String name, String key, String value) {
    double sum = 0;
    for (Counter c : Metrics.registry().find(name).tag(key, value).counters()) {
      sum += c.count();
    }
    return (long) sum;
  }
}
