package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code POST /api/v1/availability/search} on real PostgreSQL, through both services: bookings,
 * blocks and pacing are honoured, and the cost is one snapshot per day and one occupancy read,
 * whatever the number of candidate starts.
 */
class AvailabilitySearchTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  static JsonObject search(String venue, int party, LocalDate date, String time, int window, int days, int limit) {
    return api.ok(api.post("/api/v1/availability/search", new JsonObject().put("venue_id", venue).put("party_size", party)
      .put("date", date.toString()).put("time", time).put("window_minutes", window).put("days", days).put("limit", limit)));
  }

  static List<String> starts(JsonObject answer) {
    List<String> out = new ArrayList<>();
    for (Object o : answer.getJsonArray("options")) {
      JsonObject option = (JsonObject) o;
      out.add(option.getString("start_time") + " " + option.getJsonArray("table_names").encode());
    }
    return out;
  }

  @Test
  void bookingsAndBlocksPushTheOfferedTimesAway() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = Bookings.room(api, venue, "Main");
    String[] t1 = Bookings.table(api, room, "T1", 4, false);
    LocalDate d = day(9);
    Bookings.hold(api, request(venue, t1, d, "19:00", 60, 4));
    JsonObject answer = search(venue, 4, d, "19:00", 120, 1, 4);
    // T1 is taken 19:00-20:00: a two-hour slot must end by 19:00 or start at 20:00; closest first.
    assertEquals(List.of("20:00 [\"T1\"]", "20:15 [\"T1\"]", "20:30 [\"T1\"]", "20:45 [\"T1\"]"), starts(answer));
    assertEquals(120, answer.getJsonArray("options").getJsonObject(0).getInteger("duration_minutes"));

    api.created("/api/v1/venues/" + venue + "/blocks", new JsonObject().put("table_ids", new JsonArray().add(t1[1]))
      .put("date", d.toString()).put("start_time", "20:00").put("end_time", "22:00").put("reason", "private event"));
    // Blocked 20:00-22:00 too: only 17:00 (ending at 19:00) is left within two hours.
    assertEquals(List.of("17:00 [\"T1\"]"), starts(search(venue, 4, d, "19:00", 120, 1, 4)));
  }

  @Test
  void pacingAndTurnTimesShapeTheAnswer() {
    String venue = Bookings.venueOpenAllDay(api);
    api.ok(api.put("/api/v1/venues/" + venue + "/seating", new JsonObject()
      .put("turn_times", new JsonArray().add(new JsonObject().put("minutes", 90)))
      .put("periods", new JsonArray().add(new JsonObject().put("name", "Dinner").put("weekdays", new JsonArray("[0,1,2,3,4,5,6]"))
        .put("start_time", "18:00").put("end_time", "23:00").put("last_seating", "21:30").put("slot_interval_minutes", 30)
        .put("pacing", new JsonObject().put("interval_minutes", 30).put("max_parties", 1))))));
    String room = Bookings.room(api, venue, "Main");
    String[] t1 = Bookings.table(api, room, "T1", 4, false);
    Bookings.table(api, room, "T2", 4, false);
    LocalDate d = day(10);
    Bookings.hold(api, request(venue, t1, d, "19:00", 0, 2));
    JsonObject answer = search(venue, 2, d, "19:00", 60, 1, 10);
    // 19:00-19:30 has its one party; T1 is taken 19:00-20:30, so T2 takes every other start.
    assertEquals(List.of("18:30 [\"T2\"]", "19:30 [\"T2\"]", "18:00 [\"T2\"]", "20:00 [\"T2\"]"), starts(answer));
    assertTrue(answer.getJsonArray("options").stream().allMatch(o -> ((JsonObject) o).getInteger("duration_minutes") == 90));
  }

  @Test
  void aSearchCostsOneSnapshotPerDayAndOneOccupancyRead() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = Bookings.room(api, venue, "Main");
    for (int i = 1; i <= 10; i++) {
      Bookings.table(api, room, "T" + i, 2 + i % 4, false);
    }
    LocalDate d = day(11);
    search(venue, 2, d, "19:00", 720, 3, 50); // warm every path once
    double snapshots = sum("database_queries", "operation", "select_availability_snapshot");
    double occupancy = sum("database_queries", "operation", "select_occupancy");
    JsonObject answer = search(venue, 2, d, "19:00", 720, 3, 50);
    assertEquals(50, answer.getJsonArray("options").size());
    assertEquals(3.0, sum("database_queries", "operation", "select_availability_snapshot") - snapshots, "one snapshot per day");
    assertEquals(1.0, sum("database_queries", "operation", "select_occupancy") - occupancy, "one occupancy read for the span");
  }

  static double sum(String name, String tag, String value) {
    return io.booker.platform.metrics.Metrics.registry().find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
