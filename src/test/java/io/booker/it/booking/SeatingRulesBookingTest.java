package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A venue's seating rules where bookings are made, through REST on real PostgreSQL: the turn time
 * when no duration is given, the booking window, and pacing with the staff override recorded in
 * the history. (The pacing race is BookingRaceTest's.)
 */
class SeatingRulesBookingTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** Turn times 2 → 90, 4 → 120, larger → 180 min; dinner 18:00-23:00 lets one party start per quarter hour; 30 days ahead. */
  static String pacedVenue() {
    String venue = Bookings.venueOpenAllDay(api);
    api.ok(api.put("/api/v1/venues/" + venue + "/seating", new JsonObject()
      .put("turn_times", new JsonArray()
        .add(new JsonObject().put("max_party_size", 2).put("minutes", 90))
        .add(new JsonObject().put("max_party_size", 4).put("minutes", 120))
        .add(new JsonObject().put("minutes", 180)))
      .put("periods", new JsonArray().add(new JsonObject().put("name", "Dinner").put("weekdays", new JsonArray("[0,1,2,3,4,5,6]"))
        .put("start_time", "18:00").put("end_time", "23:00").put("last_seating", "22:00")
        .put("pacing", new JsonObject().put("max_parties", 1))))
      .put("booking_window", new JsonObject().put("max_days_ahead", 30))));
    return venue;
  }

  static JsonObject created(HttpResponse<Buffer> r) {
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  void aBookingWithoutDurationLastsThePartysTurnTimeAndAnExplicitOneWins() {
    String venue = pacedVenue();
    String room = Bookings.room(api, venue, "Main");
    String[] t1 = Bookings.table(api, room, "T1", 8, false);
    LocalDate d = day(5);
    assertEquals(90, created(api.post("/api/v1/bookings", request(venue, t1, d, "12:00", 0, 2)))
      .getJsonObject("slot").getInteger("duration_minutes"));
    assertEquals(180, created(api.post("/api/v1/bookings", request(venue, t1, d, "14:00", 0, 6)))
      .getJsonObject("slot").getInteger("duration_minutes"));
    assertEquals(45, created(api.post("/api/v1/bookings", request(venue, t1, d, "17:00", 45, 2)))
      .getJsonObject("slot").getInteger("duration_minutes"));
  }

  @Test
  void aStartPastTheBookingWindowIsA400NamingTheLimit() {
    String venue = pacedVenue();
    String[] t1 = Bookings.table(api, Bookings.room(api, venue, "Main"), "T1", 4, false);
    JsonObject p = assertProblem(api.post("/api/v1/bookings", request(venue, t1, day(45), "12:00", 0, 2)), 400, "INVALID_ARGUMENT", "slot");
    assertTrue(p.getString("detail").contains("30 days"), p.encode());
    assertProblem(api.post("/api/v1/availability/check", new JsonObject().put("venue_id", venue).put("party_size", 2)
      .put("slot", new JsonObject().put("date", day(45).toString()).put("start_time", "12:00"))), 400, "INVALID_ARGUMENT", "slot");
  }

  @Test
  void aFullQuarterHourRefusesTheNextPartyUntilStaffOverrideAndTheHistorySaysSo() {
    String venue = pacedVenue();
    String room = Bookings.room(api, venue, "Main");
    String[] t1 = Bookings.table(api, room, "T1", 4, false);
    String[] t2 = Bookings.table(api, room, "T2", 4, false);
    String[] t3 = Bookings.table(api, room, "T3", 4, false);
    LocalDate d = day(6);
    created(api.post("/api/v1/bookings", request(venue, t1, d, "19:00", 0, 2)));
    JsonObject refused = assertProblem(api.post("/api/v1/bookings", request(venue, t2, d, "19:10", 0, 2)), 409, "PACING_LIMIT", null);
    assertEquals("at most 1 parties may start between 19:00 and 19:15 in Dinner (1 already booked)", refused.getString("detail"));
    // The next quarter hour has its own place.
    JsonObject later = created(api.post("/api/v1/bookings", request(venue, t2, d, "19:15", 0, 2)));

    JsonObject over = created(api.post("/api/v1/bookings", request(venue, t3, d, "19:05", 0, 2).put("override_pacing", true)));
    JsonObject held = api.ok(api.get("/api/v1/bookings/" + over.getString("id") + "/history")).getJsonArray("entries").getJsonObject(0);
    assertEquals("booking.held", held.getString("event_type"));
    assertEquals("pacing overridden: at most 1 parties may start between 19:00 and 19:15 in Dinner (1 already booked)",
      held.getJsonObject("payload").getString("pacing_override"));

    // A move into the full quarter hour is refused the same way, and allowed with the override.
    JsonObject move = new JsonObject().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00"));
    assertProblem(api.post("/api/v1/bookings/" + later.getString("id") + "/reschedule", move), 409, "PACING_LIMIT", null);
    JsonObject moved = api.ok(api.post("/api/v1/bookings/" + later.getString("id") + "/reschedule", move.copy().put("override_pacing", true)));
    assertEquals("19:00", moved.getJsonObject("slot").getString("start_time"));
    JsonArray entries = api.ok(api.get("/api/v1/bookings/" + later.getString("id") + "/history")).getJsonArray("entries");
    assertTrue(entries.getJsonObject(entries.size() - 1).getJsonObject("payload").getString("pacing_override").startsWith("pacing overridden: "),
      entries.encode());
  }

  @Test
  void aCancelledBookingGivesItsPlaceBack() {
    String venue = pacedVenue();
    String room = Bookings.room(api, venue, "Main");
    String[] t1 = Bookings.table(api, room, "T1", 4, false);
    String[] t2 = Bookings.table(api, room, "T2", 4, false);
    LocalDate d = day(7);
    JsonObject first = created(api.post("/api/v1/bookings", request(venue, t1, d, "20:00", 0, 2)));
    assertProblem(api.post("/api/v1/bookings", request(venue, t2, d, "20:00", 0, 2)), 409, "PACING_LIMIT", null);
    api.ok(api.post("/api/v1/bookings/" + first.getString("id") + "/cancel", new JsonObject().put("reason", "changed plans")));
    created(api.post("/api/v1/bookings", request(venue, t2, d, "20:00", 0, 2)));
  }
}
