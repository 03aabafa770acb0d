package io.booker.it.booking;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.act;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.done;
import static io.booker.it.support.Bookings.hold;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The booking life cycle through REST against one all-in-one node on real PostgreSQL, Redis and
 * Kafka: the JSON shape, validation, every transition, reschedule, lists, merged tables and
 * idempotency keys.
 */
class BookingRestTest {

  static final String BOOKINGS = "/api/v1/bookings";
  static final Set<String> BOOKING_FIELDS = Set.of("id", "venue_id", "table", "slot", "party_size", "customer_name",
    "customer_phone", "status", "comment", "admin_id", "created_at", "updated_at", "expires_at", "tables", "version",
    "customer_email", "cancel_reason", "starts_at", "ends_at", "combination_id");

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  /** A venue open around the clock with room A (A2, A4 mergeable; A6) and room B (B4 mergeable). */
  record Venue(String id, String roomA, String[] a2, String[] a4, String[] a6, String[] b4) {
    static Venue create() {
      String id = Bookings.venueOpenAllDay(api);
      String a = Bookings.room(api, id, "A");
      String b = Bookings.room(api, id, "B");
      return new Venue(id, a, Bookings.table(api, a, "A2", 2, true), Bookings.table(api, a, "A4", 4, true),
        Bookings.table(api, a, "A6", 6, false), Bookings.table(api, b, "B4", 4, true));
    }
  }

  @Test
  void aHoldIsAnsweredAsStoredInTheRestShape() {
    Venue v = Venue.create();
    LocalDate d = day(5);
    JsonObject body = request(v.id(), v.a4(), d, "19:30", 0, 3)
      .put("customer_name", "  Ada Lovelace  ").put("customer_email", "ada@example.com").put("comment", "window seat")
      .put("admin_id", "host-7");
    long before = System.currentTimeMillis() / 1000;
    JsonObject b = hold(api, body);

    assertEquals(BOOKING_FIELDS, b.fieldNames(), "every field, snake_case");
    assertEquals("held", b.getString("status"));
    assertEquals(1, b.getLong("version"));
    assertEquals(v.id(), b.getString("venue_id"));
    JsonObject ref = new JsonObject().put("venue_id", v.id()).put("room_id", v.a4()[0]).put("table_id", v.a4()[1]);
    assertEquals(ref, b.getJsonObject("table"), "the table ref carries venue, room and table");
    assertEquals(new JsonArray().add(ref), b.getJsonArray("tables"));
    assertEquals(new JsonObject().put("date", d.toString()).put("start_time", "19:30").put("duration_minutes", 120), b.getJsonObject("slot"),
      "HH:MM and the default duration");
    assertEquals(3, b.getInteger("party_size"));
    assertEquals("Ada Lovelace", b.getString("customer_name"), "trimmed");
    assertEquals("+81 3 1234 5678", b.getString("customer_phone"));
    assertEquals("ada@example.com", b.getString("customer_email"));
    assertEquals("window seat", b.getString("comment"));
    assertEquals(TestTokens.ADMIN_ID, b.getString("admin_id"), "the caller made it, whatever the body says");
    assertEquals("", b.getString("cancel_reason"));
    assertTrue(b.getValue("created_at") instanceof Integer || b.getValue("created_at") instanceof Long, "Unix seconds as integers");
    long created = b.getLong("created_at");
    assertTrue(created >= before - 5 && created <= before + 5, "created now: " + created);
    assertEquals(created, b.getLong("updated_at"));
    assertEquals(created + 15 * 60, b.getLong("expires_at"), 1, "held for HOLD_TTL_MINUTES (15)");
    long start = d.atTime(19, 30).atZone(Bookings.TOKYO).toEpochSecond();
    assertEquals(start, b.getLong("starts_at"), "the slot placed in the venue's zone");
    assertEquals(start + 7200, b.getLong("ends_at"));

    assertEquals(b, api.ok(api.get(BOOKINGS + "/" + b.getString("id"))), "read back as answered");
    assertEquals(1, BookingDb.activeOn(v.a4()[1]));
    assertEquals(List.of("booking.held"), BookingDb.outboxTypes(b.getString("id")));
  }

  @Test
  void everyFieldIsValidatedAndNamed() {
    Venue v = Venue.create();
    LocalDate d = day(6);
    JsonObject ok = request(v.id(), v.a4(), d, "19:00", 0, 2);
    assertInvalid("venue_id", ok.copy().put("venue_id", "nope"));
    assertInvalid("table", without(ok, "table"));
    assertInvalid("table.table_id", ok.copy().put("table", new JsonObject().put("table_id", "x")));
    assertInvalid("table.room_id", ok.copy().put("table", new JsonObject().put("table_id", v.a4()[1]).put("room_id", "x")));
    assertInvalid("table.venue_id", ok.copy().put("table", new JsonObject().put("table_id", v.a4()[1]).put("venue_id", UUID.randomUUID().toString())));
    assertInvalid("slot", without(ok, "slot"));
    assertInvalid("slot.date", ok.copy().put("slot", new JsonObject().put("date", "2026-02-30").put("start_time", "19:00")));
    assertInvalid("slot.date", ok.copy().put("slot", new JsonObject().put("date", d + "T19:00").put("start_time", "19:00")));
    assertInvalid("slot.start_time", ok.copy().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "7:00")));
    assertInvalid("slot.start_time", ok.copy().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00:00")));
    assertInvalid("slot.duration_minutes", ok.copy().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00").put("duration_minutes", 7)));
    assertInvalid("party_size", ok.copy().put("party_size", 0));
    assertInvalid("party_size", ok.copy().put("party_size", 101));
    assertInvalid("party_size", ok.copy().put("party_size", 5), "A4 seats 4");
    assertInvalid("customer_name", ok.copy().put("customer_name", "   "));
    assertInvalid("customer_name", ok.copy().put("customer_name", "x".repeat(201)));
    assertInvalid("customer_phone", ok.copy().put("customer_phone", "call me"));
    assertInvalid("customer_email", ok.copy().put("customer_email", "not-an-email"));
    assertInvalid("comment", ok.copy().put("comment", "x".repeat(1001)));
    assertInvalid("merged_with_table.table_id", ok.copy().put("merged_with_table", new JsonObject().put("table_id", v.a4()[1])));
    assertInvalid("merged_with_table", ok.copy().put("merged_with_table", new JsonObject().put("table_id", v.a6()[1])), "A6 cannot merge");
    assertInvalid("merged_with_table", ok.copy().put("merged_with_table", new JsonObject().put("table_id", v.b4()[1])), "another room");
    assertInvalid("slot", request(v.id(), v.a4(), Bookings.day(-1), "19:00", 0, 2), "in the past");
    assertInvalid("idempotency_key", ok.copy().put("idempotency_key", "has space"));

    String closedVenue = Bookings.venue(api, "18:00", "22:00");
    String[] t = Bookings.table(api, Bookings.room(api, closedVenue, "R"), "T", 4, false);
    assertInvalid("slot", request(closedVenue, t, d, "21:00", 0, 2), "runs past 22:00");
    assertInvalid("slot", request(closedVenue, t, d, "12:00", 0, 2), "before opening");

    assertProblem(api.post(BOOKINGS, ok.copy().put("venue_id", UUID.randomUUID().toString()).put("table",
      new JsonObject().put("table_id", v.a4()[1]))), 404, "NOT_FOUND", null);
    assertProblem(api.post(BOOKINGS, request(v.id(), t, d, "19:00", 0, 2).put("table", new JsonObject().put("table_id", t[1]))),
      404, "NOT_FOUND", null);
    assertProblem(api.send("POST", BOOKINGS, "{not json"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.send("POST", BOOKINGS, "null"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.send("POST", BOOKINGS, "[]"), 400, "INVALID_ARGUMENT", null);
    assertEquals(0, BookingDb.activeOn(v.a4()[1]), "nothing was booked by any of these");
  }

  /** Start status (reached through the API), action, expected HTTP status, code, resulting status. */
  @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
  @CsvSource({
    "held,      confirm,  200, ,                   confirmed",
    "held,      cancel,   200, ,                   cancelled",
    "held,      seat,     409, INVALID_TRANSITION, held",
    "held,      finish,   409, INVALID_TRANSITION, held",
    "held,      no-show,  409, INVALID_TRANSITION, held",
    "confirmed, confirm,  200, ,                   confirmed",
    "confirmed, cancel,   200, ,                   cancelled",
    "confirmed, seat,     200, ,                   seated",
    "confirmed, finish,   409, INVALID_TRANSITION, confirmed",
    "confirmed, no-show,  409, INVALID_TRANSITION, confirmed",
    "seated,    confirm,  409, INVALID_TRANSITION, seated",
    "seated,    cancel,   409, INVALID_TRANSITION, seated",
    "seated,    seat,     200, ,                   seated",
    "seated,    finish,   200, ,                   finished",
    "seated,    no-show,  409, INVALID_TRANSITION, seated",
    "finished,  confirm,  409, INVALID_TRANSITION, finished",
    "finished,  cancel,   409, INVALID_TRANSITION, finished",
    "finished,  seat,     409, INVALID_TRANSITION, finished",
    "finished,  finish,   200, ,                   finished",
    "finished,  no-show,  409, INVALID_TRANSITION, finished",
    "cancelled, confirm,  409, INVALID_TRANSITION, cancelled",
    "cancelled, cancel,   200, ,                   cancelled",
    "cancelled, seat,     409, INVALID_TRANSITION, cancelled",
    "cancelled, finish,   409, INVALID_TRANSITION, cancelled",
    "cancelled, no-show,  409, INVALID_TRANSITION, cancelled",
  })
  void transitionMatrix(String from, String action, int status, String code, String after) {
    Venue v = Venue.create();
    JsonObject b = reach(from, hold(api, request(v.id(), v.a2(), day(7), "12:00", 0, 2)));
    String id = b.getString("id");
    List<String> eventsBefore = BookingDb.outboxTypes(id);

    HttpResponse<Buffer> r = act(api, id, action, new JsonObject().put("admin_id", "staff-1"));
    JsonObject now = api.ok(api.get(BOOKINGS + "/" + id));
    assertEquals(after, now.getString("status"));
    if (code != null) {
      JsonObject p = assertProblem(r, status, code, null);
      assertTrue(p.getString("detail").contains("booking is " + from), "names the current status: " + p.encode());
      assertEquals(b, now, "a refused action changes nothing");
      assertEquals(eventsBefore, BookingDb.outboxTypes(id), "and emits nothing");
    } else if (from.equals(after)) {
      assertEquals(200, r.statusCode());
      assertEquals(b, r.bodyAsJsonObject(), "repeating a transition answers the booking unchanged");
      assertEquals(eventsBefore, BookingDb.outboxTypes(id), "and emits nothing");
    } else {
      assertEquals(200, r.statusCode(), r::bodyAsString);
      assertEquals(now, r.bodyAsJsonObject(), "the answer is the booking as stored");
      assertEquals(b.getLong("version") + 1, now.getLong("version"), "one version per change");
      List<String> expected = new ArrayList<>(eventsBefore);
      expected.add("booking." + after);
      assertEquals(expected, BookingDb.outboxTypes(id), "one event per change");
      assertEquals(after.equals("cancelled") || after.equals("finished") ? 0 : 1, BookingDb.activeOn(v.a2()[1]),
        "the table is freed when the booking ends");
      assertEquals(0L, now.getLong("expires_at"), "no expiry once the booking is no longer a hold");
    }
  }

  @Test
  void aNoShowOnlyOnceTheBookingHasStarted() {
    Venue v = Venue.create();
    JsonObject b = reach("confirmed", hold(api, request(v.id(), v.a2(), day(8), "12:00", 0, 2)));
    JsonObject early = assertProblem(act(api, b.getString("id"), "no-show", new JsonObject()), 409, "INVALID_TRANSITION", null);
    assertTrue(early.getString("detail").contains("once it has started"), early.encode());

    Seed.moveIntoThePast(b.getString("id"), 1);
    JsonObject noShow = done(api, b.getString("id"), "no-show");
    assertEquals("no_show", noShow.getString("status"));
    assertEquals(0, BookingDb.activeOn(v.a2()[1]));
    assertEquals("no_show", done(api, b.getString("id"), "no-show").getString("status"), "repeated: unchanged");
  }

  @Test
  void anActionNeedsNoBodyButABodyMustBeAnObject() {
    Venue v = Venue.create();
    String id = hold(api, request(v.id(), v.a2(), day(8), "14:00", 0, 2)).getString("id");
    assertProblem(api.send("POST", BOOKINGS + "/" + id + "/confirm", "null"), 400, "INVALID_ARGUMENT", null);
    assertProblem(api.send("POST", BOOKINGS + "/" + id + "/cancel", "\"reason\""), 400, "INVALID_ARGUMENT", null);
    HttpResponse<Buffer> bare = api.request("POST", BOOKINGS + "/" + id + "/confirm").send().await();
    assertEquals(200, bare.statusCode(), bare::bodyAsString);
    assertEquals("confirmed", bare.bodyAsJsonObject().getString("status"));
  }

  /** Each change is recorded as its caller's, whatever admin_id the body names. */
  @Test
  void theHistoryTellsWhoDidWhatWhen() {
    Venue v = Venue.create();
    ApiClient host1 = api.as(TestTokens.bearer(new Caller("host-1", Role.HOST, Set.of(v.id()))));
    ApiClient host2 = api.as(TestTokens.bearer(new Caller("host-2", Role.HOST, Set.of(v.id()))));
    ApiClient manager3 = api.as(TestTokens.bearer(new Caller("manager-3", Role.MANAGER, Set.of(v.id()))));
    String id = hold(host1, request(v.id(), v.a4(), day(9), "20:00", 0, 2).put("admin_id", "someone-else")).getString("id");
    assertEquals(200, act(host2, id, "confirm", new JsonObject().put("admin_id", "host-1")).statusCode());
    HttpResponse<Buffer> cancel = act(manager3, id, "cancel", new JsonObject().put("reason", " guest called "));
    assertEquals("guest called", api.ok(cancel).getString("cancel_reason"));

    JsonObject history = api.ok(api.get(BOOKINGS + "/" + id + "/history"));
    assertEquals(id, history.getString("booking_id"));
    JsonArray entries = history.getJsonArray("entries");
    assertEquals(3, entries.size(), entries::encodePrettily);
    assertEntry(entries.getJsonObject(0), "booking.held", "host-1", "", "held", 1);
    assertEntry(entries.getJsonObject(1), "booking.confirmed", "host-2", "held", "confirmed", 2);
    assertEntry(entries.getJsonObject(2), "booking.cancelled", "manager-3", "confirmed", "cancelled", 3);
    assertEquals("guest called", entries.getJsonObject(2).getJsonObject("payload").getString("reason"));
    assertEquals(2, entries.getJsonObject(0).getJsonObject("payload").getInteger("party_size"), "the payload is a JSON object");

    assertProblem(api.get(BOOKINGS + "/" + UUID.randomUUID() + "/history"), 404, "NOT_FOUND", null);
    assertProblem(api.get(BOOKINGS + "/not-a-uuid/history"), 400, "INVALID_ARGUMENT", "id");
    assertProblem(api.get(BOOKINGS + "/" + UUID.randomUUID()), 404, "NOT_FOUND", null);
    assertProblem(act(api, UUID.randomUUID().toString(), "confirm", new JsonObject()), 404, "NOT_FOUND", null);
  }

  @Test
  void rescheduleMovesTheBookingOrLeavesItExactlyAsItWas() {
    Venue v = Venue.create();
    LocalDate d = day(10);
    JsonObject b = hold(api, request(v.id(), v.a4(), d, "18:00", 0, 2));
    String id = b.getString("id");
    JsonObject other = reach("confirmed", hold(api, request(v.id(), v.a4(), d, "21:00", 0, 2)));

    // Onto a slot that overlaps the other booking: refused, and nothing changed.
    JsonObject clash = assertProblem(act(api, id, "reschedule", slot(d, "20:00", 0)), 409, "SLOT_TAKEN", null);
    assertTrue(clash.getString("detail").contains("A4"), clash.encode());
    assertEquals(b, api.ok(api.get(BOOKINGS + "/" + id)), "a conflict leaves the booking exactly as it was");

    JsonObject later = api.ok(act(api, id, "reschedule", slot(d, "15:00", 90).put("admin_id", "host-9")));
    assertEquals("15:00", later.getJsonObject("slot").getString("start_time"));
    assertEquals(90, later.getJsonObject("slot").getInteger("duration_minutes"));
    assertEquals(2, later.getLong("version"));
    assertEquals("held", later.getString("status"));
    assertEquals(b.getLong("expires_at"), later.getLong("expires_at"), "a hold keeps its expiry");
    // The old slot is free again.
    hold(api, request(v.id(), v.a4(), d, "18:00", 0, 2));

    // To another table (of another room), then a confirmed booking onto a merged pair.
    JsonObject moved = api.ok(act(api, id, "reschedule", new JsonObject().put("table", new JsonObject().put("table_id", v.b4()[1]))));
    assertEquals(v.b4()[1], moved.getJsonObject("table").getString("table_id"));
    assertEquals(v.b4()[0], moved.getJsonObject("table").getString("room_id"), "the room comes from the venue");
    assertEquals("15:00", moved.getJsonObject("slot").getString("start_time"), "the slot stays");
    JsonObject pair = api.ok(act(api, other.getString("id"), "reschedule", new JsonObject()
      .put("slot", new JsonObject().put("date", d.toString()).put("start_time", "12:00"))
      .put("table", new JsonObject().put("table_id", v.a2()[1])).put("merged_with_table", new JsonObject().put("table_id", v.a4()[1]))));
    assertEquals("confirmed", pair.getString("status"));
    assertEquals(2, pair.getJsonArray("tables").size());
    assertEquals(1, BookingDb.activeOn(v.a2()[1]));

    JsonObject history = api.ok(api.get(BOOKINGS + "/" + id + "/history"));
    JsonObject rescheduled = history.getJsonArray("entries").getJsonObject(1);
    assertEntry(rescheduled, "booking.rescheduled", TestTokens.ADMIN_ID, "held", "held", 2); // the caller, not the body's host-9
    assertEquals("18:00", rescheduled.getJsonObject("payload").getJsonObject("from").getJsonObject("slot").getString("start_time"));
    assertEquals("15:00", rescheduled.getJsonObject("payload").getJsonObject("to").getJsonObject("slot").getString("start_time"));

    // Only held and confirmed bookings move; a move without a new slot or table is invalid.
    JsonObject seated = reach("seated", hold(api, request(v.id(), v.a6(), d, "12:00", 0, 2)));
    assertProblem(act(api, seated.getString("id"), "reschedule", slot(d, "13:00", 0)), 409, "INVALID_TRANSITION", null);
    assertProblem(act(api, id, "reschedule", new JsonObject()), 400, "INVALID_ARGUMENT", "slot");
    assertProblem(act(api, id, "reschedule", slot(d, "25:00", 0)), 400, "INVALID_ARGUMENT", "slot.start_time");
    assertEquals(List.of("booking.held", "booking.rescheduled", "booking.rescheduled"), BookingDb.outboxTypes(id));
  }

  @Test
  void aMergedPairOccupiesBothTables() {
    Venue v = Venue.create();
    LocalDate d = day(11);
    JsonObject pair = hold(api, Bookings.pairRequest(v.id(), v.a2(), v.a4(), d, "19:00", 0, 6));
    assertEquals(v.a2()[1], pair.getJsonObject("table").getString("table_id"), "the table asked for comes first");
    assertEquals(List.of(v.a2()[1], v.a4()[1]), tableIds(pair));
    assertProblem(api.post(BOOKINGS, request(v.id(), v.a4(), d, "20:00", 0, 2)), 409, "SLOT_TAKEN", null);
    assertProblem(api.post(BOOKINGS, request(v.id(), v.a2(), d, "18:00", 0, 2)), 409, "SLOT_TAKEN", null);
    assertProblem(api.post(BOOKINGS, Bookings.pairRequest(v.id(), v.a4(), v.a2(), d, "20:30", 0, 6)), 409, "SLOT_TAKEN", null);

    done(api, pair.getString("id"), "cancel");
    assertEquals(0, BookingDb.activeOn(v.a2()[1]) + BookingDb.activeOn(v.a4()[1]), "both tables are free again");
    hold(api, request(v.id(), v.a4(), d, "20:00", 0, 2));
  }

  @Test
  void listsFilterByDateStatusAndTableInTimeOrder() {
    Venue v = Venue.create();
    LocalDate d1 = day(12);
    LocalDate d2 = day(13);
    String late = hold(api, request(v.id(), v.a2(), d1, "21:00", 0, 2)).getString("id");
    String early = reach("confirmed", hold(api, request(v.id(), v.a4(), d1, "11:00", 0, 2))).getString("id");
    String pair = hold(api, Bookings.pairRequest(v.id(), v.a2(), v.a4(), d1, "14:00", 0, 5)).getString("id");
    String nextDay = reach("cancelled", hold(api, request(v.id(), v.a6(), d2, "12:00", 0, 2))).getString("id");

    assertEquals(List.of(early, pair, late, nextDay), ids(list("venue_id=" + v.id())));
    assertEquals(List.of(early, pair, late), ids(list("venue_id=" + v.id() + "&date=" + d1)));
    assertEquals(List.of(pair, late), ids(list("venue_id=" + v.id() + "&status=held")));
    assertEquals(List.of(early, pair, late), ids(list("venue_id=" + v.id() + "&status=held,confirmed")));
    assertEquals(List.of(early, nextDay), ids(list("venue_id=" + v.id() + "&status=confirmed&status=cancelled")));
    assertEquals(List.of(early, pair), ids(list("venue_id=" + v.id() + "&table_id=" + v.a4()[1])), "a pair counts for both its tables");
    assertEquals(List.of(pair, late), ids(list("venue_id=" + v.id() + "&table_id=" + v.a2()[1] + "&date=" + d1 + "&status=held")));

    JsonObject page = api.ok(api.get(BOOKINGS + "?venue_id=" + v.id() + "&limit=2&offset=1"));
    assertEquals(4, page.getInteger("total"));
    assertEquals(List.of(pair, late), ids(page.getJsonArray("bookings")));
    JsonObject beyond = api.ok(api.get(BOOKINGS + "?venue_id=" + v.id() + "&offset=10"));
    assertEquals(4, beyond.getInteger("total"), "the total also past the last page");
    assertEquals(0, beyond.getJsonArray("bookings").size());

    assertProblem(api.get(BOOKINGS), 400, "INVALID_ARGUMENT", "venue_id");
    assertProblem(api.get(BOOKINGS + "?venue_id=" + v.id() + "&status=gone"), 400, "INVALID_ARGUMENT", "status");
    assertProblem(api.get(BOOKINGS + "?venue_id=" + v.id() + "&date=tomorrow"), 400, "INVALID_ARGUMENT", "date");
    assertProblem(api.get(BOOKINGS + "?venue_id=" + v.id() + "&table_id=1"), 400, "INVALID_ARGUMENT", "table_id");
    assertProblem(api.get(BOOKINGS + "?venue_id=" + v.id() + "&limit=0"), 400, "INVALID_ARGUMENT", "limit");
    assertProblem(api.get(BOOKINGS + "?venue_id=" + v.id() + "&offset=-1"), 400, "INVALID_ARGUMENT", "offset");
  }

  @Test
  void anIdempotencyKeyGivesTheFirstAnswerAgain() {
    Venue v = Venue.create();
    LocalDate d = day(14);
    JsonObject body = request(v.id(), v.a4(), d, "19:00", 0, 2);
    String key = "create-" + UUID.randomUUID();
    JsonObject first = api.created(BOOKINGS, withKey(body, key));
    HttpResponse<Buffer> retry = keyed(key, BOOKINGS, body);
    assertEquals(201, retry.statusCode(), retry::bodyAsString);
    assertEquals(first, retry.bodyAsJsonObject(), "the same key and body: the first answer");
    done(api, first.getString("id"), "confirm");
    assertEquals(first, keyed(key, BOOKINGS, body).bodyAsJsonObject(), "still the first answer after the booking changed");

    assertProblem(keyed(key, BOOKINGS, body.copy().put("party_size", 3)), 422, "IDEMPOTENCY_KEY_REUSED", null);
    assertProblem(api.post(BOOKINGS, body.copy().put("idempotency_key", key).put("party_size", 3)), 422, "IDEMPOTENCY_KEY_REUSED", null);
    HttpResponse<Buffer> both = api.request("POST", BOOKINGS).putHeader("Idempotency-Key", key)
      .sendJsonObject(body.copy().put("idempotency_key", "other")).await();
    assertProblem(both, 400, "INVALID_ARGUMENT", "idempotency_key");
    // The ignored admin_id is not part of the request: naming another one is a retry of the same.
    assertEquals(first, keyed(key, BOOKINGS, body.copy().put("admin_id", "someone-else")).bodyAsJsonObject());
    // Scoped to the authenticated user: another user's identical key is another key.
    JsonObject otherRequest = body.copy().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "12:00"));
    HttpResponse<Buffer> otherUser = api.as(TestTokens.bearer(new Caller("other-user", Role.HOST, Set.of(v.id()))))
      .request("POST", BOOKINGS).putHeader("Idempotency-Key", key).sendJsonObject(otherRequest).await();
    assertEquals(201, otherUser.statusCode(), otherUser::bodyAsString);

    // Transitions take keys too.
    String cancelKey = "cancel-" + UUID.randomUUID();
    HttpResponse<Buffer> cancelled = keyed(cancelKey, BOOKINGS + "/" + first.getString("id") + "/cancel", new JsonObject().put("reason", "r1"));
    assertEquals(200, cancelled.statusCode(), cancelled::bodyAsString);
    assertEquals(cancelled.bodyAsJsonObject(), keyed(cancelKey, BOOKINGS + "/" + first.getString("id") + "/cancel",
      new JsonObject().put("reason", "r1")).bodyAsJsonObject());
    assertProblem(keyed(cancelKey, BOOKINGS + "/" + first.getString("id") + "/cancel", new JsonObject().put("reason", "r2")),
      422, "IDEMPOTENCY_KEY_REUSED", null);
  }

  /**
   * The header is taken as sent: never URL-decoded ({@code 100%} used to be a 500, {@code %41} is
   * not {@code A}) nor parsed as JSON ({@code [1]}, {@code a"b} used to be refused). Every key the
   * document's pattern allows works, and a retry with it gives the first answer.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
    "100%", "%41", "a\"b", "[1]", "a\\b", "{}", "true", "12", "null", "~!@#$%^&*()_+`-={}[]:;'<>?,./"})
  void everyKeyTheDocumentAllowsIsAKeyAsSent(String raw) {
    Venue v = Venue.create();
    String key = raw + "-" + UUID.randomUUID();
    JsonObject body = request(v.id(), v.a4(), day(16), "19:00", 0, 2);
    HttpResponse<Buffer> first = keyed(key, BOOKINGS, body);
    assertEquals(201, first.statusCode(), first::bodyAsString);
    HttpResponse<Buffer> retry = keyed(key, BOOKINGS, body);
    assertEquals(201, retry.statusCode(), retry::bodyAsString);
    assertEquals(first.bodyAsJsonObject().getString("id"), retry.bodyAsJsonObject().getString("id"), "the same key: the first booking");
    HttpResponse<Buffer> bare = keyed(raw, BOOKINGS, request(v.id(), v.a4(), day(16), "12:00", 0, 2));
    assertEquals(201, bare.statusCode(), bare::bodyAsString);
    assertNotEquals(first.bodyAsJsonObject().getString("id"), bare.bodyAsJsonObject().getString("id"), "another key is another booking");
  }

  @Test
  void aKeyTheDocumentRefusesIsA400NamingTheHeader() {
    Venue v = Venue.create();
    JsonObject body = request(v.id(), v.a4(), day(16), "20:00", 0, 2);
    for (String key : List.of("a b", "x".repeat(256), "caf\u00e9")) {
      assertProblem(keyed(key, BOOKINGS, body), 400, "INVALID_ARGUMENT", "idempotency-key");
    }
    HttpResponse<Buffer> twice = api.request("POST", BOOKINGS).putHeader("Idempotency-Key", List.of("k1", "k2")).sendJsonObject(body).await();
    assertProblem(twice, 400, "INVALID_ARGUMENT", "idempotency-key");
    assertEquals(0, list("venue_id=" + v.id()).size(), "nothing was booked");
    assertEquals(201, keyed("x".repeat(255), BOOKINGS, body).statusCode(), "255 characters are allowed");
  }

  @Test
  void twentyConcurrentDuplicatesMakeOneBooking() {
    Venue v = Venue.create();
    JsonObject body = request(v.id(), v.a6(), day(15), "19:00", 0, 4);
    String key = "dup-" + UUID.randomUUID();
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(api.request("POST", BOOKINGS).putHeader("Idempotency-Key", key).sendJsonObject(body));
    }
    Future.join(calls).await();
    Set<String> ids = new HashSet<>();
    for (Future<HttpResponse<Buffer>> call : calls) {
      HttpResponse<Buffer> r = call.result();
      if (r.statusCode() == 201) {
        ids.add(r.bodyAsJsonObject().getString("id"));
      } else {
        assertProblem(r, 409, "DUPLICATE_IN_FLIGHT", null);
      }
    }
    assertEquals(1, ids.size(), "every duplicate that was answered got the same booking");
    assertEquals(1, BookingDb.activeOn(v.a6()[1]), "one booking in the database");
    assertEquals(1, BookingDb.number("SELECT count(*) FROM bookings WHERE table_id = ?::uuid", v.a6()[1]));
  }

  /** Round trips, counted by the services' own metrics while one request runs. */
  @Test
  void aCreateCostsOneVenueCallOneRedisRoundTripAndOneTransaction() {
    Venue v = Venue.create();
    LocalDate d = day(16);
    hold(api, request(v.id(), v.a6(), d, "12:00", 0, 2)); // warm every path once

    Map<String, Double> before = costs();
    JsonObject pair = hold(api, Bookings.pairRequest(v.id(), v.a2(), v.a4(), d, "19:00", 0, 5));
    Map<String, Double> create = delta(before, costs());
    assertEquals(1.0, create.get("venue ResolveBookingSlot"), "one venue call: " + create);
    assertEquals(0.0, create.get("venue CheckTableAvailability"), "the write path never asks availability: " + create);
    assertEquals(1.0, create.get("redis hold_acquire"), "one Redis round trip for both tables: " + create);
    assertEquals(1.0, create.get("booking insert_hold"), "one transaction: " + create);
    assertEquals(1.0, create.get("booking (all)"), "and no other booking query: " + create);

    before = costs();
    done(api, pair.getString("id"), "confirm");
    Map<String, Double> confirm = delta(before, costs());
    assertEquals(2.0, confirm.get("booking (all)"), "a confirm reads the booking and writes it in one statement: " + confirm);
    Map<String, Double> start = before;
    Eventually.await("both holds given back in one round trip", java.time.Duration.ofSeconds(5),
      () -> delta(start, costs()).get("redis hold_release"), n -> n == 1.0);
    assertEquals(0.0, confirm.get("venue ResolveBookingSlot"));
  }

  /** The background workers' own queries: the hold sweeper, the outbox relay and its backlog gauge. */
  static final java.util.Set<String> BACKGROUND = java.util.Set.of("expire_holds", "outbox_relay_batch", "outbox_backlog");

  /** Counters of the round trips a booking makes (the background workers' queries left out). */
  static Map<String, Double> costs() {
    Map<String, Double> out = new java.util.TreeMap<>();
    out.put("venue ResolveBookingSlot", sum("grpc_server_requests", "method", "ResolveBookingSlot"));
    out.put("venue CheckTableAvailability", sum("grpc_server_requests", "method", "CheckTableAvailability"));
    out.put("redis hold_acquire", sum("redis_operations", "operation", "hold_acquire"));
    out.put("redis hold_release", sum("redis_operations", "operation", "hold_release"));
    out.put("booking insert_hold", sum("database_queries", "operation", "insert_hold"));
    double booking = 0;
    for (var c : io.booker.platform.metrics.Metrics.registry().find("database_queries").tag("service", "booking").counters()) {
      if (!BACKGROUND.contains(c.getId().getTag("operation"))) {
        booking += c.count();
      }
    }
    out.put("booking (all)", booking);
    return out;
  }

  static double sum(String name, String tag, String value) {
    return io.booker.platform.metrics.Metrics.registry().find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new java.util.TreeMap<>();
    after.forEach((k, v) -> out.put(k, v - before.get(k)));
    return out;
  }

  // ---- helpers

  /** Takes a fresh hold to {@code status} through the API; answers the booking as it is then. */
  static JsonObject reach(String status, JsonObject held) {
    String id = held.getString("id");
    return switch (status) {
      case "held" -> held;
      case "confirmed" -> done(api, id, "confirm");
      case "cancelled" -> done(api, id, "cancel");
      case "seated" -> {
        done(api, id, "confirm");
        yield done(api, id, "seat");
      }
      case "finished" -> {
        reach("seated", held);
        yield done(api, id, "finish");
      }
      default -> throw new IllegalArgumentException(status);
    };
  }

  static JsonObject slot(LocalDate d, String start, int minutes) {
    JsonObject slot = new JsonObject().put("date", d.toString()).put("start_time", start);
    if (minutes > 0) {
      slot.put("duration_minutes", minutes);
    }
    return new JsonObject().put("slot", slot);
  }

  static void assertInvalid(String field, JsonObject body) {
    assertInvalid(field, body, "");
  }

  static void assertInvalid(String field, JsonObject body, String why) {
    HttpResponse<Buffer> r = api.post(BOOKINGS, body);
    assertEquals(400, r.statusCode(), () -> why + " " + body.encode() + " -> " + r.bodyAsString());
    assertProblem(r, 400, "INVALID_ARGUMENT", field);
  }

  static JsonObject without(JsonObject body, String field) {
    JsonObject copy = body.copy();
    copy.remove(field);
    return copy;
  }

  static JsonObject withKey(JsonObject body, String key) {
    return body.copy().put("idempotency_key", key);
  }

  static HttpResponse<Buffer> keyed(String key, String path, JsonObject body) {
    return api.request("POST", path).putHeader("Idempotency-Key", key).sendJsonObject(body).await();
  }

  static JsonArray list(String query) {
    return api.ok(api.get(BOOKINGS + "?" + query)).getJsonArray("bookings");
  }

  static List<String> ids(JsonArray bookings) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < bookings.size(); i++) {
      out.add(bookings.getJsonObject(i).getString("id"));
    }
    return out;
  }

  static List<String> tableIds(JsonObject booking) {
    List<String> out = new ArrayList<>();
    booking.getJsonArray("tables").forEach(t -> out.add(((JsonObject) t).getString("table_id")));
    return out;
  }

  static void assertEntry(JsonObject e, String type, String actor, String from, String to, long version) {
    assertEquals(type, e.getString("event_type"), e::encode);
    assertEquals(actor, e.getString("actor_id"), e::encode);
    assertEquals(from, e.getString("from_status"), e::encode);
    assertEquals(to, e.getString("to_status"), e::encode);
    assertEquals(version, e.getLong("version"), e::encode);
    assertTrue(e.getLong("created_at") > 1_700_000_000L, e::encode);
  }

}
