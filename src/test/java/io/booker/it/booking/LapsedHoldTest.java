package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NodeHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.hold;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A hold past its expiry never blocks anyone, whether or not anything expired it yet: a node with
 * 1-second holds and no sweeper at all (and none elsewhere: test classes run one after another).
 */
class LapsedHoldTest {

  @RegisterExtension
  static final NodeHarness unswept = NodeHarness.allInOne("eventbus", new JsonObject().put("booking", new JsonObject()
    .put("hold_ttl_seconds", 1).put("expiry", new JsonObject().put("enabled", false))));

  @Test
  void aLapsedHoldNobodySweptNeverBlocksAnyone() {
    ApiClient api = unswept.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    LocalDate d = day(21);
    String first = hold(api, request(venue, t, d, "19:00", 0, 2)).getString("id");
    awaitLapse(first);
    assertEquals("held", api.ok(api.get("/api/v1/bookings/" + first)).getString("status"), "no sweeper ran");

    JsonObject check = new JsonObject().put("venue_id", venue).put("party_size", 2)
      .put("slot", new JsonObject().put("date", d.toString()).put("start_time", "20:00"));
    JsonArray offers = api.ok(api.post("/api/v1/availability/check", check)).getJsonArray("tables");
    assertEquals(1, offers.size(), "availability offers the table: " + offers.encode());
    assertEquals(t[1], offers.getJsonObject(0).getJsonObject("table").getString("table_id"));

    // The Redis key of the lapsed hold may still be there: the database decides.
    String second = hold(api, request(venue, t, d, "19:00", 0, 2)).getString("id");
    JsonObject old = api.ok(api.get("/api/v1/bookings/" + first));
    assertEquals("expired", old.getString("status"), "expired in the transaction that took its table");
    assertEquals(List.of("booking.held", "booking.expired"), BookingDb.outboxTypes(first));
    assertEquals(1, BookingDb.activeOn(t[1]));
    assertEquals(second, BookingDb.rows("SELECT booking_id::text AS id FROM booking_tables WHERE active AND table_id = ?::uuid", t[1])
      .get(0).get("id"));
  }

  @Test
  void aLapsedHoldCannotBeConfirmedAndIsExpiredThen() {
    ApiClient api = unswept.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    String id = hold(api, request(venue, t, day(22), "19:00", 0, 2)).getString("id");
    awaitLapse(id);
    JsonObject p = assertProblem(Bookings.act(api, id, "confirm", new JsonObject()), 409, "HOLD_EXPIRED", null);
    assertTrue(p.getString("detail").startsWith("booking is held: the hold expired at"), p.encode());
    assertEquals("expired", api.ok(api.get("/api/v1/bookings/" + id)).getString("status"));
    assertEquals(List.of("booking.held", "booking.expired"), BookingDb.outboxTypes(id));
    assertProblem(Bookings.act(api, id, "reschedule", new JsonObject().put("slot", new JsonObject()
      .put("date", day(22).toString()).put("start_time", "20:00"))), 409, "HOLD_EXPIRED", null);
    assertProblem(Bookings.act(api, id, "confirm", new JsonObject()), 409, "HOLD_EXPIRED", null);
    assertEquals(List.of("booking.held", "booking.expired"), BookingDb.outboxTypes(id), "refusals emit nothing");
  }

  /** Waits until the database's clock is past the hold's expiry. */
  static void awaitLapse(String id) {
    Eventually.await("the hold to lapse", Duration.ofSeconds(10),
      () -> BookingDb.number("SELECT count(*) FROM bookings WHERE id = ?::uuid AND expires_at <= now()", id), n -> n == 1);
  }
}
