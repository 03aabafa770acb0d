package io.booker.it.venue;

import io.booker.it.support.ApiClient;
import io.booker.it.support.KafkaEvents;
import io.booker.it.support.NodeHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Opening hours and special hours through REST, stored in PostgreSQL, announced on Kafka. */
class ScheduleRestTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  static JsonObject range(int weekday, String open, String close) {
    return new JsonObject().put("weekday", weekday).put("open_time", open).put("close_time", close);
  }

  @Test
  void aWeekWithLunchDinnerAndAnOvernightRangeIsStoredAndReadBackInOrder() {
    String venue = venue("Europe/Berlin");
    JsonArray days = new JsonArray()
      .add(range(5, "18:00", "02:00"))
      .add(range(1, "18:00", "23:00"))
      .add(range(1, "12:00", "15:00"))
      .add(new JsonObject().put("weekday", 6).put("openTime", "18:00").put("closeTime", "04:00"))
      .add(range(0, "12:00", "22:00"));
    HttpResponse<Buffer> set = api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", days));
    assertEquals(200, set.statusCode(), set.bodyAsString());
    assertEquals(new JsonObject().put("success", true), set.bodyAsJsonObject());

    HttpResponse<Buffer> got = api.get("/api/v1/venues/" + venue + "/schedule");
    assertEquals(200, got.statusCode(), got.bodyAsString());
    assertEquals(new JsonObject().put("venue_id", venue).put("days", new JsonArray()
      .add(range(0, "12:00", "22:00"))
      .add(range(1, "12:00", "15:00"))
      .add(range(1, "18:00", "23:00"))
      .add(range(5, "18:00", "02:00"))
      .add(range(6, "18:00", "04:00"))), got.bodyAsJsonObject());
  }

  @Test
  void settingTheWeekReplacesItAndAnEmptyWeekIsClosed() {
    String venue = venue("UTC");
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(range(1, "12:00", "15:00")).add(range(2, "12:00", "15:00")))).statusCode());
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(range(3, "10:00", "11:00")))).statusCode());
    assertEquals(new JsonArray().add(range(3, "10:00", "11:00")), days(venue));

    assertEquals(200, api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray())).statusCode());
    assertEquals(new JsonArray(), days(venue));
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray()
      .add(range(3, "10:00", "11:00")))).statusCode());
    HttpResponse<Buffer> none = api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject());
    assertEquals(400, none.statusCode(), "a body without days does not wipe the week");
    assertTrue(none.bodyAsJsonObject().getString("detail").startsWith("days: is required"), none.bodyAsString());
    assertEquals(new JsonArray().add(range(3, "10:00", "11:00")), days(venue));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "overlap           | [{\"weekday\":1,\"open_time\":\"12:00\",\"close_time\":\"15:00\"},{\"weekday\":1,\"open_time\":\"14:00\",\"close_time\":\"16:00\"}] | days[1]: overlaps days[0]",
    "overnight overlap | [{\"weekday\":5,\"open_time\":\"18:00\",\"close_time\":\"03:00\"},{\"weekday\":6,\"open_time\":\"02:00\",\"close_time\":\"10:00\"}] | days[1]: overlaps days[0]",
    "weekday 7         | [{\"weekday\":7,\"open_time\":\"12:00\",\"close_time\":\"15:00\"}]                                                            | days[0].weekday",
    "weekday -1        | [{\"weekday\":-1,\"open_time\":\"12:00\",\"close_time\":\"15:00\"}]                                                           | days[0].weekday",
    "24:00             | [{\"weekday\":1,\"open_time\":\"12:00\",\"close_time\":\"24:00\"}]                                                            | days[0].close_time",
    "9:5               | [{\"weekday\":1,\"open_time\":\"9:5\",\"close_time\":\"15:00\"}]                                                              | days[0].open_time",
    "missing time      | [{\"weekday\":1,\"open_time\":\"12:00\"}]                                                                                     | days[0].close_time",
    "wrong type        | [{\"weekday\":\"monday\",\"open_time\":\"12:00\",\"close_time\":\"15:00\"}]                                                  | days[0].weekday",
  })
  void invalidWeeksAre400NamingTheFieldAndChangeNothing(String name, String days, String detail) {
    String venue = venue("UTC");
    JsonArray before = new JsonArray().add(range(2, "09:00", "11:00"));
    assertEquals(200, api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", before)).statusCode());

    HttpResponse<Buffer> r = api.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", new JsonArray(days)));
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals("application/problem+json", r.getHeader("content-type"));
    assertEquals("INVALID_ARGUMENT", r.bodyAsJsonObject().getString("code"));
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith(detail), r.bodyAsString());
    assertEquals(before, days(venue), "a refused week leaves the stored one alone");
  }

  @Test
  void unknownVenuesAre404AndBadIds400() {
    String missing = UUID.randomUUID().toString();
    JsonObject week = new JsonObject().put("days", new JsonArray().add(range(1, "12:00", "15:00")));
    assertStatus(404, api.post("/api/v1/venues/" + missing + "/schedule", week));
    assertStatus(404, api.get("/api/v1/venues/" + missing + "/schedule"));
    assertStatus(404, api.post("/api/v1/venues/" + missing + "/special-hours", new JsonObject().put("date", "2030-01-01").put("is_closed", true)));
    assertStatus(404, api.get("/api/v1/venues/" + missing + "/special-hours"));
    assertStatus(404, api.delete("/api/v1/venues/" + missing + "/special-hours/2030-01-01"));

    assertStatus(400, api.get("/api/v1/venues/not-a-uuid/schedule"));
    assertStatus(400, api.post("/api/v1/venues/not-a-uuid/schedule", week));
  }

  @Test
  void specialHoursClosedShorterOrSeveralRanges() {
    String venue = venue("Europe/Paris");
    String path = "/api/v1/venues/" + venue + "/special-hours";
    assertEquals(new JsonObject().put("success", true),
      api.post(path, new JsonObject().put("date", "2030-12-25").put("is_closed", true)).bodyAsJsonObject());
    assertStatus(200, api.post(path, new JsonObject().put("date", "2030-12-24").put("openTime", "12:00").put("closeTime", "16:00")));
    assertStatus(200, api.post(path, new JsonObject().put("date", "2030-12-31").put("open_time", "ignored")
      .put("ranges", new JsonArray()
        .add(new JsonObject().put("open_time", "19:00").put("close_time", "03:00"))
        .add(new JsonObject().put("open_time", "11:00").put("close_time", "14:00")))));

    HttpResponse<Buffer> list = api.get(path + "?from=2030-12-01&to=2030-12-31");
    assertEquals(200, list.statusCode(), list.bodyAsString());
    assertEquals(new JsonArray()
        .add(special(venue, "2030-12-24", false, "12:00", "16:00"))
        .add(special(venue, "2030-12-25", true))
        .add(special(venue, "2030-12-31", false, "11:00", "14:00", "19:00", "03:00")),
      list.bodyAsJsonObject().getJsonArray("special_hours"));

    // Setting a date again replaces it, ranges and all.
    assertStatus(200, api.post(path, new JsonObject().put("date", "2030-12-31").put("isClosed", true)));
    assertStatus(200, api.post(path, new JsonObject().put("date", "2030-12-25").put("open_time", "18:00").put("close_time", "22:00")));
    assertEquals(new JsonArray()
        .add(special(venue, "2030-12-25", false, "18:00", "22:00"))
        .add(special(venue, "2030-12-31", true)),
      api.get(path + "?from=2030-12-25&to=2030-12-31").bodyAsJsonObject().getJsonArray("special_hours"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "bad date          | {\"date\":\"2030-02-30\",\"is_closed\":true}                                          | date:",
    "loose date        | {\"date\":\"2030-2-3\",\"is_closed\":true}                                            | date:",
    "no date           | {\"is_closed\":true}                                                                  | date:",
    "no times          | {\"date\":\"2030-03-01\"}                                                             | open_time:",
    "24:00             | {\"date\":\"2030-03-01\",\"open_time\":\"12:00\",\"close_time\":\"24:00\"}           | close_time:",
    "closed with times | {\"date\":\"2030-03-01\",\"is_closed\":true,\"open_time\":\"12:00\",\"close_time\":\"14:00\"} | open_time:",
    "bad range         | {\"date\":\"2030-03-01\",\"ranges\":[{\"open_time\":\"12:00\",\"close_time\":\"14:00\"},{\"open_time\":\"9:5\",\"close_time\":\"10:00\"}]} | ranges[1].open_time:",
    "overlapping       | {\"date\":\"2030-03-01\",\"ranges\":[{\"open_time\":\"12:00\",\"close_time\":\"14:00\"},{\"open_time\":\"13:00\",\"close_time\":\"15:00\"}]} | ranges:",
    "closed and ranges | {\"date\":\"2030-03-01\",\"is_closed\":true,\"ranges\":[{\"open_time\":\"12:00\",\"close_time\":\"14:00\"}]} | is_closed:",
  })
  void invalidSpecialHoursAre400NamingTheField(String name, String body, String detail) {
    String venue = venue("UTC");
    HttpResponse<Buffer> r = api.post("/api/v1/venues/" + venue + "/special-hours", new JsonObject(body));
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith(detail), r.bodyAsString());
    assertEquals(new JsonArray(), api.get("/api/v1/venues/" + venue + "/special-hours?from=2030-01-01&to=2030-12-31")
      .bodyAsJsonObject().getJsonArray("special_hours"));
  }

  @Test
  void listingTakesADateRange() {
    String venue = venue("Pacific/Auckland");
    String path = "/api/v1/venues/" + venue + "/special-hours";
    LocalDate today = LocalDate.now(ZoneId.of("Pacific/Auckland"));
    for (LocalDate d : List.of(today.minusDays(1), today, today.plusDays(30), today.plusDays(366), today.plusDays(367))) {
      assertStatus(200, api.post(path, new JsonObject().put("date", d.toString()).put("is_closed", true)));
    }
    assertEquals(List.of(today.toString(), today.plusDays(30).toString(), today.plusDays(366).toString()), dates(api.get(path)),
      "default: today in the venue's zone to a year on");
    assertEquals(List.of(today.plusDays(30).toString()), dates(api.get(path + "?from=" + today.plusDays(1) + "&to=" + today.plusDays(365))));
    assertEquals(List.of(today.minusDays(1).toString(), today.toString()), dates(api.get(path + "?from=" + today.minusDays(1) + "&to=" + today)));
    assertEquals(List.of(today.plusDays(366).toString(), today.plusDays(367).toString()), dates(api.get(path + "?from=" + today.plusDays(366))));

    assertDetail("to_date", api.get(path + "?from=2030-05-02&to=2030-05-01"));
    assertDetail("to_date", api.get(path + "?from=2030-01-01&to=2033-01-02"));
    assertStatus(200, api.get(path + "?from=2030-01-01&to=2033-01-01"));
    // Not dates at all: refused by the OpenAPI validation, which names the query parameter as sent.
    assertDetail("from", api.get(path + "?from=2030-02-30"));
    assertDetail("to", api.get(path + "?to=tomorrow"));
  }

  @Test
  void deletingSpecialHours() {
    String venue = venue("UTC");
    String path = "/api/v1/venues/" + venue + "/special-hours";
    assertStatus(200, api.post(path, new JsonObject().put("date", "2031-07-14").put("ranges", new JsonArray()
      .add(new JsonObject().put("open_time", "10:00").put("close_time", "12:00")))));
    HttpResponse<Buffer> deleted = api.delete(path + "/2031-07-14");
    assertEquals(204, deleted.statusCode(), deleted.bodyAsString());
    assertEquals(0, deleted.body() == null ? 0 : deleted.body().length());
    assertEquals(List.of(), dates(api.get(path + "?from=2031-07-01&to=2031-07-31")));
    assertStatus(404, api.delete(path + "/2031-07-14"));
    assertDetail("date", api.delete(path + "/2031-02-30"));
    // The date can be set again, with new ranges.
    assertStatus(200, api.post(path, new JsonObject().put("date", "2031-07-14").put("open_time", "08:00").put("close_time", "09:00")));
    assertEquals(new JsonArray().add(special(venue, "2031-07-14", false, "08:00", "09:00")),
      api.get(path + "?from=2031-07-14&to=2031-07-14").bodyAsJsonObject().getJsonArray("special_hours"));
  }

  @Test
  void scheduleChangesReachKafka() {
    String venue = venue("UTC");
    assertStatus(200, api.post("/api/v1/venues/" + venue + "/schedule",
      new JsonObject().put("days", new JsonArray().add(range(1, "12:00", "15:00")))));
    assertStatus(200, api.post("/api/v1/venues/" + venue + "/special-hours", new JsonObject().put("date", "2032-01-01").put("is_closed", true)));
    assertStatus(204, api.delete("/api/v1/venues/" + venue + "/special-hours/2032-01-01"));

    List<ConsumerRecord<String, String>> events = KafkaEvents.awaitRecords("venue.schedule.updated", venue, 3);
    assertEquals(List.of("", "2032-01-01", "2032-01-01"), events.stream()
      .map(e -> new JsonObject(e.value()).getJsonObject("schedule_updated").getString("date", "")).toList());
    JsonObject first = new JsonObject(events.get(0).value());
    assertEquals(venue, first.getString("venue_id"));
    assertEquals("venue.schedule.updated", first.getJsonObject("headers").getString("event_type"));
    assertEquals("venue.schedule.updated", new String(events.get(0).headers().lastHeader("event_type").value()));
  }

  static JsonObject special(String venue, String date, boolean closed, String... times) {
    JsonArray ranges = new JsonArray();
    for (int i = 0; i < times.length; i += 2) {
      ranges.add(new JsonObject().put("open_time", times[i]).put("close_time", times[i + 1]));
    }
    return new JsonObject().put("venue_id", venue).put("date", date)
      .put("open_time", times.length > 0 ? times[0] : "").put("close_time", times.length > 0 ? times[1] : "")
      .put("is_closed", closed).put("ranges", ranges);
  }

  static List<String> dates(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("special_hours").stream().map(o -> ((JsonObject) o).getString("date")).toList();
  }

  static JsonArray days(String venue) {
    HttpResponse<Buffer> got = api.get("/api/v1/venues/" + venue + "/schedule");
    assertEquals(200, got.statusCode(), got.bodyAsString());
    return got.bodyAsJsonObject().getJsonArray("days");
  }

  static void assertStatus(int status, HttpResponse<Buffer> r) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
  }

  static void assertDetail(String field, HttpResponse<Buffer> r) {
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getString("detail").startsWith(field + ":"), r.bodyAsString());
  }

  static String venue(String zone) {
    HttpResponse<Buffer> created = api.post("/api/v1/venues", new JsonObject().put("name", "Bistro " + UUID.randomUUID()).put("timezone", zone));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return created.bodyAsJsonObject().getString("id");
  }
}
