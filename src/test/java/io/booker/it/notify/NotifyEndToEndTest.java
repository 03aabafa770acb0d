package io.booker.it.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.NotifyGroups;
import io.booker.it.support.Seed;
import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole way on a two-node cluster (Hazelcast, both nodes in this JVM, each with gateway, venue,
 * booking and notify; notify's consumer group spread over both): a booking made through node A's
 * gateway reaches a WebSocket client of node B's gateway, the guest's email arrives at a real SMTP
 * server (GreenMail) with the venue-local time, and the reminder goes out at its time — but not for
 * a booking cancelled meanwhile.
 */
class NotifyEndToEndTest {

  /** How long after the nodes' configuration the reminder of the test's slot falls due. */
  private static final Duration REMINDER_AFTER = Duration.ofSeconds(60);

  static GreenMail smtp;
  static TestNodes.Started nodeA;
  static TestNodes.Started nodeB;
  static Vertx client;
  static ApiClient apiA;
  static ApiClient apiB;
  /** The slot's start, venue-local (Tokyo), whole minutes: every booking of the test starts then. */
  static ZonedDateTime start;
  /** The short reminder offset: the slot's start minus it falls shortly after the start-up. */
  static Duration reminderOffset;

  @BeforeAll
  static void startCluster() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    // A slot two hours ahead, and a reminder offset that makes its reminder due shortly after the start-up.
    Instant configuredAt = Instant.now();
    start = ZonedDateTime.now(Bookings.TOKYO).plusHours(2).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
    reminderOffset = Duration.between(configuredAt.plus(REMINDER_AFTER), start.toInstant());
    int hz = TestNodes.freeRange(2);
    JsonObject extra = new JsonObject()
      .put("cluster", new JsonObject().put("enabled", true).put("name", "notify-e2e-" + UUID.randomUUID()).put("host", "127.0.0.1")
        .put("port", hz).put("members", new JsonArray().add("127.0.0.1:" + hz).add("127.0.0.1:" + (hz + 1))))
      .put("notify", new JsonObject()
        .put("group_id", NotifyGroups.fresh("notify-e2e"))
        .put("reminders", new JsonArray().add("PT24H").add(reminderOffset.toString()))
        .put("email", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
          .put("from", "Booker <no-reply@booker.test>").put("starttls", "DISABLED")));
    nodeA = TestNodes.allInOne("eventbus", extra.copy().put("node", new JsonObject().put("name", "e2e-a")));
    nodeB = TestNodes.allInOne("grpc", extra.copy().put("node", new JsonObject().put("name", "e2e-b")));
    client = Vertx.vertx();
    WebClient web = WebClient.create(client);
    apiA = new ApiClient(web, nodeA.httpPort());
    apiB = apiA.on(nodeB.httpPort());
    Eventually.await("both nodes clustered", Duration.ofSeconds(30),
      () -> nodeA.node().vertx().isClustered() && nodeB.node().vertx().isClustered(), up -> up);
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) {
      client.close().await();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aBookingThroughNodeAReachesASocketOnNodeBTheGuestsMailboxAndItsReminder() throws Exception {
    String venue = Bookings.venueOpenAllDay(apiA);
    String room = Bookings.room(apiA, venue, "Main");
    String[] table = Bookings.table(apiA, room, "T1", 4, false);
    String[] other = Bookings.table(apiA, room, "T2", 4, false);
    // Notify (on either node) has joined its consumer group and is reading.
    Eventually.await("notify has read the venue's creation", Duration.ofSeconds(60),
      () -> Seed.update("notify", "UPDATE venues SET updated_at = updated_at WHERE venue_id = ?::uuid", venue), n -> n == 1);

    LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    WebSocket socket = socketOn(nodeB, received);
    socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("venue_ids", new JsonArray().add(venue)).encode()).await();
    // Nothing of the venue comes before 'subscribed'; an event still in flight from the set-up (the tables' layout) may follow it.
    assertEquals("subscribed", next(received, m -> !"ready".equals(m.getString("type")))
      .getString("type"));

    String guest = "ada-" + UUID.randomUUID() + "@guests.test";
    JsonObject request = Bookings.request(venue, table, start.toLocalDate(), start.format(DateTimeFormatter.ofPattern("HH:mm")), 90, 3)
      .put("customer_email", guest);
    JsonObject held = Bookings.hold(apiA, request);
    String bookingId = held.getString("id");

    // Node B's socket hears of the hold made through node A, in the REST shape.
    JsonObject event = next(received, m -> "booking.held".equals(m.getString("type")));
    assertEquals(venue, event.getString("venue_id"));
    assertEquals(1, event.getInteger("version"));
    assertNotNull(event.getString("event_id"));
    JsonObject booking = event.getJsonObject("booking");
    assertEquals(bookingId, booking.getString("id"));
    assertEquals("held", booking.getString("status"));
    assertEquals(3, booking.getInteger("party_size"));
    assertEquals(start.toEpochSecond(), booking.getLong("starts_at"));

    Bookings.done(apiA, bookingId, "confirm", "confirmed");
    assertTrue(Instant.now().plusSeconds(5).isBefore(start.toInstant().minus(reminderOffset)),
      "the cluster took too long to start: the test's reminder would already be due (raise REMINDER_AFTER)");
    JsonObject confirmed = next(received, m -> "booking.confirmed".equals(m.getString("type")));
    assertEquals(2, confirmed.getInteger("version"));
    assertEquals("confirmed", confirmed.getJsonObject("booking").getString("status"));

    // The guest's confirmation, with the time as the venue sees it (Tokyo), not the server's or UTC's.
    MimeMessage mail = mailTo(guest, "confirm", Duration.ofSeconds(30));
    String text = text(mail);
    String localTime = plain(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH).format(start.toLocalTime()));
    assertTrue(text.contains(localTime), () -> "venue-local time " + localTime + " in: " + text);
    LocalTime utc = start.withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalTime();
    String utcTime = plain(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH).format(utc));
    assertFalse(text.contains(utcTime), () -> "UTC time " + utcTime + " must not be shown: " + text);
    assertTrue(text.contains(bookingId.substring(0, 8).toUpperCase(Locale.ROOT)), () -> "booking reference in: " + text);

    // A second guest confirms for the same time and cancels before the reminder is due.
    String second = "bo-" + UUID.randomUUID() + "@guests.test";
    JsonObject otherBooking = Bookings.confirmed(apiB, Bookings.request(venue, other, start.toLocalDate(),
      start.format(DateTimeFormatter.ofPattern("HH:mm")), 90, 2).put("customer_email", second));
    Bookings.done(apiB, otherBooking.getString("id"), "cancel", "cancelled");
    mailTo(second, "cancel", Duration.ofSeconds(30));

    // The first guest's reminder arrives at its time; the cancelled one's never goes out.
    MimeMessage reminder = mailTo(guest, "reminder", REMINDER_AFTER.plusSeconds(60));
    assertTrue(text(reminder).contains(localTime));
    JsonArray secondNotifications = notifications(otherBooking.getString("id"));
    JsonObject cancelledReminder = only(secondNotifications, "reminder", reminder.getSentDate().toInstant());
    assertEquals("cancelled", cancelledReminder.getString("status"), secondNotifications::encodePrettily);
    assertTrue(messagesTo(second).stream().noneMatch(m -> subject(m).toLowerCase(Locale.ROOT).contains("reminder")),
      "no reminder for the cancelled booking");

    // Staff see what was sent, through either gateway.
    JsonArray sent = notifications(bookingId);
    for (String template : List.of("held", "confirmed", "reminder")) {
      assertTrue(sent.stream().map(JsonObject.class::cast).anyMatch(n -> template.equals(n.getString("template"))
        && ("sent".equals(n.getString("status")) || "cancelled".equals(n.getString("status")))), () -> template + " in " + sent.encodePrettily());
    }
    socket.close().await();
  }

  /**
   * A venue notify's projection does not know (created before notify ran, its events gone from
   * Kafka) is looked up from the venue service when a message for it is written, and remembered.
   */
  @Test
  void aVenueNotifyNeverHeardOfIsAskedForAndRemembered() {
    String name = "Osteria " + UUID.randomUUID().toString().substring(0, 8);
    String venue = apiA.created("/api/v1/venues", new JsonObject().put("name", name).put("timezone", "Europe/Rome")).getString("id");
    JsonArray days = new JsonArray();
    for (int wd = 0; wd < 7; wd++) {
      days.add(new JsonObject().put("weekday", wd).put("open_time", "00:00").put("close_time", "00:00"));
    }
    assertEquals(200, apiA.post("/api/v1/venues/" + venue + "/schedule", new JsonObject().put("days", days)).statusCode());
    String[] table = Bookings.table(apiA, Bookings.room(apiA, venue, "Sala"), "S1", 2, false);
    // Notify learns of the venue from its event; then it forgets it, as if the event had never come.
    Eventually.await("notify knows the venue", Duration.ofSeconds(30),
      () -> Seed.update("notify", "UPDATE venues SET updated_at = updated_at WHERE venue_id = ?::uuid", venue), n -> n == 1);
    assertEquals(1, Seed.update("notify", "DELETE FROM venues WHERE venue_id = ?::uuid", venue));

    String guest = "carla-" + UUID.randomUUID() + "@guests.test";
    ZonedDateTime at = ZonedDateTime.now(java.time.ZoneId.of("Europe/Rome")).plusDays(3).withHour(20).withMinute(0);
    String id = Bookings.hold(apiB, Bookings.request(venue, table, at.toLocalDate(), "20:00", 90, 2).put("customer_email", guest))
      .getString("id");
    Bookings.done(apiB, id, "confirm", "confirmed");

    MimeMessage mail = mailTo(guest, "confirm", Duration.ofSeconds(30));
    assertTrue(subject(mail).contains(name), () -> "the venue's name in: " + subject(mail));
    assertTrue(text(mail).contains("Europe/Rome"), () -> "the venue's zone in: " + text(mail));
    assertEquals(1, Seed.update("notify", "UPDATE venues SET updated_at = updated_at WHERE venue_id = ?::uuid AND name = ?", venue, name),
      "remembered for the next message");
  }

  /** The one reminder in {@code list} whose due time is that of the reminder just received (± a minute). */
  private static JsonObject only(JsonArray list, String template, Instant around) {
    return list.stream().map(JsonObject.class::cast)
      .filter(n -> template.equals(n.getString("template")))
      .filter(n -> Math.abs(n.getLong("due_at") - around.getEpochSecond()) < 90)
      .findFirst().orElseThrow(() -> new AssertionError("no " + template + " near " + around + " in " + list.encodePrettily()));
  }

  private static JsonArray notifications(String bookingId) {
    return apiB.ok(apiB.get("/api/v1/bookings/" + bookingId + "/notifications")).getJsonArray("notifications");
  }

  private static WebSocket socketOn(TestNodes.Started node, LinkedBlockingQueue<JsonObject> into) {
    // The handler before the connection: the server's first message may come with the upgrade's answer.
    io.vertx.core.http.ClientWebSocket socket = client.createWebSocketClient().webSocket();
    socket.textMessageHandler(text -> into.add(new JsonObject(text)));
    socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort()).setURI("/api/v1/ws")
      .addHeader("authorization", TestTokens.admin())).await();
    return socket;
  }

  private static JsonObject next(LinkedBlockingQueue<JsonObject> queue, java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonObject m = queue.poll(500, TimeUnit.MILLISECONDS);
      if (m != null && wanted.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no such WebSocket message within 30 s");
  }

  /** The first mail to {@code address} whose subject mentions {@code word}, waiting up to {@code timeout}. */
  private static MimeMessage mailTo(String address, String word, Duration timeout) {
    return Eventually.await("a '" + word + "' mail to " + address, timeout,
        () -> messagesTo(address).stream().filter(m -> subject(m).toLowerCase(Locale.ROOT).contains(word)).findFirst(),
        java.util.Optional::isPresent)
      .orElseThrow();
  }

  private static List<MimeMessage> messagesTo(String address) {
    return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
      try {
        var to = m.getRecipients(Message.RecipientType.TO);
        return to != null && List.of(to).stream().anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).toList();
  }

  /** The decoded text of a plain-text mail. */
  private static String text(MimeMessage m) {
    try {
      Object content = m.getContent();
      return plain(content instanceof String s ? s : GreenMailUtil.getBody(m));
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  /** Text with the JDK's narrow and no-break spaces (in some locales' times) as plain spaces. */
  private static String plain(String s) {
    return s.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  private static String subject(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }
}
