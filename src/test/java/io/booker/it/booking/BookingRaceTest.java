package io.booker.it.booking;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.TestNodes;
import io.booker.platform.metrics.Metrics;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.booker.it.support.ApiClient.assertProblem;
import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Racing clients on a two-node cluster (Hazelcast, both nodes in this JVM, each with gateway,
 * venue and booking): requests alternate between the two gateways and the event bus spreads the
 * service calls over both booking services. Whatever the Redis holds say or whether Redis is there
 * at all, exactly one booking wins a table, and audit trail, events and state agree. The cluster
 * has a Redis server of its own, so this test can take it away.
 */
class BookingRaceTest {

  static final int RACERS = 50;

  static EmbeddedRedisServer redisServer;
  static int redisPort;
  static TestNodes.Started nodeA;
  static TestNodes.Started nodeB;
  static Vertx client;
  static WebClient web;
  static ApiClient api;
  static Redis redis;

  @BeforeAll
  static void startCluster() {
    redisServer = EmbeddedRedisServer.start(0, null, false);
    redisPort = redisServer.port();
    int hz = TestNodes.freeRange(2);
    JsonObject extra = new JsonObject()
      .put("cluster", new JsonObject().put("enabled", true).put("name", "race-" + java.util.UUID.randomUUID()).put("host", "127.0.0.1")
        .put("port", hz).put("members", new JsonArray().add("127.0.0.1:" + hz).add("127.0.0.1:" + (hz + 1))))
      .put("infra", new JsonObject().put("redis", new JsonObject().put("host", "127.0.0.1").put("port", redisPort)));
    nodeA = TestNodes.allInOne("eventbus", extra.copy().put("node", new JsonObject().put("name", "race-a")));
    nodeB = TestNodes.allInOne("eventbus", extra.copy().put("node", new JsonObject().put("name", "race-b")));
    client = Vertx.vertx();
    // Every call as an admin; the authorisation matrix is AccessMatrixTest's.
    web = WebClientSession.create(WebClient.create(client, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(RACERS))).addHeader("authorization", TestTokens.admin());
    api = new ApiClient(web, nodeA.httpPort());
    redis = Redis.createClient(client, "redis://127.0.0.1:" + redisPort);
    Eventually.await("both booking services on the bus", java.time.Duration.ofSeconds(30),
      () -> nodeA.node().vertx().isClustered() && nodeB.node().vertx().isClustered(), up -> up);
  }

  @AfterAll
  static void stopCluster() {
    // Whatever started, even when the start failed half-way.
    if (client != null) {
      client.close().await();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    if (redisServer != null) {
      redisServer.close();
    }
  }

  @Test
  void fiftyCreatesForOneTableMakeOneBooking() {
    Fixture f = Fixture.create();
    LocalDate d = day(30);
    List<HttpResponse<Buffer>> answers = race(i -> request(f.venue, f.t1, d, "19:00", 0, 2));
    assertOneWinner(answers, f.t1);
  }

  @Test
  void overlappingStartTimesAlsoMakeOneBooking() {
    Fixture f = Fixture.create();
    LocalDate d = day(31);
    // Twenty start times 19:00 to 20:35, two hours each: every pair overlaps.
    List<HttpResponse<Buffer>> answers = race(i -> request(f.venue, f.t1, d, String.format("%02d:%02d", 19 + (i % 20) * 5 / 60, (i % 20) * 5 % 60), 0, 2));
    assertOneWinner(answers, f.t1);
  }

  @Test
  void holdsDeletedMidRaceStillMakeOneBooking() {
    Fixture f = Fixture.create();
    LocalDate d = day(32);
    AtomicBoolean racing = new AtomicBoolean(true);
    AtomicInteger deleted = new AtomicInteger();
    Thread vandal = new Thread(() -> {
      String key = "hold:" + f.venue + ":" + f.t1[1] + ":" + d + ":19:00";
      while (racing.get()) {
        Response r = redis.send(Request.cmd(Command.DEL).arg(key)).await();
        deleted.addAndGet(r.toInteger());
      }
    });
    vandal.start();
    List<HttpResponse<Buffer>> answers;
    try {
      answers = race(i -> request(f.venue, f.t1, d, "19:00", 0, 2));
    } finally {
      racing.set(false);
    }
    assertOneWinner(answers, f.t1);
    System.out.println("holds deleted mid-race: " + deleted.get());
  }

  @Test
  void aMergedPairRacingSinglesOfItsTablesMakesOneBooking() {
    Fixture f = Fixture.create();
    LocalDate d = day(33);
    List<HttpResponse<Buffer>> answers = race(i -> i % 2 == 0
      ? Bookings.pairRequest(f.venue, f.t1, f.t2, d, "19:00", 0, 6)
      : request(f.venue, f.t2, d, "19:30", 0, 2));
    List<JsonObject> won = winners(answers);
    assertEquals(1, won.size(), () -> "one winner: " + codes(answers));
    long t1 = BookingDb.activeOn(f.t1[1]);
    long t2 = BookingDb.activeOn(f.t2[1]);
    if (won.get(0).getJsonArray("tables").size() == 2) {
      assertEquals(List.of(1L, 1L), List.of(t1, t2), "the pair occupies both tables");
    } else {
      assertEquals(List.of(0L, 1L), List.of(t1, t2), "the single occupies its table, and the pair got neither");
    }
    assertEquals(1, BookingDb.number("SELECT count(*) FROM bookings WHERE venue_id = ?::uuid AND status = 'held'", f.venue));
  }

  /**
   * A table combination (T1+T2+T3) racing single-table bookings of two of its tables at overlapping
   * times: never two active bookings on one table, and exactly one winner per table set: either the
   * combination (every one of its tables, no single) or singles only (at most one per table).
   */
  @Test
  void aCombinationRacingSinglesOfItsTablesNeverDoubleBooksATable() {
    Fixture f = Fixture.create();
    String room = f.t1()[0];
    String[] t3 = Bookings.table(api, room, "T3", 4, false);
    String combination = api.created("/api/v1/rooms/" + room + "/combinations", new JsonObject()
      .put("table_ids", new JsonArray().add(f.t1()[1]).add(f.t2()[1]).add(t3[1])).put("min_party_size", 7).put("max_party_size", 12))
      .getString("id");
    LocalDate d = day(70);
    JsonObject onCombination = new JsonObject().put("venue_id", f.venue()).put("combination_id", combination)
      .put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00")).put("party_size", 9).put("customer_name", "Party");
    List<HttpResponse<Buffer>> answers = race(i -> switch (i % 3) {
      case 0 -> onCombination.copy();
      case 1 -> request(f.venue(), f.t2(), d, "19:30", 0, 2);
      default -> request(f.venue(), t3, d, "18:30", 0, 2);
    });
    List<JsonObject> won = winners(answers);
    List<JsonObject> combinations = won.stream().filter(b -> combination.equals(b.getString("combination_id"))).toList();
    assertFalse(won.isEmpty(), () -> "someone wins: " + codes(answers));
    for (String[] t : List.of(f.t1(), f.t2(), t3)) {
      assertTrue(BookingDb.activeOn(t[1]) <= 1, "never two active bookings on one table");
    }
    if (!combinations.isEmpty()) {
      assertEquals(1, won.size(), () -> "the combination won, so no single did: " + codes(answers));
      JsonObject b = combinations.get(0);
      assertEquals(List.of(f.t1()[1], f.t2()[1], t3[1]),
        b.getJsonArray("tables").stream().map(t -> ((JsonObject) t).getString("table_id")).toList(), "every table, in its order");
      assertEquals(List.of(1L, 1L, 1L), List.of(BookingDb.activeOn(f.t1()[1]), BookingDb.activeOn(f.t2()[1]), BookingDb.activeOn(t3[1])));
      assertEquals(b, api.ok(api.get("/api/v1/bookings/" + b.getString("id"))), "as stored");
    } else {
      assertTrue(won.size() <= 2, () -> "singles only, at most one per table: " + codes(answers));
      assertEquals(2, won.stream().map(b -> b.getJsonObject("table").getString("table_id")).distinct().count() + (2 - won.size()),
        "the single winners hold different tables");
      assertEquals(0, BookingDb.activeOn(f.t1()[1]), "T1 was only ever asked for with the combination");
    }
    assertEquals(won.size(), BookingDb.number("SELECT count(*) FROM bookings WHERE venue_id = ?::uuid AND status = 'held'", f.venue()));
  }

  @Test
  void cancelRacingConfirmEndsOneWayAndEverythingAgrees() {
    Fixture f = Fixture.create();
    for (int round = 0; round < 8; round++) {
      String id = Bookings.hold(api, request(f.venue, f.t1, day(34 + round), "19:00", 0, 2)).getString("id");
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String action = i % 2 == 0 ? "confirm" : "cancel";
        calls.add(web.post(i % 4 < 2 ? nodeA.httpPort() : nodeB.httpPort(), "127.0.0.1", "/api/v1/bookings/" + id + "/" + action)
          .sendJsonObject(new JsonObject()));
      }
      Future.join(calls).await();
      JsonObject end = api.ok(api.get("/api/v1/bookings/" + id));
      assertEquals("cancelled", end.getString("status"), "cancel wins in the end, before or after a confirm");
      List<String> audit = auditTypes(id);
      List<String> events = BookingDb.outboxTypes(id);
      assertEquals(audit, events, "one event per audited change");
      boolean wasConfirmed = audit.equals(List.of("booking.held", "booking.confirmed", "booking.cancelled"));
      assertTrue(wasConfirmed || audit.equals(List.of("booking.held", "booking.cancelled")), audit::toString);
      assertEquals(audit.size(), end.getLong("version"), "one version per change");
      for (int i = 0; i < calls.size(); i++) {
        HttpResponse<Buffer> r = calls.get(i).result();
        if (i % 2 == 1) {
          assertEquals(200, r.statusCode(), "cancel is allowed from held and confirmed: " + r.bodyAsString());
        } else if (r.statusCode() == 200) {
          assertTrue(wasConfirmed, "a confirm answered 200 only if the booking was confirmed");
          assertEquals("confirmed", r.bodyAsJsonObject().getString("status"));
        } else {
          assertProblem(r, 409, "INVALID_TRANSITION", null);
        }
      }
    }
  }

  @Test
  void rescheduleRacingCreatesOnTheTargetSlotMakesOneWinner() {
    Fixture f = Fixture.create();
    for (int round = 0; round < 6; round++) {
      LocalDate d = day(45 + round);
      String id = Bookings.hold(api, request(f.venue, f.t1, d, "12:00", 0, 2)).getString("id");
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int port = i % 2 == 0 ? nodeA.httpPort() : nodeB.httpPort();
        calls.add(i == 5
          ? web.post(port, "127.0.0.1", "/api/v1/bookings/" + id + "/reschedule")
              .sendJsonObject(new JsonObject().put("slot", new JsonObject().put("date", d.toString()).put("start_time", "19:00")))
          : web.post(port, "127.0.0.1", "/api/v1/bookings").sendJsonObject(request(f.venue, f.t1, d, "19:00", 0, 2)));
      }
      Future.join(calls).await();
      HttpResponse<Buffer> move = calls.get(5).result();
      int created = 0;
      for (int i = 0; i < calls.size(); i++) {
        if (i != 5) {
          HttpResponse<Buffer> r = calls.get(i).result();
          if (r.statusCode() == 201) {
            created++;
          } else {
            assertProblem(r, 409, "SLOT_TAKEN", null);
          }
        }
      }
      JsonObject moved = api.ok(api.get("/api/v1/bookings/" + id));
      if (move.statusCode() == 200) {
        assertEquals(0, created, "the move won the 19:00 slot");
        assertEquals("19:00", moved.getJsonObject("slot").getString("start_time"));
        assertEquals(List.of("booking.held", "booking.rescheduled"), BookingDb.outboxTypes(id));
      } else {
        assertProblem(move, 409, "SLOT_TAKEN", null);
        assertEquals(1, created, "a create won the 19:00 slot");
        assertEquals("12:00", moved.getJsonObject("slot").getString("start_time"), "the loser is exactly as it was");
        assertEquals(1, moved.getLong("version"));
        assertEquals(List.of("booking.held"), BookingDb.outboxTypes(id));
      }
      assertEquals(1, BookingDb.number("SELECT count(*) FROM bookings WHERE table_id = ?::uuid AND slot_date = ? "
        + "AND start_time = '19:00' AND status = 'held'", f.t1[1], d), "one booking holds 19:00");
    }
  }

  /**
   * A block of T1's whole day, sent to node B amid {@value #RACERS} creates of T1 (each for its own
   * half hour) alternating between both gateways, made with allow_overlap so it always lands: the
   * active bookings inside it are exactly those its answer lists, and every other create was refused
   * TABLE_BLOCKED, whichever node's booking service served it (see docs/seating.md).
   */
  @Test
  void aBlockRacingCreatesOnBothNodesLetsNoBookingInAfterIt() {
    Fixture f = Fixture.create();
    LocalDate d = day(70);
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    Future<HttpResponse<Buffer>> block = null;
    for (int i = 0; i < RACERS; i++) {
      if (i == RACERS / 3) {
        block = web.post(nodeB.httpPort(), "127.0.0.1", "/api/v1/venues/" + f.venue + "/blocks").sendJsonObject(new JsonObject()
          .put("table_ids", new JsonArray().add(f.t1[1])).put("date", d.toString()).put("start_time", "00:00").put("end_time", "00:00")
          .put("reason", "race").put("allow_overlap", true));
      }
      String start = String.format("%02d:%02d", i / 3, i % 3 * 20);
      calls.add(web.post(i % 2 == 0 ? nodeA.httpPort() : nodeB.httpPort(), "127.0.0.1", "/api/v1/bookings")
        .sendJsonObject(request(f.venue, f.t1, d, start, 20, 2)));
    }
    Future.join(calls).await();
    HttpResponse<Buffer> made = block.await();
    assertEquals(201, made.statusCode(), made::bodyAsString);
    List<String> created = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> c : calls) {
      HttpResponse<Buffer> r = c.result();
      if (r.statusCode() == 201) {
        created.add(r.bodyAsJsonObject().getString("id"));
      } else {
        assertProblem(r, 409, "TABLE_BLOCKED", null);
      }
    }
    List<String> listed = made.bodyAsJsonObject().getJsonArray("overlapping_booking_ids").stream().map(String::valueOf).sorted().toList();
    assertEquals(created.stream().sorted().toList(), listed, "the bookings made are exactly those the block found");
    assertEquals(created.size(), BookingDb.activeOn(f.t1[1]));
    System.out.println("block race on two nodes: " + RACERS + " creates, made before the block " + created.size()
      + ", refused TABLE_BLOCKED " + (RACERS - created.size()));
  }

  /** Stops the cluster's Redis for the race and starts it again afterwards. */
  @Test
  void withRedisStoppedBookingGoesOnAndStillMakesOneBooking() {
    Fixture f = Fixture.create();
    LocalDate d = day(60);
    double bypassedBefore = bypassed();
    redisServer.close();
    try {
      List<HttpResponse<Buffer>> answers = race(i -> request(f.venue, f.t1, d, "19:00", 0, 2));
      assertOneWinner(answers, f.t1);
      // Another table is still bookable, and confirming works too: Redis is never a reason to refuse.
      String id = Bookings.hold(api, request(f.venue, f.t2, d, "19:00", 0, 2)).getString("id");
      assertEquals("confirmed", Bookings.done(api, id, "confirm").getString("status"));
      assertTrue(bypassed() > bypassedBefore, "bypassed holds are counted");
    } finally {
      redisServer = EmbeddedRedisServer.start(redisPort, null, false);
    }
  }

  // ---- helpers

  /** A venue whose dinner (every day, 18:00-23:00) lets at most {@code maxParties} parties start per quarter hour, with one table per racer. */
  static String[][] pacedVenue(int maxParties) {
    String venue = Bookings.venueOpenAllDay(api);
    String room = Bookings.room(api, venue, "R");
    api.ok(api.put("/api/v1/venues/" + venue + "/seating", new JsonObject().put("periods", new JsonArray().add(new JsonObject()
      .put("name", "Dinner").put("weekdays", new JsonArray("[0,1,2,3,4,5,6]")).put("start_time", "18:00").put("end_time", "23:00")
      .put("last_seating", "22:00").put("pacing", new JsonObject().put("interval_minutes", 15).put("max_parties", maxParties))))));
    String[][] tables = new String[RACERS + 1][];
    tables[0] = new String[]{venue};
    for (int i = 1; i <= RACERS; i++) {
      tables[i] = Bookings.table(api, room, "T" + i, 4, false);
    }
    return tables;
  }

  /** Exactly {@code winners} creates were made; every other one was refused for the pacing, naming the cap. */
  static void assertPacingHeld(List<HttpResponse<Buffer>> answers, int winners) {
    int made = 0;
    for (HttpResponse<Buffer> r : answers) {
      if (r.statusCode() == 201) {
        made++;
      } else {
        JsonObject p = assertProblem(r, 409, "PACING_LIMIT", null);
        assertTrue(p.getString("detail").startsWith("at most " + winners + " parties may start between 19:00 and 19:15"), p.encode());
      }
    }
    assertEquals(winners, made, "the pacing's cap, exactly");
  }

  @Test
  void fiftyCreatesIntoOneQuarterHourWithRoomForFiveMakeFiveOnTwoNodes() {
    String[][] v = pacedVenue(5);
    LocalDate d = day(33);
    // Different tables and start times, all in 19:00-19:15: only the pacing can refuse them.
    List<HttpResponse<Buffer>> answers = race(i -> request(v[0][0], v[i + 1], d, String.format("19:%02d", i % 15), 60, 2));
    assertPacingHeld(answers, 5);
  }

  @Test
  void fiftyCreatesIntoOneQuarterHourWithRoomForFiveMakeFiveOnOneNode() {
    String[][] v = pacedVenue(5);
    LocalDate d = day(34);
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      calls.add(web.post(nodeA.httpPort(), "127.0.0.1", "/api/v1/bookings").sendJsonObject(request(v[0][0], v[i + 1], d, "19:00", 60, 2)));
    }
    Future.join(calls).await();
    assertPacingHeld(calls.stream().map(Future::result).toList(), 5);
  }

  record Fixture(String venue, String[] t1, String[] t2) {
    static Fixture create() {
      String venue = Bookings.venueOpenAllDay(api);
      String room = Bookings.room(api, venue, "R");
      return new Fixture(venue, Bookings.table(api, room, "T1", 4, true), Bookings.table(api, room, "T2", 4, true));
    }
  }

  /** {@value #RACERS} creates at once, alternating between the two gateways. */
  static List<HttpResponse<Buffer>> race(java.util.function.IntFunction<JsonObject> body) {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      calls.add(web.post(i % 2 == 0 ? nodeA.httpPort() : nodeB.httpPort(), "127.0.0.1", "/api/v1/bookings").sendJsonObject(body.apply(i)));
    }
    Future.join(calls).await();
    return calls.stream().map(Future::result).toList();
  }

  static void assertOneWinner(List<HttpResponse<Buffer>> answers, String[] table) {
    List<JsonObject> won = winners(answers);
    assertEquals(1, won.size(), () -> "exactly one 201: " + codes(answers));
    assertEquals(1, BookingDb.activeOn(table[1]), "one active booking in the database");
    String id = won.get(0).getString("id");
    assertEquals(List.of("booking.held"), BookingDb.outboxTypes(id));
    assertEquals(1, BookingDb.number("SELECT count(*) FROM bookings WHERE table_id = ?::uuid AND status = 'held'", table[1]));
  }

  /** The 201 answers; every other answer must be a 409 SLOT_TAKEN naming the table. */
  static List<JsonObject> winners(List<HttpResponse<Buffer>> answers) {
    List<JsonObject> won = new ArrayList<>();
    for (HttpResponse<Buffer> r : answers) {
      if (r.statusCode() == 201) {
        won.add(r.bodyAsJsonObject());
      } else {
        JsonObject p = assertProblem(r, 409, "SLOT_TAKEN", null);
        assertTrue(p.getString("detail").startsWith("table T"), p.encode());
      }
    }
    return won;
  }

  static Map<Integer, Long> codes(List<HttpResponse<Buffer>> answers) {
    return answers.stream().collect(java.util.stream.Collectors.groupingBy(HttpResponse::statusCode, java.util.stream.Collectors.counting()));
  }

  static List<String> auditTypes(String id) {
    List<String> out = new ArrayList<>();
    BookingDb.rows("SELECT event_type FROM booking_events WHERE booking_id = ?::uuid ORDER BY id", id)
      .forEach(r -> out.add((String) r.get("event_type")));
    return out;
  }

  static double bypassed() {
    return Metrics.registry().find("booking_holds_bypassed").counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
