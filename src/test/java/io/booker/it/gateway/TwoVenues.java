package io.booker.it.gateway;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import static io.booker.it.support.Bookings.day;

/**
 * The world of the authorisation tests, made by an admin: venue A with a room, a table, a held
 * booking and a block of the table (another day), and venue B with nothing in it. Callers are then given one venue or the other.
 */
record TwoVenues(String venueA, String venueB, String roomA, String tableA, String bookingA, String blockA, String tableA2,
                 String combinationA) {

  static TwoVenues create(ApiClient admin) {
    String a = Bookings.venueOpenAllDay(admin);
    String b = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, a, "Main");
    String[] table = Bookings.table(admin, room, "A1", 4, false);
    String booking = Bookings.hold(admin, Bookings.request(a, table, day(20), "19:00", 120, 2)).getString("id");
    String block = admin.created("/api/v1/venues/" + a + "/blocks", new JsonObject()
      .put("table_ids", new JsonArray().add(table[1])).put("date", day(25).toString()).put("start_time", "12:00")
      .put("end_time", "14:00").put("reason", "fixture")).getString("id");
    String[] table2 = Bookings.table(admin, room, "A2", 4, false);
    String combination = admin.created("/api/v1/rooms/" + room + "/combinations", new JsonObject()
      .put("table_ids", new JsonArray().add(table[1]).add(table2[1])).put("min_party_size", 5).put("max_party_size", 8)).getString("id");
    return new TwoVenues(a, b, room, table[1], booking, block, table2[1], combination);
  }
}
