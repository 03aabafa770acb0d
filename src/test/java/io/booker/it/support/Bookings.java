package io.booker.it.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Venues and bookings made through the REST API, as a restaurant would make them, for the tests
 * that need bookings: every rule of the real service applies to them.
 */
public final class Bookings {

  /** No daylight saving: any date ahead works the same. */
  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private Bookings() {
  }

  /** A day well ahead in the venue's zone, so every slot of it is in the future. */
  public static LocalDate day(int daysAhead) {
    return LocalDate.now(TOKYO).plusDays(daysAhead);
  }

  /** A venue in Tokyo open around the clock, every day. Answers its id. */
  public static String venueOpenAllDay(ApiClient api) {
    return venue(api, "00:00", "00:00");
  }

  /** A venue in Tokyo open every day from {@code open} to {@code close}. Answers its id. */
  public static String venue(ApiClient api, String open, String close) {
    String id = api.created("/api/v1/venues", new JsonObject().put("name", "Booked " + UUID.randomUUID()).put("timezone", TOKYO.getId()))
      .getString("id");
    JsonArray days = new JsonArray();
    for (int wd = 0; wd < 7; wd++) {
      days.add(new JsonObject().put("weekday", wd).put("open_time", open).put("close_time", close));
    }
    HttpResponse<Buffer> hours = api.post("/api/v1/venues/" + id + "/schedule", new JsonObject().put("days", days));
    assertEquals(200, hours.statusCode(), hours::bodyAsString);
    return id;
  }

  /** A table: {room id, table id}. */
  public static String[] table(ApiClient api, String roomId, String name, int capacity, boolean canMerge) {
    JsonObject t = api.created("/api/v1/rooms/" + roomId + "/tables",
      new JsonObject().put("name", name).put("capacity", capacity).put("can_merge", canMerge));
    return new String[]{roomId, t.getString("id")};
  }

  public static String room(ApiClient api, String venueId, String name) {
    return api.room(venueId, name).getString("id");
  }

  /** The body of a create for one table of {@code venue}. */
  public static JsonObject request(String venue, String[] table, LocalDate date, String start, int minutes, int party) {
    JsonObject slot = new JsonObject().put("date", date.toString()).put("start_time", start);
    if (minutes > 0) {
      slot.put("duration_minutes", minutes);
    }
    return new JsonObject().put("venue_id", venue)
      .put("table", new JsonObject().put("venue_id", venue).put("room_id", table[0]).put("table_id", table[1]))
      .put("slot", slot).put("party_size", party).put("customer_name", "Guest " + UUID.randomUUID().toString().substring(0, 6))
      .put("customer_phone", "+81 3 1234 5678");
  }

  /**
   * The body of a create for one table of {@code venue} (a Tokyo venue open at that hour), starting
   * {@code hours} from now, in whole minutes.
   */
  public static JsonObject requestInHours(String venue, String[] table, long hours, int minutes, int party) {
    return requestInMinutes(venue, table, hours * 60, minutes, party);
  }

  /** As {@link #requestInHours}, starting {@code minutesAhead} from now. */
  public static JsonObject requestInMinutes(String venue, String[] table, long minutesAhead, int minutes, int party) {
    ZonedDateTime start = ZonedDateTime.now(TOKYO).plusMinutes(minutesAhead).truncatedTo(ChronoUnit.MINUTES);
    return request(venue, table, start.toLocalDate(), start.format(DateTimeFormatter.ofPattern("HH:mm")), minutes, party);
  }

  /** The same request for a mergeable pair. */
  public static JsonObject pairRequest(String venue, String[] table, String[] other, LocalDate date, String start, int minutes, int party) {
    return request(venue, table, date, start, minutes, party)
      .put("merged_with_table", new JsonObject().put("room_id", other[0]).put("table_id", other[1]));
  }

  /** Books and asserts 201; answers the booking. */
  public static JsonObject hold(ApiClient api, JsonObject request) {
    return api.created("/api/v1/bookings", request);
  }

  /** Books and confirms; answers the confirmed booking. */
  public static JsonObject confirmed(ApiClient api, JsonObject request) {
    return done(api, hold(api, request).getString("id"), "confirm", "confirmed");
  }

  /** Books and cancels the hold; answers the cancelled booking, which occupies nothing. */
  public static JsonObject cancelled(ApiClient api, JsonObject request) {
    return done(api, hold(api, request).getString("id"), "cancel", "cancelled");
  }

  /** Books, confirms and seats; answers the seated booking. */
  public static JsonObject seated(ApiClient api, JsonObject request) {
    return done(api, confirmed(api, request).getString("id"), "seat", "seated");
  }

  /** POST /bookings/:id/:action with {@code body}; the response. */
  public static HttpResponse<Buffer> act(ApiClient api, String bookingId, String action, JsonObject body) {
    return api.post("/api/v1/bookings/" + bookingId + "/" + action, body);
  }

  /** Acts and asserts 200; answers the booking. */
  public static JsonObject done(ApiClient api, String bookingId, String action) {
    HttpResponse<Buffer> r = act(api, bookingId, action, new JsonObject());
    assertEquals(200, r.statusCode(), () -> action + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Acts, asserts 200 and that the booking is now {@code status}; answers the booking. */
  public static JsonObject done(ApiClient api, String bookingId, String action, String status) {
    JsonObject booking = done(api, bookingId, action);
    assertEquals(status, booking.getString("status"), booking::encode);
    return booking;
  }
}
