package io.booker.dev;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo venue {@code scripts/run} seeds at the first start of a {@code .devdata}, so a newcomer's
 * first look is not an empty system: two rooms, eight tables placed on their floor plans, lunch and dinner hours every day, a
 * closed day, and a few bookings of the coming service (confirmed, one seated, one cancelled) whose
 * guests' mail lands on the dev mail page. Everything goes through the public REST API as the dev
 * admin, like a person would do it. A marker file keeps it from being seeded twice;
 * {@code scripts/run --no-demo} (or {@code BOOKER_DEMO=false}) skips it.
 */
public final class DevDemo {

  static final String MARKER = "demo-seeded";
  static final String VENUE_NAME = "Trattoria Demo";
  static final LocalTime LUNCH_OPEN = LocalTime.of(11, 30);
  static final LocalTime LUNCH_CLOSE = LocalTime.of(15, 0);
  static final LocalTime DINNER_OPEN = LocalTime.of(18, 0);
  static final LocalTime DINNER_CLOSE = LocalTime.of(23, 0);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final WebClient web;
  private final int port;
  private final Clock clock;
  private String authorization;

  private DevDemo(WebClient web, int port, Clock clock) {
    this.web = web;
    this.port = port;
    this.clock = clock;
  }

  /** What was seeded: the venue and the bookings made. */
  public record Seeded(String venueId, List<JsonObject> bookings) {
  }

  /**
   * Seeds the demo venue unless {@code devdata} says it was seeded before; answers what it made,
   * or null when it did nothing. Blocking: call it from a plain thread, never an event loop.
   */
  public static Seeded seedOnce(Vertx vertx, int port, String login, String password, Path devdata, ZoneId zone) {
    Path marker = devdata.resolve(MARKER);
    if (Files.exists(marker)) {
      return null;
    }
    WebClient web = WebClient.create(vertx);
    try {
      Seeded seeded = new DevDemo(web, port, Clock.system(zone)).seed(login, password);
      Files.createDirectories(devdata);
      Files.writeString(marker, seeded.venueId() + "\n");
      return seeded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      web.close();
    }
  }

  /** Whether the demo is wanted: not with {@code --no-demo} or {@code BOOKER_DEMO=false}. */
  public static boolean wanted(boolean noDemoFlag) {
    String env = System.getenv("BOOKER_DEMO");
    return !noDemoFlag && (env == null || !env.trim().equalsIgnoreCase("false"));
  }

  private Seeded seed(String login, String password) {
    JsonObject tokens = call("POST", "/api/v1/auth/login", new JsonObject().put("login", login).put("password", password), 200);
    authorization = "Bearer " + tokens.getString("access_token");

    ZoneId zone = clock.getZone();
    String venue = call("POST", "/api/v1/venues", new JsonObject().put("name", VENUE_NAME).put("timezone", zone.getId())
      .put("address", "1 Demo Street").put("phone", "+44 20 7946 0000").put("email", "hello@trattoria.example")
      .put("description", "The demo venue of scripts/run: book it, move it, cancel it.").put("language", "en"), 201).getString("id");
    JsonArray days = new JsonArray();
    for (int weekday = 0; weekday < 7; weekday++) {
      days.add(range(weekday, LUNCH_OPEN, LUNCH_CLOSE)).add(range(weekday, DINNER_OPEN, DINNER_CLOSE));
    }
    call("POST", "/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", days), 200);
    LocalDate today = LocalDate.now(clock);
    call("POST", "/api/v1/venues/" + venue + "/special-hours", new JsonObject().put("date", nextChristmas(today).toString())
      .put("is_closed", true), 200);

    String main = room(venue, "Main room");
    String terrace = room(venue, "Terrace");
    List<String[]> tables = new ArrayList<>();
    // Main room: two round tables for two by the window, three square fours in a row that can be merged.
    for (int i = 1; i <= 5; i++) {
      JsonObject position = i <= 2 ? place(120 + (i - 1) * 220, 120, 120, 120, "round")
        : place(100 + (i - 3) * 280, 560, 180, 180, "square");
      tables.add(table(main, "M" + i, i <= 2 ? 2 : 4, i >= 3, "window", position));
    }
    // Terrace: two fours side by side, and a long table for six, turned a little.
    for (int i = 1; i <= 3; i++) {
      JsonObject position = i < 3 ? place(150 + (i - 1) * 300, 150, 200, 200, "square") : place(300, 600, 400, 160, "rectangle").put("rotation", 10);
      tables.add(table(terrace, "T" + i, i == 3 ? 6 : 4, i < 3, "outside", position));
    }
    return new Seeded(venue, bookings(venue, tables));
  }

  /** Six bookings of the next service that is still ahead (today's, else tomorrow's). */
  private List<JsonObject> bookings(String venue, List<String[]> tables) {
    List<ZonedDateTime> starts = starts(clock, 6);
    String[][] guests = {
      {"Ada Lovelace", "ada@guests.example", "confirmed"},
      {"Grace Hopper", "grace@guests.example", "confirmed"},
      {"Alan Turing", "alan@guests.example", "seated"},
      {"Edsger Dijkstra", "edsger@guests.example", "confirmed"},
      {"Barbara Liskov", "barbara@guests.example", "cancelled"},
      {"Donald Knuth", "donald@guests.example", "confirmed"},
    };
    List<JsonObject> made = new ArrayList<>();
    for (int i = 0; i < guests.length; i++) {
      String[] table = tables.get(i);
      ZonedDateTime start = starts.get(i);
      JsonObject held = call("POST", "/api/v1/bookings", new JsonObject().put("venue_id", venue)
        .put("table", new JsonObject().put("room_id", table[0]).put("table_id", table[1]))
        .put("slot", new JsonObject().put("date", start.toLocalDate().toString()).put("start_time", start.format(HH_MM))
          .put("duration_minutes", 90))
        .put("party_size", i == 2 ? 4 : 2).put("customer_name", guests[i][0]).put("customer_phone", "+44 7700 900" + (100 + i))
        .put("customer_email", guests[i][1]), 201);
      String id = held.getString("id");
      JsonObject booking = switch (guests[i][2]) {
        case "confirmed" -> act(id, "confirm", new JsonObject());
        case "seated" -> {
          act(id, "confirm", new JsonObject());
          yield act(id, "seat", new JsonObject());
        }
        case "cancelled" -> act(id, "cancel", new JsonObject().put("reason", "Guest called: plans changed"));
        default -> held;
      };
      made.add(booking);
    }
    return made;
  }

  /**
   * {@code n} start times on the half hour, at least 15 minutes ahead, in the next opening ranges
   * that still have room for a 90-minute booking (today's if the day is young enough, then the next day's).
   */
  static List<ZonedDateTime> starts(Clock clock, int n) {
    ZonedDateTime earliest = ZonedDateTime.now(clock).plusMinutes(15);
    List<ZonedDateTime> out = new ArrayList<>();
    for (LocalDate day = earliest.toLocalDate(); out.size() < n; day = day.plusDays(1)) {
      for (LocalTime[] range : new LocalTime[][]{{LUNCH_OPEN, LUNCH_CLOSE}, {DINNER_OPEN, DINNER_CLOSE}}) {
        for (LocalTime t = range[0]; !t.plusMinutes(90).isAfter(range[1]) && out.size() < n; t = t.plusMinutes(30)) {
          ZonedDateTime start = day.atTime(t).atZone(clock.getZone());
          if (start.isAfter(earliest) && !day.equals(nextChristmas(day))) {
            out.add(start);
          }
        }
      }
    }
    return out;
  }

  private static LocalDate nextChristmas(LocalDate from) {
    LocalDate christmas = LocalDate.of(from.getYear(), 12, 25);
    return christmas.isBefore(from) ? christmas.plusYears(1) : christmas;
  }

  private static JsonObject range(int weekday, LocalTime open, LocalTime close) {
    return new JsonObject().put("weekday", weekday).put("open_time", open.format(HH_MM)).put("close_time", close.format(HH_MM));
  }

  private String room(String venue, String name) {
    return call("POST", "/api/v1/venues/" + venue + "/rooms", new JsonObject().put("name", name), 201).getString("id");
  }

  private static JsonObject place(int x, int y, int width, int height, String shape) {
    return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height).put("shape", shape);
  }

  private String[] table(String room, String name, int capacity, boolean canMerge, String zone, JsonObject position) {
    String id = call("POST", "/api/v1/rooms/" + room + "/tables", new JsonObject().put("name", name).put("capacity", capacity)
      .put("can_merge", canMerge).put("zone", zone).put("position", position), 201).getString("id");
    return new String[]{room, id};
  }

  private JsonObject act(String booking, String action, JsonObject body) {
    return call("POST", "/api/v1/bookings/" + booking + "/" + action, body, 200);
  }

  private JsonObject call(String method, String path, JsonObject body, int expected) {
    var request = web.request(io.vertx.core.http.HttpMethod.valueOf(method), port, "127.0.0.1", path);
    if (authorization != null) {
      request.putHeader("authorization", authorization);
    }
    HttpResponse<Buffer> r = request.sendJsonObject(body).await();
    if (r.statusCode() != expected) {
      throw new IllegalStateException("demo seed: " + method + " " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }
}
