package io.booker.it.notify;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NodeHarness;
import io.booker.platform.live.LiveEvents;
import io.booker.proto.notify.Notification;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real bookings made through the REST API of a node reach notify through the outbox and Kafka as
 * the booking service writes them: the guest gets the messages of the hold, the confirmation and the
 * cancellation on both channels, the reminder is scheduled and then cancelled, and the venue's live
 * address carries each change with the booking exactly as REST shows it.
 */
class NotifyBookingFlowTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  /** Fields of a REST booking that its events carry: all of them. */
  static final List<String> CARRIED = List.of("id", "venue_id", "table", "tables", "slot", "party_size", "customer_name",
    "customer_phone", "customer_email", "status", "comment", "version", "starts_at", "ends_at", "updated_at", "expires_at",
    "cancel_reason", "created_at", "admin_id", "combination_id");

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final RecordingChannel email = new RecordingChannel("email", m -> null);
  static final RecordingChannel sms = new RecordingChannel("sms", m -> null);
  static NotifyRig rig;

  @BeforeAll
  static void start() {
    rig = new NotifyRig(List.of(email, sms), new JsonObject());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aBookingsLifeReachesTheGuestAndTheLiveView() {
    ApiClient api = harness.api();
    String venue = Bookings.venueOpenAllDay(api);
    String[] table = Bookings.table(api, Bookings.room(api, venue, "Main"), "T1", 4, false);
    List<JsonObject> live = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> consumer = harness.node().vertx().eventBus()
      .consumer(LiveEvents.address(venue), msg -> live.add(msg.body()));
    consumer.completion().await();

    String address = "ada+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    JsonObject confirmed = Bookings.confirmed(api, Bookings.requestInHours(venue, table, 30, 90, 2).put("customer_email", address));
    String id = confirmed.getString("id");

    Eventually.await("the confirmation mailed and texted", WAIT, () -> List.of(email.sentFor(id), sms.sentFor(id)),
      both -> both.stream().allMatch(sent -> sent.stream().anyMatch(m -> m.template().equals("confirmed"))));
    assertEquals(address, email.sentFor(id).get(0).recipient());
    assertEquals("+81 3 1234 5678", sms.sentFor(id).get(0).recipient());
    List<Notification> all = rig.notifications(id);
    for (Notification held : all.stream().filter(n -> n.getTemplate().equals("held")).toList()) {
      assertTrue(held.getStatus().equals("sent") || held.getLastError().equals("superseded by booking.confirmed"), held::toString);
    }
    List<Notification> reminders = all.stream().filter(n -> n.getTemplate().equals("reminder")).toList();
    assertEquals(2, reminders.size(), all::toString);
    for (Notification r : reminders) {
      assertEquals("pending", r.getStatus());
      assertEquals(confirmed.getLong("starts_at") - 3600, r.getDueAt());
    }

    JsonObject cancelled = Bookings.done(api, id, "cancel", "cancelled");
    Eventually.await("the cancellation mailed", WAIT, () -> email.sentFor(id),
      sent -> sent.stream().anyMatch(m -> m.template().equals("cancelled")));
    assertTrue(rig.notifications(id).stream().filter(n -> n.getTemplate().equals("reminder"))
      .allMatch(n -> n.getStatus().equals("cancelled")), () -> rig.notifications(id).toString());

    JsonObject lastLive = Eventually.await("the cancellation live", WAIT, () -> live.stream()
        .filter(m -> m.getJsonObject(LiveEvents.EVENT).getString("type").equals("booking.cancelled")).findFirst().orElse(null),
      m -> true);
    JsonObject event = lastLive.getJsonObject(LiveEvents.EVENT);
    assertEquals(venue, event.getString("venue_id"));
    assertEquals(cancelled.getLong("version"), event.getLong("version"));
    JsonObject rest = api.get("/api/v1/bookings/" + id).bodyAsJsonObject();
    assertEquals(new java.util.TreeSet<>(rest.fieldNames()), new java.util.TreeSet<>(CARRIED), "every field of the REST booking is compared");
    assertEquals(carried(rest), carried(event.getJsonObject("booking")), "the live booking is the REST booking");
    // One topic per event type: a late older event (say the hold after the cancellation) is stale
    // and not published, so only the newest is sure to be live; whatever was live is in version order.
    List<Long> versions = live.stream().map(m -> m.getJsonObject(LiveEvents.EVENT))
      .filter(e -> e.getString("type").startsWith("booking.")).map(e -> e.getLong("version")).toList();
    assertEquals(versions.stream().sorted().toList(), versions, "no older state after a newer one");
    consumer.unregister().await();
  }

  /** The carried fields, as JSON text reads them back (numbers compare by value). */
  private static JsonObject carried(JsonObject booking) {
    JsonObject out = new JsonObject();
    CARRIED.forEach(f -> out.put(f, booking.getValue(f)));
    return new JsonObject(out.encode());
  }
}
