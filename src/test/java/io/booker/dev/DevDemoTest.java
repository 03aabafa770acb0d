package io.booker.dev;

import io.booker.it.support.TestNodes;
import io.booker.testinfra.UsesInfrastructure;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The demo venue of scripts/run, seeded through the real API of a real node, once per .devdata. */
@UsesInfrastructure
class DevDemoTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static TestNodes.Started node;
  static Vertx client;
  static WebClient web;

  @BeforeAll
  static void start() {
    node = TestNodes.allInOne("eventbus");
    client = Vertx.vertx();
    web = WebClient.create(client);
  }

  @AfterAll
  static void stop() {
    client.close().await();
    node.close();
  }

  @Test
  void theFirstStartSeedsAVenueWithRoomsTablesHoursAndTheComingServicesBookingsAndTheSecondDoesNot(@TempDir Path devdata) {
    DevDemo.Seeded seeded = DevDemo.seedOnce(node.node().vertx(), node.httpPort(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD,
      devdata, LONDON);
    assertNotNull(seeded);
    assertTrue(Files.exists(devdata.resolve(DevDemo.MARKER)));
    String venue = seeded.venueId();

    JsonObject v = get("/api/v1/venues/" + venue);
    assertEquals(DevDemo.VENUE_NAME, v.getString("name"));
    assertEquals("Europe/London", v.getString("timezone"));
    assertEquals(2, get("/api/v1/venues/" + venue + "/rooms").getJsonArray("rooms").size());
    JsonArray tables = get("/api/v1/venues/" + venue + "/tables").getJsonArray("tables");
    assertEquals(8, tables.size());
    tables.stream().map(JsonObject.class::cast).forEach(t -> assertNotNull(t.getJsonObject("position"), () -> "placed on the plan: " + t.encode()));
    assertEquals(14, get("/api/v1/venues/" + venue + "/schedule").getJsonArray("days").size(), "lunch and dinner, every day");

    JsonArray bookings = get("/api/v1/bookings?venue_id=" + venue + "&limit=50").getJsonArray("bookings");
    Map<String, Long> byStatus = bookings.stream().map(JsonObject.class::cast)
      .collect(Collectors.groupingBy(b -> b.getString("status"), Collectors.counting()));
    assertEquals(Map.of("confirmed", 4L, "seated", 1L, "cancelled", 1L), byStatus);
    long now = Instant.now().getEpochSecond();
    bookings.stream().map(JsonObject.class::cast).forEach(b -> {
      assertTrue(b.getLong("starts_at") > now, b::encode);
      assertFalse(b.getString("customer_email").isEmpty());
    });

    assertNull(DevDemo.seedOnce(node.node().vertx(), node.httpPort(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD, devdata, LONDON),
      "seeded once per .devdata");
  }

  @Test
  void bookingsGoToTheNextServiceWithRoomForThemTodayOrTomorrow() {
    Function<String, List<ZonedDateTime>> startsAt = at -> DevDemo.starts(java.time.Clock.fixed(
      ZonedDateTime.parse(at).toInstant(), LONDON), 6);
    assertEquals(List.of("11:30", "12:00", "12:30", "13:00", "13:30", "18:00"),
      startsAt.apply("2026-06-10T09:00:00+01:00[Europe/London]").stream().map(t -> t.toLocalTime().toString()).toList());
    List<ZonedDateTime> evening = startsAt.apply("2026-06-10T20:50:00+01:00[Europe/London]");
    assertEquals("2026-06-10T21:30+01:00[Europe/London]", evening.get(0).toString(), "the last dinner slot that fits 90 minutes");
    assertEquals("2026-06-11T11:30+01:00[Europe/London]", evening.get(1).toString(), "then the next day's lunch");
    assertTrue(startsAt.apply("2026-12-24T22:00:00Z[Europe/London]").stream().noneMatch(t -> t.getDayOfMonth() == 25),
      "not on the closed Christmas day");
  }

  private static JsonObject get(String path) {
    var r = web.get(node.httpPort(), "127.0.0.1", path).putHeader("authorization", TestTokens.admin()).send().await();
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }
}
