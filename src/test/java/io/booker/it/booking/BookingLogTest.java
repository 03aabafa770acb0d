package io.booker.it.booking;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.LogCapture;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.testinfra.TestTokens;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.booker.it.support.Bookings.day;
import static io.booker.it.support.Bookings.request;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Booking changes are logged as the seed logged them: one INFO line per create and per transition,
 * key=value, with the booking, venue, every table, the statuses, the acting user and the request's
 * trace id; a repeated action that changes nothing logs nothing at INFO; taking over a lapsed hold
 * is a WARN; and nothing of the guest is ever in any log line. The node does not sweep, so every
 * expiry here is one a request made (the sweeper's own lines: {@code HoldExpiryLogTest}).
 */
class BookingLogTest {

  static final String BOOKING_LOG = "io.booker.booking.BookingLog";
  static final String NAME = "Zelda Quartermain";
  static final String PHONE = "+81 3 5555 0199";
  static final String EMAIL = "zelda.quartermain@example.org";
  static final String COMMENT = "Quartermain birthday, window please";
  static final String REASON = "Zelda Quartermain phoned to cancel";

  static final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
    .setTracerProvider(SdkTracerProvider.builder().build())
    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
    .build();

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus", new JsonObject().put("booking", new JsonObject()
    .put("expiry", new JsonObject().put("enabled", false)))).tracedWith(otel);
  static final LogCapture logs = new LogCapture();
  static ApiClient api;

  @BeforeAll
  static void capture() {
    api = harness.api();
    logs.start();
  }

  @AfterAll
  static void release() {
    logs.stop();
    otel.close();
  }

  @BeforeEach
  void fresh() {
    logs.clear();
  }

  @Test
  void everyChangeIsOneInfoLineWithItsFieldsAndTraceIdAndNothingOfTheGuest() {
    String venue = Bookings.venueOpenAllDay(api);
    String room = Bookings.room(api, venue, "A");
    String[] a2 = Bookings.table(api, room, "A2", 2, true);
    String[] a4 = Bookings.table(api, room, "A4", 4, true);
    LocalDate d = day(9);

    // A single table: created, confirmed, seated, finished; finishing again changes nothing.
    String t1 = traceId();
    JsonObject one = body(traced(t1, "/api/v1/bookings", guest(request(venue, a4, d, "19:00", 0, 3))), 201);
    String id = one.getString("id");
    Map<String, String> created = onlyLine("booking_created", id, t1);
    assertEquals(venue, created.get("venue_id"));
    assertEquals(a4[1], created.get("table_id"));
    assertEquals("held", created.get("status"));
    assertEquals(one.getString("admin_id"), created.get("admin_id"), "the caller");
    assertEquals(d.toString(), created.get("date"));
    assertEquals("19:00", created.get("start_time"));
    assertFalse(created.containsKey("from_status"));

    transition(id, "confirm", "booking_confirmed", "held", "confirmed", a4[1]);
    transition(id, "seat", "booking_seated", "confirmed", "seated", a4[1]);
    transition(id, "finish", "booking_finished", "seated", "finished", a4[1]);
    String again = traceId();
    body(traced(again, "/api/v1/bookings/" + id + "/finish", new JsonObject()), 200);
    assertEquals(List.of(), infoLinesOf(again), "a repeat that changes nothing logs nothing at INFO");

    // A merged pair: created with both tables, rescheduled, cancelled (its reason is never logged).
    String t2 = traceId();
    JsonObject pair = body(traced(t2, "/api/v1/bookings", guest(Bookings.pairRequest(venue, a2, a4, d, "12:00", 0, 5))), 201);
    String pairId = pair.getString("id");
    Map<String, String> pairCreated = onlyLine("booking_created", pairId, t2);
    assertEquals(sorted(a2[1], a4[1]), sorted(pairCreated.get("table_id").split(",")), "every table of the pair");
    String t3 = traceId();
    body(traced(t3, "/api/v1/bookings/" + pairId + "/reschedule", new JsonObject().put("slot", new JsonObject()
      .put("date", d.toString()).put("start_time", "13:00"))), 200);
    Map<String, String> moved = onlyLine("booking_rescheduled", pairId, t3);
    assertEquals("held", moved.get("status"));
    assertEquals("held", moved.get("from_status"));
    assertEquals("13:00", moved.get("start_time"));
    assertEquals(2, moved.get("table_id").split(",").length);
    Map<String, String> cancelled = transition(pairId, "cancel", "booking_cancelled", "held", "cancelled", null,
      new JsonObject().put("reason", REASON));
    assertEquals(2, cancelled.get("table_id").split(",").length);

    // A no-show, once the booking has started.
    JsonObject late = body(traced(traceId(), "/api/v1/bookings", guest(request(venue, a2, day(10), "12:00", 0, 2))), 201);
    transition(late.getString("id"), "confirm", "booking_confirmed", "held", "confirmed", a2[1]);
    Seed.moveIntoThePast(late.getString("id"), 1);
    transition(late.getString("id"), "no-show", "booking_no_show", "confirmed", "no_show", a2[1]);

    // A lapsed hold that a confirm finds: the system expires it, in the confirm's trace.
    String lapsed = body(traced(traceId(), "/api/v1/bookings", guest(request(venue, a2, day(11), "12:00", 0, 2))), 201).getString("id");
    lapse(lapsed);
    String t4 = traceId();
    HttpResponse<Buffer> refused = traced(t4, "/api/v1/bookings/" + lapsed + "/confirm", new JsonObject());
    assertEquals(409, refused.statusCode(), refused::bodyAsString);
    Map<String, String> expired = onlyLine("booking_expired", lapsed, t4);
    assertEquals("expired", expired.get("status"));
    assertEquals("held", expired.get("from_status"));
    assertEquals("system", expired.get("admin_id"));

    assertGuestNeverLogged();
  }

  @Test
  void takingOverALapsedHoldOfAnotherBookingIsAWarning() {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    LocalDate d = day(12);
    String first = body(traced(traceId(), "/api/v1/bookings", guest(request(venue, t, d, "19:00", 0, 2))), 201).getString("id");
    lapse(first);

    String trace = traceId();
    String second = body(traced(trace, "/api/v1/bookings", guest(request(venue, t, d, "19:00", 0, 2))), 201).getString("id");

    Map<String, String> warning = onlyLine(Level.WARN, "stale_hold_taken_over", first, trace);
    assertEquals(second, warning.get("taken_over_by"));
    assertEquals(t[1], warning.get("table_id"));
    // Its Redis key still named it: taken over too, and said so.
    Map<String, String> key = onlyLine(Level.WARN, "stale_hold_key_taken_over", first, trace);
    assertEquals(second, key.get("taken_over_by"));
    Map<String, String> expired = onlyLine("booking_expired", first, trace);
    assertEquals("system", expired.get("admin_id"));
    onlyLine("booking_created", second, trace);
    assertGuestNeverLogged();
  }

  // --- helpers ---

  /** Acts on booking {@code id} under a trace of its own and asserts the one INFO line it logs. */
  private static Map<String, String> transition(String id, String action, String event, String from, String to, String table) {
    return transition(id, action, event, from, to, table, new JsonObject());
  }

  private static Map<String, String> transition(String id, String action, String event, String from, String to, String table,
                                                JsonObject body) {
    String trace = traceId();
    JsonObject after = body(traced(trace, "/api/v1/bookings/" + id + "/" + action, body), 200);
    Map<String, String> line = onlyLine(event, id, trace);
    assertEquals(to, line.get("status"), line::toString);
    assertEquals(from, line.get("from_status"), line::toString);
    assertEquals(after.getString("venue_id"), line.get("venue_id"));
    assertEquals(String.valueOf(after.getLong("version")), line.get("version"));
    assertEquals(TestTokens.ADMIN_ID, line.get("admin_id"), "the acting user");
    if (table != null) {
      assertEquals(table, line.get("table_id"));
    }
    return line;
  }

  private static Map<String, String> onlyLine(String event, String bookingId, String traceId) {
    return onlyLine(Level.INFO, event, bookingId, traceId);
  }

  /** The one line of {@code event} about {@code bookingId}, at {@code level}, carrying {@code traceId}; its fields. */
  private static Map<String, String> onlyLine(Level level, String event, String bookingId, String traceId) {
    List<ILoggingEvent> lines = logs.of(BOOKING_LOG).stream()
      .filter(e -> event.equals(fields(e).get("event")) && bookingId.equals(fields(e).get("booking_id"))).toList();
    assertEquals(1, lines.size(), () -> event + " of " + bookingId + ": " + lines);
    ILoggingEvent line = lines.get(0);
    assertEquals(level, line.getLevel(), line::getFormattedMessage);
    assertEquals(traceId, line.getMDCPropertyMap().get("trace_id"), () -> "the request's trace id: " + line.getFormattedMessage());
    return fields(line);
  }

  private static List<String> infoLinesOf(String traceId) {
    return logs.of(BOOKING_LOG).stream()
      .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO) && traceId.equals(e.getMDCPropertyMap().get("trace_id")))
      .map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static void assertGuestNeverLogged() {
    for (ILoggingEvent e : logs.all()) {
      String all = e.getFormattedMessage() + " " + e.getMDCPropertyMap()
        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
      for (String secret : List.of("Zelda", "Quartermain", "5555 0199", "55550199", "zelda.quartermain", "birthday", "phoned")) {
        assertFalse(all.contains(secret), () -> "guest data '" + secret + "' in " + e.getLoggerName() + ": " + all);
      }
    }
  }

  private static Map<String, String> fields(ILoggingEvent e) {
    Map<String, String> out = new HashMap<>();
    for (String pair : e.getFormattedMessage().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return out;
  }

  private static JsonObject guest(JsonObject request) {
    return request.put("customer_name", NAME).put("customer_phone", PHONE).put("customer_email", EMAIL).put("comment", COMMENT);
  }

  /** POSTs {@code body} as part of trace {@code traceId} (the gateway continues a caller's W3C trace). */
  private static HttpResponse<Buffer> traced(String traceId, String path, JsonObject body) {
    String parent = String.format("%016x", ThreadLocalRandom.current().nextLong() | 1);
    return api.request("POST", path).putHeader("traceparent", "00-" + traceId + "-" + parent + "-01").sendJsonObject(body).await();
  }

  private static JsonObject body(HttpResponse<Buffer> r, int status) {
    assertEquals(status, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  private static String traceId() {
    return String.format("%016x%016x", ThreadLocalRandom.current().nextLong() | 1, ThreadLocalRandom.current().nextLong());
  }

  /** The hold's time is up (nothing sweeps here: it stays held until a request finds it). */
  private static void lapse(String bookingId) {
    assertEquals(1, Seed.update("booking", "UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
      bookingId));
  }

  private static List<String> sorted(String... ids) {
    return Arrays.stream(ids).sorted().toList();
  }
}
