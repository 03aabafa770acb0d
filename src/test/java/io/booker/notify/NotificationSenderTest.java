package io.booker.notify;

import io.booker.notify.FakeNotifyStore.Claim;
import io.booker.notify.FakeNotifyStore.Mark;
import io.booker.notify.channel.Channel;
import io.booker.notify.channel.OutgoingMessage;
import io.booker.notify.channel.SendFailure;
import io.booker.notify.domain.RetryPolicy;
import io.booker.notify.template.BookingMessage;
import io.booker.notify.template.MessageRenderer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static io.booker.notify.EventConsumerTest.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The sender against an in-memory store, channels, templates and venue directory: what it claims,
 * what it sends, and the outcome it records for each notification (sent, retried after a back-off,
 * failed, cancelled).
 */
class NotificationSenderTest {

  static final int BATCH = 2;
  static final Duration LEASE = Duration.ofSeconds(45);
  static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));
  static final UUID BOOKING = UUID.fromString("30000000-0000-4000-8000-000000000001");
  static final Instant STARTS_AT = Instant.parse("2031-05-02T19:00:00Z");

  static Vertx vertx;

  FakeNotifyStore store;
  FakeChannel email;
  FakeVenues venues;
  final List<String> rendered = new CopyOnWriteArrayList<>();
  NotificationSender sender;
  Context context;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @BeforeEach
  void wire() {
    store = new FakeNotifyStore();
    email = new FakeChannel("email");
    venues = new FakeVenues();
    sender = sender(Duration.ofHours(1));
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() {
    onContext(sender::stop).await();
  }

  NotificationSender sender(Duration interval) {
    MessageRenderer renderer = (template, channel, language, message) -> {
      if (template.equals("broken")) {
        throw new IllegalArgumentException("no template broken");
      }
      rendered.add(template + "/" + channel + "/" + language + "/" + message.venueName());
      return new MessageRenderer.Rendered("Your booking at " + message.venueName(), "Dear " + message.customerName(),
        language.isEmpty() ? "en" : language);
    };
    return new NotificationSender(vertx, store, Map.of("email", email), renderer, venues, RETRY, interval, BATCH, LEASE);
  }

  @Test
  void aDueNotificationIsWrittenSentAndRecordedAsSent() {
    DueNotification n = due("email", "ada@example.com", "confirmed", 0);
    store.due.add(n);
    kick();
    await(() -> store.marks.size() == 1);

    assertEquals(List.of(new OutgoingMessage(n.id().toString(), "email", "ada@example.com", "Your booking at Chez Ada",
      "Dear Ada Lovelace", BOOKING.toString(), "confirmed")), email.sent);
    assertEquals(new Mark(n.id(), "sent", "de|Your booking at Chez Ada", null), store.markOf(n.id()));
    assertEquals(List.of("confirmed/email/de/Chez Ada"), rendered, "written in the venue's language");
    assertEquals(new Claim(BATCH, LEASE), store.claims.get(0), "claims its batch under its lease");
  }

  @Test
  void aTransientFailureIsRetriedWithAnExponentialBackOff() {
    email.failWith = new SendFailure("SMTP 451 try again later", false);
    DueNotification first = due("email", "ada@example.com", "held", 0);
    DueNotification second = due("email", "ada@example.com", "held", 1);
    store.due.add(first);
    store.due.add(second);
    kick();
    await(() -> store.marks.size() == 2);
    assertEquals(new Mark(first.id(), "retry", "SMTP 451 try again later", Duration.ofMillis(100)), store.markOf(first.id()));
    assertEquals(new Mark(second.id(), "retry", "SMTP 451 try again later", Duration.ofMillis(200)), store.markOf(second.id()));
  }

  @Test
  void anyOtherErrorIsTransientNamedByItsClassAndMasksTheAddress() {
    email.failWith = new IllegalStateException("connection to mx for ada@example.com closed");
    DueNotification n = due("email", "ada@example.com", "held", 0);
    store.due.add(n);
    kick();
    await(() -> store.marks.size() == 1);
    assertEquals(new Mark(n.id(), "retry", "IllegalStateException: connection to mx for a***@example.com closed", Duration.ofMillis(100)),
      store.markOf(n.id()));
  }

  @Test
  void theLastAllowedAttemptFailsForGood() {
    email.failWith = new SendFailure("SMTP 451 try again later", false);
    DueNotification n = due("email", "ada@example.com", "held", RETRY.maxAttempts() - 1);
    store.due.add(n);
    kick();
    await(() -> store.marks.size() == 1);
    assertEquals(new Mark(n.id(), "failed", "SMTP 451 try again later", null), store.markOf(n.id()));
  }

  @Test
  void aPermanentFailureIsNotRetried() {
    email.failWith = new SendFailure("550 mailbox unavailable", true);
    DueNotification n = due("email", "ada@example.com", "held", 0);
    store.due.add(n);
    kick();
    await(() -> store.marks.size() == 1);
    assertEquals(new Mark(n.id(), "failed", "550 mailbox unavailable", null), store.markOf(n.id()));
  }

  @Test
  void aChannelThatIsNotConfiguredOrAMessageThatCannotBeWrittenFails() {
    DueNotification sms = due("sms", "+44 7911 123489", "held", 0);
    DueNotification broken = due("email", "ada@example.com", "broken", 0);
    store.due.add(sms);
    store.due.add(broken);
    kick();
    await(() -> store.marks.size() == 2);
    assertEquals(new Mark(sms.id(), "failed", "channel sms is not configured", null), store.markOf(sms.id()));
    assertEquals(new Mark(broken.id(), "failed", "cannot write the message: no template broken", null), store.markOf(broken.id()));
    assertTrue(email.sent.isEmpty());
  }

  @Test
  void aReminderIsSentOnlyWhileTheBookingIsConfirmedAtThatStart() {
    DueNotification cancelled = reminder("cancelled", STARTS_AT);
    DueNotification moved = reminder("confirmed", STARTS_AT.plusSeconds(3600));
    DueNotification current = reminder("confirmed", STARTS_AT);
    store.due.addAll(List.of(cancelled, moved, current));
    kick();
    await(() -> store.marks.size() == 3);
    assertEquals(new Mark(cancelled.id(), "cancelled", "booking is cancelled", null), store.markOf(cancelled.id()));
    assertEquals(new Mark(moved.id(), "cancelled", "booking was moved", null), store.markOf(moved.id()));
    assertEquals("sent", store.markOf(current.id()).outcome());
    assertEquals(List.of(current.id().toString()), email.sent.stream().map(OutgoingMessage::notificationId).toList());
  }

  @Test
  void aVenueTheProjectionLacksIsLookedUpAndRemembered() {
    venues.known = Optional.of(new VenueDirectory.KnownVenue("Chez Grace", "Europe/Paris", "fr"));
    DueNotification n = unknownVenue(due("email", "ada@example.com", "confirmed", 0));
    store.due.add(n);
    kick();
    await(() -> store.marks.size() == 1);
    assertEquals(new Mark(n.id(), "sent", "fr|Your booking at Chez Grace", null), store.markOf(n.id()));
    assertEquals(Map.of(n.venueId(), venues.known.get()), store.rememberedVenues);
  }

  @Test
  void aFailedOrEmptyVenueLookupDoesNotHoldTheMessageBack() {
    venues.fail = true;
    DueNotification failedLookup = unknownVenue(due("email", "ada@example.com", "confirmed", 0));
    store.due.add(failedLookup);
    kick();
    await(() -> store.marks.size() == 1);
    assertEquals(new Mark(failedLookup.id(), "sent", "en|Your booking at ", null), store.markOf(failedLookup.id()));

    venues.fail = false;
    DueNotification unknown = unknownVenue(due("email", "ada@example.com", "confirmed", 0));
    store.due.add(unknown);
    kick();
    await(() -> store.marks.size() == 2);
    assertEquals("sent", store.markOf(unknown.id()).outcome());
    assertTrue(store.rememberedVenues.isEmpty(), "nothing to remember");
  }

  @Test
  void aFullBatchIsFollowedAtOnceByAnotherRound() {
    for (int i = 0; i < 5; i++) {
      store.due.add(due("email", "guest" + i + "@example.com", "held", 0));
    }
    kick();
    await(() -> store.marks.size() == 5);
    roundTrip();
    assertEquals(List.of(new Claim(BATCH, LEASE), new Claim(BATCH, LEASE), new Claim(BATCH, LEASE)), store.claims,
      "2 + 2 + 1: a round that found less than a batch is the last");
    assertEquals(5, email.sent.size());
  }

  @Test
  void kicksDuringARoundMakeOneMoreRoundAfterIt() {
    store.holdClaims = true;
    kick();
    kick();
    kick();
    roundTrip();
    assertEquals(1, store.claims.size(), "one round at a time");
    onContext(() -> Future.succeededFuture(store.releaseClaim())).await();
    roundTrip();
    assertEquals(2, store.claims.size(), "the kicks during the round asked for one more");
    onContext(() -> Future.succeededFuture(store.releaseClaim())).await();
    roundTrip();
    assertEquals(2, store.claims.size(), "nothing asked for a third");
  }

  @Test
  void theTimerLooksForDueNotificationsWithoutAKick() {
    sender = sender(Duration.ofMillis(30));
    onContext(() -> {
      sender.start();
      return Future.succeededFuture();
    }).await();
    DueNotification n = due("email", "ada@example.com", "held", 0);
    store.due.add(n);
    await(() -> store.marks.size() == 1);
    assertEquals("sent", store.markOf(n.id()).outcome());
  }

  @Test
  void stopWaitsForTheRoundInProgressAndEndsTheKicks() {
    store.holdClaims = true;
    store.due.add(due("email", "ada@example.com", "held", 0));
    kick();
    roundTrip();
    Future<Void> stopped = onContext(sender::stop);
    roundTrip();
    assertFalse(stopped.isComplete(), "the round in progress has not recorded its outcomes yet");
    onContext(() -> Future.succeededFuture(store.releaseClaim())).await();
    stopped.await();
    assertEquals(1, store.marks.size());
    kick();
    roundTrip();
    assertEquals(1, store.claims.size(), "a stopped sender claims nothing more");
  }

  private void kick() {
    onContext(() -> {
      sender.kick();
      return Future.succeededFuture();
    }).await();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    return Future.<Future<T>>future(p -> context.runOnContext(v -> p.complete(action.get()))).compose(f -> f);
  }

  /** Lets the context run everything queued before (a re-kick goes through runOnContext). */
  private void roundTrip() {
    for (int i = 0; i < 3; i++) {
      onContext(Future::succeededFuture).await();
    }
  }

  static DueNotification due(String channel, String recipient, String template, int attempts) {
    BookingMessage message = new BookingMessage(BOOKING.toString(), "Chez Ada", "Europe/Berlin", LocalDate.of(2031, 5, 2),
      LocalTime.of(21, 0), 90, 2, "Ada Lovelace", null, Instant.parse("2031-04-01T10:00:00Z"), "");
    return new DueNotification(UUID.randomUUID(), BOOKING, TestEvents.VENUE, channel, recipient, template, attempts, null, "held",
      STARTS_AT, "de", message, true, null);
  }

  static DueNotification reminder(String bookingStatus, Instant startsAt) {
    DueNotification d = due("email", "ada@example.com", "reminder", 0);
    return new DueNotification(d.id(), d.bookingId(), d.venueId(), d.channel(), d.recipient(), d.template(), 0, STARTS_AT, bookingStatus,
      startsAt, d.language(), d.message(), true, null);
  }

  /** The notification as claimed when notify's projection has never seen its venue: nameless, no language. */
  static DueNotification unknownVenue(DueNotification d) {
    BookingMessage m = d.message();
    BookingMessage nameless = new BookingMessage(m.bookingId(), "", "", m.date(), m.time(), m.durationMinutes(), m.partySize(),
      m.customerName(), m.expiresAt(), m.eventTime(), m.reason());
    return new DueNotification(d.id(), d.bookingId(), d.venueId(), d.channel(), d.recipient(), d.template(), d.attempts(), d.remindsOf(),
      d.bookingStatus(), d.startsAt(), "", nameless, false, null);
  }

  /** A channel that records what it sends, or fails every send with {@link #failWith}. */
  static final class FakeChannel implements Channel {

    private final String name;
    final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    volatile Throwable failWith;

    FakeChannel(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Future<Void> send(OutgoingMessage message) {
      if (failWith != null) {
        return Future.failedFuture(failWith);
      }
      sent.add(message);
      return Future.succeededFuture();
    }
  }

  /** The venue service as notify calls it: knows {@link #known}, or fails while {@link #fail}. */
  static final class FakeVenues implements VenueDirectory {

    volatile Optional<KnownVenue> known = Optional.empty();
    volatile boolean fail;

    @Override
    public Future<Optional<KnownVenue>> find(UUID venueId) {
      return fail ? Future.failedFuture(new IllegalStateException("venue service unavailable")) : Future.succeededFuture(known);
    }
  }
}
