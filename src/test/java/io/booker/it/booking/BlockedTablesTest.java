package io.booker.it.booking;

import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.hold;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Blocked tables through REST on one all-in-one node with real PostgreSQL: made for tables or a
 * room, listed, enforced on create, reschedule and availability, refused over active bookings
 * unless flagged, removed; and raced against creates on the same table, where the database alone
 * decides which comes first.
 */
class BlockedTablesTest {

  static final Set<String> BLOCK_FIELDS = Set.of("id", "venue_id", "room_id", "table_ids", "starts_at", "ends_at", "reason",
    "created_by", "created_at", "overlapping_booking_ids");

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** A venue in Tokyo (UTC+9) open around the clock: room A with T1 and T2, room B with T3. */
  record Venue(String id, String roomA, String roomB, String[] t1, String[] t2, String[] t3) {
    static Venue create() {
      String id = Bookings.venueOpenAllDay(api);
      String a = Bookings.room(api, id, "A");
      String b = Bookings.room(api, id, "B");
      return new Venue(id, a, b, Bookings.table(api, a, "T1", 4, false), Bookings.table(api, a, "T2", 4, false),
        Bookings.table(api, b, "T3", 4, false));
    }

    String blocks() {
      return "/api/v1/venues/" + id + "/blocks";
    }
  }

  static JsonObject block(String[] table, LocalDate date, String start, String end, String reason) {
    return new JsonObject().put("table_ids", new JsonArray().add(table[1])).put("date", date.toString()).put("start_time", start)
      .put("end_time", end).put("reason", reason);
  }

  /** Unix seconds of a Tokyo wall-clock time. */
  static long tokyo(LocalDate date, String time) {
    return date.atTime(java.time.LocalTime.parse(time)).atZone(Bookings.TOKYO).toEpochSecond();
  }

  @Test
  void aBlockIsMadeListedEnforcedAndRemoved() {
    Venue v = Venue.create();
    LocalDate d = day(5);
    JsonObject k = api.created(v.blocks(), block(v.t1(), d, "19:00", "21:00", "  broken chair "));

    assertEquals(BLOCK_FIELDS, k.fieldNames(), "every field, snake_case");
    assertEquals(v.id(), k.getString("venue_id"));
    assertEquals("", k.getString("room_id"));
    assertEquals(new JsonArray().add(v.t1()[1]), k.getJsonArray("table_ids"));
    assertEquals(tokyo(d, "19:00"), k.getLong("starts_at"));
    assertEquals(tokyo(d, "21:00"), k.getLong("ends_at"));
    assertEquals("broken chair", k.getString("reason"), "trimmed");
    assertEquals(new JsonArray(), k.getJsonArray("overlapping_booking_ids"));
    String id = k.getString("id");

    assertEquals(List.of(id), ids(api.ok(api.get(v.blocks() + "?date=" + d))));
    assertEquals(List.of(), ids(api.ok(api.get(v.blocks() + "?date=" + d.plusDays(1)))));
    assertEquals(List.of(id), ids(api.ok(api.get(v.blocks() + "?from=" + tokyo(d, "20:59") + "&to=" + tokyo(d, "23:00")))));
    assertEquals(List.of(), ids(api.ok(api.get(v.blocks() + "?from=" + tokyo(d, "21:00") + "&to=" + tokyo(d, "23:00")))), "[start, end)");
    JsonObject listed = api.ok(api.get(v.blocks())).getJsonArray("blocks").getJsonObject(0);
    assertEquals(k, listed, "the blocks to come, as made");

    // A booking inside it is refused, neutrally; one touching it, or on another table, is not.
    JsonObject p = assertProblem(api.post("/api/v1/bookings", request(v.id(), v.t1(), d, "18:00", 90, 2)), 409, "TABLE_BLOCKED", null);
    assertEquals("table T1 is blocked from 19:00 to 21:00", p.getString("detail"));
    hold(api, request(v.id(), v.t1(), d, "21:00", 60, 2));
    hold(api, request(v.id(), v.t1(), d, "17:00", 120, 2));
    String other = hold(api, request(v.id(), v.t2(), d, "19:00", 120, 2)).getString("id");
    assertProblem(Bookings.act(api, other, "reschedule", new JsonObject().put("table", new JsonObject().put("table_id", v.t1()[1]))),
      409, "TABLE_BLOCKED", null);
    assertEquals(v.t2()[1], api.ok(api.get("/api/v1/bookings/" + other)).getJsonObject("table").getString("table_id"), "not moved");

    // Availability skips it.
    JsonObject slot = new JsonObject().put("date", d.toString()).put("start_time", "19:30").put("duration_minutes", 60);
    JsonObject tables = api.ok(api.post("/api/v1/availability/tables", new JsonObject().put("venue_id", v.id())
      .put("table_ids", new JsonArray().add(v.t1()[1]).add(v.t3()[1])).put("slot", slot)));
    JsonObject t1 = tables.getJsonArray("tables").getJsonObject(0);
    assertEquals(false, t1.getBoolean("available"), tables::encode);
    assertFalse(tables.encode().contains("broken chair"), "availability never tells the reason");
    assertEquals(true, tables.getJsonArray("tables").getJsonObject(1).getBoolean("available"), tables::encode);
    JsonObject offered = api.ok(api.post("/api/v1/availability/check", new JsonObject().put("venue_id", v.id()).put("slot", slot)
      .put("party_size", 2)));
    assertFalse(offered.encode().contains(v.t1()[1]), () -> "T1 is not offered: " + offered.encode());
    assertTrue(offered.encode().contains(v.t3()[1]), offered::encode);

    assertEquals(204, api.delete("/api/v1/blocks/" + id).statusCode());
    assertProblem(api.delete("/api/v1/blocks/" + id), 404, "NOT_FOUND", null);
    assertEquals(List.of(), ids(api.ok(api.get(v.blocks() + "?date=" + d))));
    hold(api, request(v.id(), v.t1(), d, "19:00", 120, 2));

    assertEquals(List.of("block.created", "block.deleted"), BookingDb.outboxTypes(id), "both events, keyed by the block");
  }

  @Test
  void aRoomBlockPastMidnightTakesEveryTableTheRoomHas() {
    Venue v = Venue.create();
    LocalDate d = day(6);
    JsonObject k = api.created(v.blocks(), new JsonObject().put("room_id", v.roomA()).put("date", d.toString())
      .put("start_time", "22:00").put("end_time", "02:00").put("reason", "wedding"));

    assertEquals(v.roomA(), k.getString("room_id"));
    assertEquals(new TreeSet<>(List.of(v.t1()[1], v.t2()[1])), new TreeSet<>(k.getJsonArray("table_ids").getList()));
    assertEquals(tokyo(d.plusDays(1), "02:00") - tokyo(d, "22:00"), k.getLong("ends_at") - k.getLong("starts_at"));
    assertProblem(api.post("/api/v1/bookings", request(v.id(), v.t2(), d.plusDays(1), "01:00", 60, 2)), 409, "TABLE_BLOCKED", null);
    hold(api, request(v.id(), v.t2(), d.plusDays(1), "02:00", 60, 2));
    hold(api, request(v.id(), v.t3(), d.plusDays(1), "01:00", 60, 2));
  }

  @Test
  void overActiveBookingsABlockIsRefusedUnlessFlaggedAndThenListsThem() {
    Venue v = Venue.create();
    LocalDate d = day(7);
    String held = hold(api, request(v.id(), v.t1(), d, "19:00", 120, 2)).getString("id");
    String confirmed = Bookings.confirmed(api, request(v.id(), v.t2(), d, "20:00", 120, 2)).getString("id");
    Bookings.cancelled(api, request(v.id(), v.t1(), d, "12:00", 120, 2));
    JsonObject wholeRoom = new JsonObject().put("room_id", v.roomA()).put("date", d.toString()).put("start_time", "10:00")
      .put("end_time", "23:00").put("reason", "private event");

    JsonObject p = assertProblem(api.post(v.blocks(), wholeRoom), 409, "BLOCK_OVERLAPS_BOOKINGS", null);
    assertTrue(p.getString("detail").startsWith("the block overlaps 2 active bookings: "), p::encode);
    assertTrue(p.getString("detail").contains(held) && p.getString("detail").contains(confirmed), p::encode);
    assertEquals(List.of(), ids(api.ok(api.get(v.blocks() + "?date=" + d))), "nothing was made");

    JsonObject k = api.created(v.blocks(), wholeRoom.copy().put("allow_overlap", true));
    assertEquals(new JsonArray(new ArrayList<>(new TreeSet<>(List.of(held, confirmed)))), k.getJsonArray("overlapping_booking_ids"));
    assertEquals("held", api.ok(api.get("/api/v1/bookings/" + held)).getString("status"), "the bookings stay");
    assertEquals(new JsonArray(), api.ok(api.get(v.blocks() + "?date=" + d)).getJsonArray("blocks").getJsonObject(0)
      .getJsonArray("overlapping_booking_ids"), "only the answer to the create lists them");
  }

  @Test
  void badBlocksAreRefusedNamingTheFieldAndOnlyManagersOfTheVenueMakeThem() {
    Venue v = Venue.create();
    LocalDate d = day(8);
    assertProblem(api.post(v.blocks(), block(v.t1(), d, "19:00", "21:00", "r".repeat(201))), 400, "INVALID_ARGUMENT", "reason");
    long from = tokyo(d, "12:00");
    assertProblem(api.post(v.blocks(), new JsonObject().put("table_ids", new JsonArray().add(v.t1()[1])).put("from", from)
      .put("to", from + 31 * 86_400L + 1).put("reason", "x")), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.post(v.blocks(), new JsonObject().put("table_ids", new JsonArray().add(v.t1()[1])).put("from", from)
      .put("to", from).put("reason", "x")), 400, "INVALID_ARGUMENT", null);
    Venue other = Venue.create();
    assertProblem(api.post(v.blocks(), block(other.t1(), d, "19:00", "21:00", "x")), 404, "NOT_FOUND", null);
    assertProblem(api.get(v.blocks() + "?from=" + from), 400, "INVALID_ARGUMENT", "to");

    ApiClient host = api.as(TestTokens.bearer(new io.booker.common.access.Caller("host-" + UUID.randomUUID(), Role.HOST, Set.of(v.id()))));
    ApiClient manager = api.as(TestTokens.bearer(new io.booker.common.access.Caller("mgr-" + UUID.randomUUID(), Role.MANAGER, Set.of(v.id()))));
    ApiClient stranger = api.as(TestTokens.bearer(new io.booker.common.access.Caller("mgr-" + UUID.randomUUID(), Role.MANAGER, Set.of(other.id()))));
    assertProblem(host.post(v.blocks(), block(v.t1(), d, "19:00", "21:00", "x")), 403, "PERMISSION_DENIED", null);
    assertProblem(stranger.post(v.blocks(), block(v.t1(), d, "19:00", "21:00", "x")), 404, "NOT_FOUND", null);
    String id = manager.created(v.blocks(), block(v.t1(), d, "19:00", "21:00", "x")).getString("id");
    assertEquals(List.of(id), ids(host.ok(host.get(v.blocks()))), "hosts read them");
    assertProblem(stranger.get(v.blocks()), 404, "NOT_FOUND", null);
    assertProblem(host.delete("/api/v1/blocks/" + id), 403, "PERMISSION_DENIED", null);
    assertProblem(stranger.delete("/api/v1/blocks/" + id), 404, "NOT_FOUND", null);
    assertEquals(204, manager.delete("/api/v1/blocks/" + id).statusCode());
  }

  /**
   * Creates on one table, each for its own half hour of a day, race a block of that whole day, made
   * without the overlap flag in even rounds (it must then be refused, or leave no active booking in
   * it) and with it in odd rounds (every active booking in it must be one its answer lists). Either
   * way a create is made or refused TABLE_BLOCKED, and none slips in after the block.
   */
  @Test
  void aBlockRacingCreatesOnItsTableLetsNoBookingInAfterIt() {
    int rounds = 6;
    int racers = 40;
    Venue v = Venue.create();
    int made = 0;
    int refused = 0;
    int blocksMade = 0;
    for (int round = 0; round < rounds; round++) {
      LocalDate d = day(20 + round);
      boolean flagged = round % 2 == 1;
      List<Future<HttpResponse<Buffer>>> creates = new ArrayList<>();
      Future<HttpResponse<Buffer>> blockCall = null;
      for (int i = 0; i < racers; i++) {
        if (i == racers / 4) {
          blockCall = api.request("POST", v.blocks()).sendJsonObject(block(v.t1(), d, "00:00", "00:00", "race " + round)
            .put("allow_overlap", flagged));
        }
        String start = String.format("%02d:%02d", i / 2, i % 2 * 30);
        creates.add(api.request("POST", "/api/v1/bookings").sendJsonObject(request(v.id(), v.t1(), d, start, 30, 2)));
      }
      Future.join(new ArrayList<Future<?>>(creates)).otherwiseEmpty().await();
      HttpResponse<Buffer> blocked = blockCall.await();
      int roundMade = 0;
      for (Future<HttpResponse<Buffer>> c : creates) {
        HttpResponse<Buffer> r = c.result();
        if (r.statusCode() == 201) {
          roundMade++;
        } else {
          assertProblem(r, 409, "TABLE_BLOCKED", null);
        }
      }
      Set<String> inside = activeInside(v.t1()[1], tokyo(d, "00:00"), tokyo(d.plusDays(1), "00:00"));
      assertEquals(roundMade, inside.size(), "every booking made is on that day");
      if (blocked.statusCode() == 201) {
        blocksMade++;
        JsonObject k = blocked.bodyAsJsonObject();
        Set<String> listed = new TreeSet<>(k.getJsonArray("overlapping_booking_ids").getList());
        assertEquals(listed, inside, "the active bookings in the block are exactly those it overlapped when it was made");
        if (!flagged) {
          assertEquals(Set.of(), inside, "without the flag, a block is made only over no booking");
        }
      } else {
        assertFalse(flagged, "with the flag, a block is always made");
        JsonObject p = assertProblem(blocked, 409, "BLOCK_OVERLAPS_BOOKINGS", null);
        assertTrue(roundMade > 0, p::encode);
        assertEquals(roundMade, racers, "no block: nothing refused the creates");
      }
      made += roundMade;
      refused += racers - roundMade;
      System.out.printf("block race round %d (allow_overlap=%s): block %d, creates made %d, refused TABLE_BLOCKED %d%n",
        round, flagged, blocked.statusCode(), roundMade, racers - roundMade);
    }
    System.out.printf("block race: %d rounds x %d creates + 1 block each; blocks made %d, creates made %d, refused %d%n",
      rounds, racers, blocksMade, made, refused);
    assertTrue(blocksMade >= rounds / 2, "every flagged block is made");
  }

  /** The active bookings (held in time, confirmed, seated) of a table overlapping [from, to), by id. */
  static Set<String> activeInside(String tableId, long from, long to) {
    Set<String> out = new TreeSet<>();
    BookingDb.rows("SELECT bt.booking_id::text AS id FROM booking_tables bt JOIN bookings b ON b.id = bt.booking_id "
        + "WHERE bt.active AND bt.table_id = ?::uuid AND bt.during && tstzrange(to_timestamp(?), to_timestamp(?), '[)') "
        + "AND NOT (b.status = 'held' AND b.expires_at <= now())", tableId, from, to)
      .forEach(r -> out.add((String) r.get("id")));
    return out;
  }

  static List<String> ids(JsonObject list) {
    return list.getJsonArray("blocks").stream().map(k -> ((JsonObject) k).getString("id")).toList();
  }
}
