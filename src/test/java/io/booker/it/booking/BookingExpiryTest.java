package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.TestInfra;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.hold;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Holds lapse: the sweeper expires them, with their event, freeing the table and the Redis key;
 * and a confirm racing the sweeper has exactly one outcome. One node with 2-second holds, sweeping
 * every 100 ms. (A lapsed hold that nobody swept: {@link LapsedHoldTest}.)
 */
class BookingExpiryTest {

  @RegisterExtension
  static final NodeHarness swept = NodeHarness.allInOne("eventbus", new JsonObject().put("booking", new JsonObject()
    .put("hold_ttl_seconds", 2).put("expiry", new JsonObject().put("interval_ms", 100))));

  static Redis redis;

  @BeforeAll
  static void redis() {
    redis = Redis.createClient(swept.vertx(), TestInfra.endpoints().redisUri());
  }

  @AfterAll
  static void closeRedis() {
    redis.close();
  }

  @Test
  void theSweeperExpiresALapsedHoldWithItsEventAndFreesTheTable() {
    ApiClient api = swept.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    LocalDate d = day(20);
    JsonObject held = hold(api, request(venue, t, d, "19:00", 0, 2));
    String id = held.getString("id");
    String key = "hold:" + venue + ":" + t[1] + ":" + d + ":19:00";
    assertEquals(id, get(key), "the Redis hold carries the booking id");
    assertEquals(held.getLong("created_at") + 2, held.getLong("expires_at"), 1);

    JsonObject expired = Eventually.await("the hold to expire", Duration.ofSeconds(15),
      () -> api.ok(api.get("/api/v1/bookings/" + id)), b -> b.getString("status").equals("expired"));
    assertEquals(2, expired.getLong("version"));
    assertEquals(held.getLong("expires_at"), expired.getLong("expires_at"), "an expired hold keeps when it lapsed");
    assertEquals(0, BookingDb.activeOn(t[1]));
    assertNull(get(key), "the Redis hold is released");
    JsonArray entries = api.ok(api.get("/api/v1/bookings/" + id + "/history")).getJsonArray("entries");
    JsonObject last = entries.getJsonObject(entries.size() - 1);
    assertEquals("booking.expired", last.getString("event_type"));
    assertEquals("", last.getString("actor_id"), "the system did it");
    assertEquals("hold expired", last.getJsonObject("payload").getString("reason"));
    assertEquals(List.of("booking.held", "booking.expired"), BookingDb.outboxTypes(id));
    assertProblem(Bookings.act(api, id, "confirm", new JsonObject()), 409, "HOLD_EXPIRED", null);
    assertEquals(List.of("booking.held", "booking.expired"), BookingDb.outboxTypes(id), "a refused confirm emits nothing");
    hold(api, request(venue, t, d, "19:00", 0, 2));
  }

  /**
   * Confirms land right around the moment holds lapse while the sweeper runs every 100 ms: each
   * booking ends confirmed or expired, never both, and its answer, audit trail and events agree.
   */
  @Test
  void confirmRacingExpiryHasExactlyOneOutcome() {
    ApiClient api = swept.api();
    String venue = Bookings.venueOpenAllDay(api);
    String room = Bookings.room(api, venue, "R");
    int confirmed = 0;
    int expired = 0;
    for (int i = 0; i < 12; i++) {
      String[] t = Bookings.table(api, room, "T" + i, 4, false);
      String id = hold(api, request(venue, t, day(23), "19:00", 0, 2)).getString("id");
      // Aim at the lapse: from 60 ms before it to 60 ms after, spread over the rounds.
      long lapse = expiresAtMillis(id);
      long aim = lapse - 60 + (i * 120L) / 11;
      // Fired by a timer at the aimed moment, all three at once.
      Promise<Void> due = Promise.promise();
      swept.vertx().setTimer(Math.max(1, aim - System.currentTimeMillis()), timer -> due.complete());
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        calls.add(due.future().compose(v -> api.request("POST", "/api/v1/bookings/" + id + "/confirm")
          .sendJsonObject(new JsonObject())));
      }
      Future.join(calls).await();
      JsonObject end = Eventually.await("a final status", Duration.ofSeconds(10),
        () -> api.ok(api.get("/api/v1/bookings/" + id)), b -> !b.getString("status").equals("held"));
      String status = end.getString("status");
      List<String> events = BookingDb.outboxTypes(id);
      List<String> answers = new ArrayList<>();
      for (Future<HttpResponse<Buffer>> call : calls) {
        HttpResponse<Buffer> r = call.result();
        answers.add(r.statusCode() == 200 ? r.bodyAsJsonObject().getString("status") : r.bodyAsJsonObject().getString("code"));
      }
      if (status.equals("confirmed")) {
        confirmed++;
        assertEquals(List.of("booking.held", "booking.confirmed"), events);
        assertTrue(answers.stream().allMatch("confirmed"::equals), "every confirm saw it confirmed: " + answers);
        assertEquals(1, BookingDb.activeOn(t[1]));
      } else {
        expired++;
        assertEquals("expired", status);
        assertEquals(List.of("booking.held", "booking.expired"), events);
        assertTrue(answers.stream().allMatch(a -> a.equals("HOLD_EXPIRED") || a.equals("INVALID_TRANSITION")), "no confirm succeeded: " + answers);
        assertEquals(0, BookingDb.activeOn(t[1]));
      }
      List<Map<String, Object>> audit = BookingDb.rows("SELECT event_type, to_status, version FROM booking_events WHERE booking_id = ?::uuid ORDER BY id", id);
      assertEquals(2, audit.size(), audit::toString);
      assertEquals(status, audit.get(1).get("to_status"));
      assertEquals(2L, ((Number) audit.get(1).get("version")).longValue());
      assertEquals(2L, end.getLong("version"));
    }
    System.out.printf("confirm racing expiry: %d confirmed, %d expired%n", confirmed, expired);
  }

  private static long expiresAtMillis(String id) {
    return ((java.sql.Timestamp) BookingDb.rows("SELECT expires_at FROM bookings WHERE id = ?::uuid", id).get(0).get("expires_at")).getTime();
  }

  private static String get(String key) {
    Response r = redis.send(Request.cmd(Command.GET).arg(key)).await();
    return r == null ? null : r.toString();
  }
}
