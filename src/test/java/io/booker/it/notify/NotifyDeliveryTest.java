package io.booker.it.notify;

import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.it.support.Eventually;
import io.booker.notify.channel.SendFailure;
import io.booker.platform.metrics.Metrics;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.notify.ListNotificationsRequest;
import io.booker.proto.notify.Notification;
import io.booker.proto.notify.NotifyServiceClient;
import io.booker.testinfra.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Notify's consumer and sender over the real Kafka and PostgreSQL, fed records directly: a
 * duplicated event notifies once, a late older event changes nothing, a failing channel ends in a
 * failed record while later events go on, and a poisoned record is recorded and skipped.
 */
class NotifyDeliveryTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  /** Sends to addresses with "fail-transient" or "fail-permanent" in them fail so. */
  static final RecordingChannel email = new RecordingChannel("email", m ->
    m.recipient().contains("fail-transient") ? new SendFailure("421 mailbox busy", false)
      : m.recipient().contains("fail-permanent") ? new SendFailure("550 no such user", true) : null);
  static NotifyRig rig;

  @BeforeAll
  static void start() {
    rig = new NotifyRig(List.of(email), new JsonObject());
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  static Instant inThreeDays() {
    return Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  @Test
  void theSameEventDeliveredTwiceSendsOneMessage() {
    String booking = NotifyRig.id();
    String venue = NotifyRig.id();
    BookingEvent confirmed = NotifyRig.bookingEvent("booking.confirmed", booking, venue, 2, "confirmed", inThreeDays()).build();
    rig.produce("booking.confirmed", booking, confirmed);
    rig.produce("booking.confirmed", booking, confirmed);
    // A later record of the same partition: once it is handled, so is the duplicate before it.
    BookingEvent marker = NotifyRig.bookingEvent("booking.confirmed", booking, venue, 1, "confirmed", inThreeDays()).build();
    rig.produce("booking.confirmed", booking, marker);
    Eventually.await("the marker event handled", WAIT,
      () -> rig.query("SELECT stale FROM processed_events WHERE event_id = $1::uuid", marker.getHeaders().getEventId()),
      rows -> rows.size() == 1);
    Eventually.await("the confirmation sent", WAIT, () -> email.sentFor(booking), sent -> !sent.isEmpty());

    List<Notification> messages = rig.notifications(booking).stream().filter(n -> n.getTemplate().equals("confirmed")).toList();
    assertEquals(1, messages.size(), messages::toString);
    assertEquals(confirmed.getHeaders().getEventId(), messages.get(0).getEventId());
    assertEquals(1, email.sentFor(booking).stream().filter(m -> m.template().equals("confirmed")).count());
    assertEquals(1, rig.query("SELECT 1 FROM events WHERE event_id = $1::uuid", confirmed.getHeaders().getEventId()).size());
  }

  @Test
  void aLateOlderEventChangesNothingAndSendsNothing() {
    String booking = NotifyRig.id();
    String venue = NotifyRig.id();
    Instant start = inThreeDays();
    BookingEvent confirmed = NotifyRig.bookingEvent("booking.confirmed", booking, venue, 2, "confirmed", start).build();
    BookingEvent held = NotifyRig.bookingEvent("booking.held", booking, venue, 1, "held", start).build();
    rig.produce("booking.confirmed", booking, confirmed);
    Eventually.await("the confirmation handled", WAIT, () -> rig.notifications(booking), list -> !list.isEmpty());
    rig.produce("booking.held", booking, held);
    Eventually.await("the hold handled", WAIT,
      () -> rig.query("SELECT stale FROM processed_events WHERE event_id = $1::uuid", held.getHeaders().getEventId()),
      rows -> rows.size() == 1);

    assertTrue(rig.query("SELECT stale FROM processed_events WHERE event_id = $1::uuid", held.getHeaders().getEventId())
      .get(0).getBoolean("stale"));
    Row state = rig.query("SELECT version, status FROM booking_state WHERE booking_id = $1::uuid", booking).get(0);
    assertEquals(2L, state.getLong("version"));
    assertEquals("confirmed", state.getString("status"));
    assertTrue(rig.notifications(booking).stream().noneMatch(n -> n.getTemplate().equals("held")), () -> rig.notifications(booking).toString());
    assertTrue(rig.query("SELECT 1 FROM events WHERE event_id = $1::uuid", held.getHeaders().getEventId()).isEmpty(),
      "a stale event is not published live");
    Eventually.await("the confirmation sent", WAIT, () -> email.sentFor(booking), sent -> !sent.isEmpty());
    assertTrue(email.triedFor(booking).stream().noneMatch(m -> m.template().equals("held")));
  }

  @Test
  void aFailingChannelRetriesThenRecordsTheFailureAndLaterEventsGoOn() {
    String failing = NotifyRig.id();
    String venue = NotifyRig.id();
    rig.produce("booking.cancelled", failing, NotifyRig.bookingEvent("booking.cancelled", failing, venue, 3, "cancelled", inThreeDays())
      .setCustomerEmail("fail-transient@example.com").build());
    Notification failed = Eventually.await("the message failed", WAIT, () -> rig.notifications(failing),
      list -> !list.isEmpty() && list.get(0).getStatus().equals("failed")).get(0);
    assertEquals(3, failed.getAttempts(), failed::toString);
    assertEquals("421 mailbox busy", failed.getLastError());
    assertEquals(3, email.triedFor(failing).size());
    assertTrue(email.sentFor(failing).isEmpty());

    String rejected = NotifyRig.id();
    rig.produce("booking.no_show", rejected, NotifyRig.bookingEvent("booking.no_show", rejected, venue, 4, "no_show", inThreeDays())
      .setCustomerEmail("fail-permanent@example.com").build());
    Notification permanent = Eventually.await("the rejected message failed", WAIT, () -> rig.notifications(rejected),
      list -> !list.isEmpty() && list.get(0).getStatus().equals("failed")).get(0);
    assertEquals(1, permanent.getAttempts(), "a permanent failure is not tried again");
    assertEquals("550 no such user", permanent.getLastError());

    String later = NotifyRig.id();
    rig.produce("booking.cancelled", later, NotifyRig.bookingEvent("booking.cancelled", later, venue, 3, "cancelled", inThreeDays()).build());
    Notification sent = Eventually.await("a later event's message sent", WAIT, () -> rig.notifications(later),
      list -> !list.isEmpty() && list.get(0).getStatus().equals("sent")).get(0);
    assertEquals("cancelled", sent.getTemplate());
    assertEquals("cancelled " + later, sent.getSubject());
    assertTrue(sent.getSentAt() > 0);
  }

  @Test
  void aPoisonedRecordIsRecordedAndSkipped() {
    String key = NotifyRig.id();
    long notJson = rig.produce("booking.cancelled", key, "this is { not json");
    long noIds = rig.produce("booking.cancelled", key, new JsonObject()
      .put("headers", new JsonObject().put("event_id", NotifyRig.id()).put("event_type", "booking.cancelled")).encode());
    String booking = key;
    rig.produce("booking.cancelled", key, NotifyRig.bookingEvent("booking.cancelled", booking, NotifyRig.id(), 3, "cancelled",
      inThreeDays()).build());

    Eventually.await("the event after the poisoned ones sent", WAIT, () -> email.sentFor(booking), sent -> !sent.isEmpty());
    List<Row> poisoned = rig.query("SELECT kafka_offset, error, payload FROM poisoned_events WHERE topic = 'booking.cancelled' "
      + "AND record_key = $1 ORDER BY kafka_offset", key);
    assertEquals(List.of(notJson, noIds), poisoned.stream().map(r -> r.getLong("kafka_offset")).toList());
    assertEquals("this is { not json", poisoned.get(0).getString("payload"));
    assertTrue(poisoned.get(1).getString("error").contains("booking_id"), poisoned.get(1).getString("error"));
  }

  @Test
  void aDatabaseFailureIsNotPoisonTheBatchIsTriedAgainUntilItIsWritten() {
    String booking = NotifyRig.id();
    double failuresBefore = batchFailures();
    rig.query("ALTER TABLE events RENAME TO events_away");
    BookingEvent cancelled;
    try {
      cancelled = NotifyRig.bookingEvent("booking.cancelled", booking, NotifyRig.id(), 3, "cancelled", inThreeDays()).build();
      rig.produce("booking.cancelled", booking, cancelled);
      Eventually.await("the batch failing on the missing table", WAIT, NotifyDeliveryTest::batchFailures, n -> n > failuresBefore);
      assertTrue(rig.query("SELECT 1 FROM processed_events WHERE event_id = $1::uuid", cancelled.getHeaders().getEventId()).isEmpty(),
        "the failed transaction left nothing behind");
    } finally {
      rig.query("ALTER TABLE events_away RENAME TO events");
    }
    Eventually.await("the event written once the database is back", WAIT, () -> email.sentFor(booking), sent -> !sent.isEmpty());
    assertEquals(1, rig.query("SELECT 1 FROM events WHERE event_id = $1::uuid", cancelled.getHeaders().getEventId()).size());
    assertTrue(rig.query("SELECT 1 FROM poisoned_events WHERE record_key = $1", booking).isEmpty(), "a database failure is not poison");
    assertEquals(1, rig.notifications(booking).size());
  }

  @Test
  void aBookingsNotificationsAreShownOnlyToThoseWhoSeeItsVenue() {
    String booking = NotifyRig.id();
    String venue = NotifyRig.id();
    rig.produce("booking.cancelled", booking, NotifyRig.bookingEvent("booking.cancelled", booking, venue, 3, "cancelled", inThreeDays()).build());
    Eventually.await("the message recorded", WAIT, () -> rig.notifications(booking), list -> !list.isEmpty());
    ListNotificationsRequest ask = ListNotificationsRequest.newBuilder().setBookingId(booking).build();

    NotifyServiceClient own = rig.client(() -> TestTokens.bearer(new Caller(NotifyRig.id(), Role.HOST, Set.of(venue))));
    Notification n = own.listNotifications(ask).await().getNotifications(0);
    assertEquals(venue, n.getVenueId());
    assertEquals("email", n.getChannel());
    assertEquals("booking.cancelled", n.getEventType());

    NotifyServiceClient stranger = rig.client(() -> TestTokens.bearer(new Caller(NotifyRig.id(), Role.MANAGER, Set.of(NotifyRig.id()))));
    Throwable refused = assertThrows(Exception.class, () -> stranger.listNotifications(ask).await());
    assertTrue(refused.toString().contains("booking " + booking + " not found"), refused.toString());
    assertEquals(0, stranger.listNotifications(ListNotificationsRequest.newBuilder().setBookingId(NotifyRig.id()).build()).await()
      .getNotificationsCount(), "a booking without notifications has an empty list");
    Throwable bad = assertThrows(Exception.class, () -> own.listNotifications(ListNotificationsRequest.newBuilder().setBookingId("nope").build()).await());
    assertTrue(bad.toString().contains("booking_id"), bad.toString());
  }

  private static double batchFailures() {
    Counter c = Metrics.registry().find("notify_batch_failures").counter();
    return c == null ? 0 : c.count();
  }
}
