package io.booker.it.gateway;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.LiveClient;
import io.booker.it.support.NodeHarness;
import io.booker.it.support.Seed;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole path on one node: a booking changed over REST goes through the outbox, Kafka and
 * notify's event log to a WebSocket subscribed to its venue, in the REST shape; a client that
 * reconnects with its last event id receives exactly what it missed, in order, then live events.
 */
class LiveSocketEndToEndTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");

  @Test
  void aBookingChangedOverRestReachesTheSocketAndAReconnectGetsExactlyWhatItMissed() {
    ApiClient api = harness.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] table = Bookings.table(api, Bookings.room(api, venue, "Hall"), "T1", 4, false);
    // The node's notify has joined its consumer group and is reading (a group's first join can take seconds).
    Eventually.await("notify has read the venue's creation", java.time.Duration.ofSeconds(90),
      () -> Seed.update("notify", "UPDATE venues SET updated_at = updated_at WHERE venue_id = ?::uuid", venue), n -> n == 1);
    String bookingId;
    String lastSeen;
    String[] second = new String[1];
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.subscribe(venue);
      JsonObject booking = Bookings.hold(api, Bookings.request(venue, table, Bookings.day(20), "19:00", 90, 2));
      bookingId = booking.getString("id");
      JsonObject held = c.nextWhere("booking.held", "booking.id", bookingId);
      assertEquals(venue, held.getString("venue_id"));
      assertEquals(1, held.getInteger("version"));
      assertEquals("held", held.getJsonObject("booking").getString("status"));
      assertEquals(booking.getString("customer_name"), held.getJsonObject("booking").getString("customer_name"));
      assertTrue(held.getJsonObject("booking").getLong("expires_at") > 0, held::encode);
      Bookings.done(api, bookingId, "confirm", "confirmed");
      JsonObject confirmed = c.nextWhere("booking.confirmed", "booking.id", bookingId);
      assertEquals(2, confirmed.getInteger("version"));
      lastSeen = confirmed.getString("event_id");
    }

    // Missed while disconnected: a cancel, and another booking. A second client, subscribed before them,
    // tells when notify has logged both, and in which order (each event type has its own Kafka topic,
    // so notify may receive them in either order; its log's order is the order it published them in).
    List<String> missed;
    try (LiveClient watcher = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      watcher.subscribe(venue);
      Bookings.done(api, bookingId, "cancel", "cancelled");
      String secondId = Bookings.hold(api, Bookings.request(venue, table, Bookings.day(21), "19:00", 90, 2)).getString("id");
      second[0] = secondId;
      List<JsonObject> seen = watcher.until(m -> m.getString("type").equals("booking.cancelled") && bookingId.equals(bookingOf(m))
        || m.getString("type").equals("booking.held") && secondId.equals(bookingOf(m)));
      JsonObject first = seen.get(seen.size() - 1);
      JsonObject other = first.getString("type").equals("booking.held")
        ? watcher.nextWhere("booking.cancelled", "booking.id", bookingId) : watcher.nextWhere("booking.held", "booking.id", secondId);
      missed = List.of(first.getString("event_id"), other.getString("event_id"));
    }

    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.send(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(venue)).put("since_event_id", lastSeen));
      List<JsonObject> got = c.until(m -> "caught_up".equals(m.getString("type")));
      assertEquals("subscribed", got.get(0).getString("type"));
      // Booking events only: the venue's own events (venue.created, schedule) may be logged at any point before.
      assertEquals(missed, got.subList(1, got.size() - 1).stream().filter(m -> m.getString("type").startsWith("booking."))
        .map(m -> m.getString("event_id")).toList(), got::toString);
      JsonObject cancelled = got.stream().filter(m -> m.getString("type").equals("booking.cancelled")).findFirst().orElseThrow();
      assertEquals(bookingId, bookingOf(cancelled));
      assertEquals(3, cancelled.getInteger("version"));

      Bookings.done(api, second[0], "confirm", "confirmed");
      List<JsonObject> next = c.until(m -> m.getString("type").startsWith("booking."));
      JsonObject live = next.get(next.size() - 1);
      assertEquals("booking.confirmed", live.getString("type"), "the next booking event is the confirmation, nothing replayed twice");
      assertEquals(second[0], live.getJsonObject("booking").getString("id"));
      assertTrue(c.drain().stream().noneMatch(m -> m.getString("type").startsWith("booking.")), "nothing twice");
    }
  }

  @Test
  void aBlockMadeAndRemovedOverRestReachesTheVenuesSocketWithItsReason() {
    ApiClient api = harness.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] table = Bookings.table(api, Bookings.room(api, venue, "Hall"), "T1", 4, false);
    Eventually.await("notify has read the venue's creation", java.time.Duration.ofSeconds(90),
      () -> Seed.update("notify", "UPDATE venues SET updated_at = updated_at WHERE venue_id = ?::uuid", venue), n -> n == 1);
    try (LiveClient c = LiveClient.ready(harness.vertx(), harness.httpPort(), TestTokens.admin())) {
      c.subscribe(venue);
      JsonObject block = api.created("/api/v1/venues/" + venue + "/blocks", new JsonObject()
        .put("table_ids", new JsonArray().add(table[1])).put("date", Bookings.day(20).toString())
        .put("start_time", "18:00").put("end_time", "23:00").put("reason", "private event"));
      String id = block.getString("id");
      JsonObject created = c.nextWhere("block.created", "block.id", id);
      assertEquals(venue, created.getString("venue_id"));
      JsonObject expected = block.copy();
      expected.remove("overlapping_booking_ids");
      assertEquals(expected, created.getJsonObject("block"), "the block in its REST shape (but the create's own list), with its reason");
      assertEquals(204, api.delete("/api/v1/blocks/" + id).statusCode());
      JsonObject deleted = c.nextWhere("block.deleted", "block.id", id);
      assertEquals("private event", deleted.getJsonObject("block").getString("reason"));
    }
  }

  private static String bookingOf(JsonObject m) {
    JsonObject b = m.getJsonObject("booking");
    return b == null ? null : b.getString("id");
  }
}
