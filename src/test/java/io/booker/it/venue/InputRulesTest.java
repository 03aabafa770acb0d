package io.booker.it.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.proto.common.Slot;
import io.booker.proto.venue.CheckTablesRequest;
import io.booker.proto.venue.CheckTablesResponse;
import io.booker.proto.venue.CreateTableRequest;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.DayHours;
import io.booker.proto.venue.DeleteRoomRequest;
import io.booker.proto.venue.GetOpeningHoursRequest;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.TableSlotAvailability;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.booker.it.support.ApiClient.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The input rules the services enforce themselves, over REST and over gRPC: text, identifiers and
 * time zones; /availability/tables checked like /availability/check; schedules that must name
 * their days; opening times inside a daylight-saving gap; a room deleted while tables are added.
 */
class InputRulesTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final ApiClient api = harness.api();
  static final VenueServiceClient venues = harness.venueGrpc();
  static final String V1 = "/api/v1";
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  // ---- text, identifiers, zones

  @Test
  void namesOfOnlyInvisibleCharactersAreMissingOverBothTransports() {
    assertProblem(api.post(V1 + "/venues", new JsonObject().put("name", "\u200b\ufeff\u200d ").put("timezone", "UTC")),
      400, "INVALID_ARGUMENT", "name");
    assertProblem(api.post(V1 + "/venues", new JsonObject().put("name", "Bar\u0007").put("timezone", "UTC")),
      400, "INVALID_ARGUMENT", "name");
    // Sent as the JSON escape \ud800: refused, not stored as "Caf?".
    assertProblem(api.send("POST", V1 + "/venues", "{\"name\":\"Caf\\ud800\",\"timezone\":\"UTC\"}"), 400, "INVALID_ARGUMENT", "name");
    assertCode(ErrorCode.INVALID_ARGUMENT, "name", () -> venues.createVenue(CreateVenueRequest.newBuilder()
      .setName("\u2060\u00a0").setTimezone("UTC").build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "name", () -> venues.createVenue(CreateVenueRequest.newBuilder()
      .setName("Caf\u00e9\nBar").setTimezone("UTC").build()));
  }

  @Test
  void namesAreStoredNfcAndLookAlikeTableNamesAreTheSameName() {
    JsonObject venue = api.venue(Seed.unique("Cafe\u0301"));
    assertTrue(venue.getString("name").startsWith("Caf\u00e9 "), venue.encode());
    String room = api.room(venue.getString("id"), "Sala").getString("id");
    JsonObject first = api.table(room, "Caf\u00e9", 2);
    assertEquals("Caf\u00e9", first.getString("name"));
    assertProblem(api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "Cafe\u0301").put("capacity", 2)),
      409, "ALREADY_EXISTS", null);
    assertCode(ErrorCode.ALREADY_EXISTS, "", () -> venues.createTable(CreateTableRequest.newBuilder().setRoomId(room)
      .setName("\u200bCafe\u0301").setCapacity(2).build()));
  }

  @Test
  void onlyCanonicalUuidsAndCanonicalZoneNames() {
    String venue = api.venue(Seed.unique("Ids")).getString("id");
    assertEquals(venue, api.ok(api.get(V1 + "/venues/" + venue.toUpperCase())).getString("id"), "upper-case hex is the same id");
    for (String id : List.of("1-1-1-1-1", "{" + venue + "}", "urn:uuid:" + venue)) {
      assertCode(ErrorCode.INVALID_ARGUMENT, "id: must be a UUID", () -> venues.getVenue(GetVenueRequest.newBuilder().setId(id).build()));
    }
    assertEquals(400, api.get(V1 + "/venues/1-1-1-1-1").statusCode());
    for (String zone : List.of("EST", "GMT0", "US/Eastern", "SystemV/EST5", "UTC+01:00")) {
      assertProblem(api.post(V1 + "/venues", new JsonObject().put("name", "Zone").put("timezone", zone)), 400, "INVALID_ARGUMENT", "timezone");
      assertCode(ErrorCode.INVALID_ARGUMENT, "timezone", () -> venues.createVenue(CreateVenueRequest.newBuilder()
        .setName("Zone").setTimezone(zone).build()));
    }
  }

  // ---- /availability/tables

  @Test
  void tableAvailabilityChecksTheSlotAndTheTablesLikeTheVenueCheckOverRest() {
    String venue = tokyoVenue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    String other = tokyoVenue();
    String othersTable = Seed.standardLayout(api, other).get("A2")[1];
    String a2 = t.get("A2")[1];
    LocalDate d = LocalDate.now(TOKYO).plusDays(9);

    assertEquals(new JsonObject().put("table_id", a2).put("available", true).put("reason", ""),
      tables(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 60, a2))).getJsonObject(0));
    JsonObject past = tables(api.post(V1 + "/availability/tables", tablesBody(venue, LocalDate.now(TOKYO).minusDays(1), "19:00", 60, a2)))
      .getJsonObject(0);
    assertEquals(new JsonObject().put("table_id", a2).put("available", false).put("reason", "in the past"), past);
    JsonObject closed = tables(api.post(V1 + "/availability/tables", tablesBody(venue, d, "16:00", 60, a2))).getJsonObject(0);
    assertFalse(closed.getBoolean("available"));
    assertTrue(closed.getString("reason").startsWith("outside opening hours"), closed.encode());

    assertProblem(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 1, a2)), 400, "INVALID_ARGUMENT", "slot.duration_minutes");
    assertProblem(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 721, a2)), 400, "INVALID_ARGUMENT", "slot.duration_minutes");
    JsonObject far = tablesBody(venue, d, "19:00", 60, a2);
    far.getJsonObject("slot").put("date", "+294277-01-01");
    assertProblem(api.post(V1 + "/availability/tables", far), 400, "INVALID_ARGUMENT", "slot.date");
    assertProblem(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 60, UUID.randomUUID().toString())),
      404, "NOT_FOUND", null);
    JsonObject foreign = assertProblem(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 60, a2, othersTable)),
      404, "NOT_FOUND", null);
    assertEquals("table " + othersTable + " not found in this venue", foreign.getString("detail"));
    assertProblem(api.post(V1 + "/availability/tables", tablesBody(venue, d, "19:00", 60)), 400, "INVALID_ARGUMENT", "table_ids");
  }

  @Test
  void tableAvailabilityOverGrpcAnswersTheSame() {
    String venue = tokyoVenue();
    Map<String, String[]> t = Seed.standardLayout(api, venue);
    String a2 = t.get("A2")[1];
    String a4 = t.get("A4")[1];
    LocalDate d = LocalDate.now(TOKYO).plusDays(10);
    Bookings.confirmed(api, Bookings.request(venue, t.get("A2"), d, "19:00", 120, 2));

    CheckTablesResponse open = venues.checkTables(checkTables(venue, d, "20:00", 60, a2, a4)).await();
    assertEquals(List.of(
      TableSlotAvailability.newBuilder().setTableId(a2).setAvailable(false).setReason("already booked for this slot").build(),
      TableSlotAvailability.newBuilder().setTableId(a4).setAvailable(true).build()), open.getTablesList());
    CheckTablesResponse past = venues.checkTables(checkTables(venue, LocalDate.now(TOKYO).minusDays(2), "20:00", 60, a4)).await();
    assertEquals("in the past", past.getTables(0).getReason());
    assertFalse(past.getTables(0).getAvailable());
    assertCode(ErrorCode.INVALID_ARGUMENT, "slot.duration_minutes", () -> venues.checkTables(checkTables(venue, d, "20:00", 1, a4)));
    assertCode(ErrorCode.NOT_FOUND, "table ", () -> venues.checkTables(checkTables(venue, d, "20:00", 60, UUID.randomUUID().toString())));
    assertCode(ErrorCode.INVALID_ARGUMENT, "table_ids[0]", () -> venues.checkTables(checkTables(venue, d, "20:00", 60, "1-1-1-1-1")));
  }

  // ---- schedules

  @Test
  void aScheduleMustNameItsDaysAndEachDayItsWeekdayOverRest() {
    String venue = api.venue(Seed.unique("Hours")).getString("id");
    JsonObject monday = new JsonObject().put("weekday", 1).put("open_time", "12:00").put("close_time", "15:00");
    api.ok(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray().add(monday))));

    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject()), 400, "INVALID_ARGUMENT", "days");
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", (Object) null)), 400, "INVALID_ARGUMENT", "days");
    assertProblem(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(monday).add(new JsonObject().put("open_time", "18:00").put("close_time", "22:00")))), 400, "INVALID_ARGUMENT", "days[1].weekday");
    assertEquals(new JsonArray().add(monday), api.ok(api.get(V1 + "/venues/" + venue + "/schedule")).getJsonArray("days"),
      "refused requests changed nothing");

    JsonObject sunday = new JsonObject().put("weekday", 0).put("open_time", "10:00").put("close_time", "11:00");
    api.ok(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray().add(sunday))));
    assertEquals(new JsonArray().add(sunday), api.ok(api.get(V1 + "/venues/" + venue + "/schedule")).getJsonArray("days"));
    api.ok(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray())));
    assertEquals(new JsonArray(), api.ok(api.get(V1 + "/venues/" + venue + "/schedule")).getJsonArray("days"), "an explicit [] closes the week");
  }

  @Test
  void aScheduleMustNameItsDaysAndEachDayItsWeekdayOverGrpc() {
    String venue = api.venue(Seed.unique("Hours")).getString("id");
    DayHours monday = DayHours.newBuilder().setWeekday(1).setOpenTime("12:00").setCloseTime("15:00").build();
    venues.setOpeningHours(SetOpeningHoursRequest.newBuilder().setVenueId(venue).addDays(monday).build()).await();

    assertCode(ErrorCode.INVALID_ARGUMENT, "days: is required", () -> venues.setOpeningHours(SetOpeningHoursRequest.newBuilder()
      .setVenueId(venue).build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "days[0].weekday", () -> venues.setOpeningHours(SetOpeningHoursRequest.newBuilder()
      .setVenueId(venue).addDays(DayHours.newBuilder().setOpenTime("12:00").setCloseTime("15:00")).build()));
    assertCode(ErrorCode.INVALID_ARGUMENT, "closed_all_week", () -> venues.setOpeningHours(SetOpeningHoursRequest.newBuilder()
      .setVenueId(venue).addDays(monday).setClosedAllWeek(true).build()));
    assertEquals(List.of(monday), venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(venue).build()).await().getDaysList());

    venues.setOpeningHours(SetOpeningHoursRequest.newBuilder().setVenueId(venue).setClosedAllWeek(true).build()).await();
    assertEquals(List.of(), venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(venue).build()).await().getDaysList());
  }

  @Test
  void anOpeningTimeInsideADaylightSavingGapOpensAtTheEndOfTheGap() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZoneOffsetTransition spring = nextGap(berlin);
    LocalDate day = spring.getDateTimeBefore().toLocalDate(); // 02:00 -> 03:00
    int weekday = day.getDayOfWeek().getValue() % 7;
    String venue = api.created(V1 + "/venues", new JsonObject().put("name", Seed.unique("Nachtcafe")).put("timezone", "Europe/Berlin"))
      .getString("id");
    String room = api.room(venue, "Saal").getString("id");
    String table = api.table(room, "T1", 4).getString("id");
    api.ok(api.post(V1 + "/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(new JsonObject().put("weekday", weekday).put("open_time", "02:30").put("close_time", "06:00")))));

    JsonArray atThree = tables(api.post(V1 + "/availability/tables", tablesBody(venue, day, "03:00", 60, table)));
    assertTrue(atThree.getJsonObject(0).getBoolean("available"), "open from the end of the gap: " + atThree.encode());
    JsonArray offers = api.ok(api.post(V1 + "/availability/check", new JsonObject().put("venue_id", venue).put("party_size", 2)
      .put("slot", new JsonObject().put("date", day.toString()).put("start_time", "03:00").put("duration_minutes", 180))))
      .getJsonArray("tables");
    assertEquals(1, offers.size(), "03:00-06:00 is the whole opening: " + offers.encode());
  }

  // ---- deleting a room while tables are added

  @Test
  void deletingARoomWhileTablesAreAddedEndsInTheDeleteOrA409NeverA503() throws Exception {
    for (int round = 0; round < 3; round++) {
      String venue = api.venue(Seed.unique("Busy")).getString("id");
      String room = api.room(venue, "Hall").getString("id");
      for (int i = 0; i < 5; i++) {
        api.table(room, "T" + i, 2);
      }
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<java.util.concurrent.Future<Integer>> creates = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          int worker = w;
          creates.add(pool.submit(() -> {
            int last = 0;
            for (int i = 0; i < 15; i++) {
              last = api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "W" + worker + "-" + i).put("capacity", 2))
                .statusCode();
              assertTrue(last == 201 || last == 404, "a table is created or its room is gone: " + last);
            }
            return last;
          }));
        }
        HttpResponse<Buffer> deleted = api.delete(V1 + "/rooms/" + room);
        for (var c : creates) {
          c.get(60, TimeUnit.SECONDS);
        }
        if (deleted.statusCode() == 204) {
          assertEquals(404, api.get(V1 + "/rooms/" + room).statusCode(), "the delete won");
          assertEquals(404, api.post(V1 + "/rooms/" + room + "/tables", new JsonObject().put("name", "Late").put("capacity", 2)).statusCode());
        } else {
          assertProblem(deleted, 409, "CONCURRENT_CHANGE", null);
          api.ok(api.get(V1 + "/rooms/" + room));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void deletingARoomOverGrpcWhileTablesAreAddedEndsInTheDeleteOrAConflict() {
    String venue = api.venue(Seed.unique("Busy")).getString("id");
    String room = api.room(venue, "Hall").getString("id");
    List<Future<?>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(venues.createTable(CreateTableRequest.newBuilder().setRoomId(room).setName("G" + i).setCapacity(2).build()));
    }
    Future<?> delete = venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(room).build());
    for (Future<?> c : creates) {
      try {
        c.await();
      } catch (ServiceException e) {
        assertEquals(ErrorCode.NOT_FOUND, e.code(), e.getMessage());
      }
    }
    try {
      delete.await();
      assertEquals(404, api.get(V1 + "/rooms/" + room).statusCode());
    } catch (ServiceException e) {
      assertEquals(ErrorCode.CONCURRENT_CHANGE, e.code(), e.getMessage());
    }
  }

  // ---- helpers

  static ZoneOffsetTransition nextGap(ZoneId zone) {
    ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.now().plusSeconds(86_400));
    while (!t.isGap()) {
      t = zone.getRules().nextTransition(t.getInstant());
    }
    return t;
  }

  static String tokyoVenue() {
    String id = api.created(V1 + "/venues", new JsonObject().put("name", Seed.unique("Izakaya")).put("timezone", "Asia/Tokyo"))
      .getString("id");
    JsonArray days = new JsonArray();
    for (int wd = 0; wd < 7; wd++) {
      days.add(new JsonObject().put("weekday", wd).put("open_time", "12:00").put("close_time", "15:00"));
      days.add(new JsonObject().put("weekday", wd).put("open_time", "18:00").put("close_time", "02:00"));
    }
    api.ok(api.post(V1 + "/venues/" + id + "/schedule", new JsonObject().put("days", days)));
    return id;
  }

  static JsonObject tablesBody(String venue, LocalDate date, String start, int minutes, String... tableIds) {
    return new JsonObject().put("venue_id", venue).put("table_ids", new JsonArray(List.of((Object[]) tableIds)))
      .put("slot", new JsonObject().put("date", date.toString()).put("start_time", start).put("duration_minutes", minutes));
  }

  static CheckTablesRequest checkTables(String venue, LocalDate date, String start, int minutes, String... tableIds) {
    return CheckTablesRequest.newBuilder().setVenueId(venue).addAllTableIds(List.of(tableIds))
      .setSlot(Slot.newBuilder().setDate(date.toString()).setStartTime(start).setDurationMinutes(minutes)).build();
  }

  static JsonArray tables(HttpResponse<Buffer> r) {
    return api.ok(r).getJsonArray("tables");
  }

  static void assertCode(ErrorCode code, String messagePrefix, Supplier<Future<?>> call) {
    ServiceException e = assertThrows(ServiceException.class, () -> call.get().await());
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(messagePrefix), e.getMessage());
  }
}
