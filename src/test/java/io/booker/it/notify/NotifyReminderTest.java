package io.booker.it.notify;

import io.booker.it.support.Eventually;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.notify.Notification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reminders are rows with a due time, sent by the sender when due: with a one-hour offset, a
 * booking that starts an hour and a few seconds from now is reminded a few seconds from now, and a
 * booking cancelled meanwhile is not.
 */
class NotifyReminderTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final RecordingChannel email = new RecordingChannel("email", m -> null);
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

  @Test
  void aReminderIsSentAtItsTimeAndNotAfterACancel() {
    String venue = NotifyRig.id();
    String kept = NotifyRig.id();
    String cancelled = NotifyRig.id();
    Instant now = Instant.now();
    // The cancelled booking's reminder falls due first, so once the kept one is sent, it would have been too.
    Instant cancelledStart = now.plus(Duration.ofHours(1)).plusSeconds(6);
    Instant keptStart = now.plus(Duration.ofHours(1)).plusSeconds(9);
    rig.produce("booking.confirmed", cancelled, NotifyRig.bookingEvent("booking.confirmed", cancelled, venue, 2, "confirmed", cancelledStart).build());
    rig.produce("booking.confirmed", kept, NotifyRig.bookingEvent("booking.confirmed", kept, venue, 2, "confirmed", keptStart).build());

    Notification scheduled = Eventually.await("the reminder scheduled", WAIT, () -> reminders(cancelled), list -> !list.isEmpty()).get(0);
    assertEquals("pending", scheduled.getStatus());
    assertEquals(cancelledStart.minus(Duration.ofHours(1)).getEpochSecond(), scheduled.getDueAt());
    BookingEvent cancel = NotifyRig.bookingEvent("booking.cancelled", cancelled, venue, 3, "cancelled", cancelledStart).build();
    rig.produce("booking.cancelled", cancelled, cancel);
    Notification called = Eventually.await("the reminder cancelled", WAIT, () -> reminders(cancelled),
      list -> list.get(0).getStatus().equals("cancelled")).get(0);
    assertEquals("booking is cancelled", called.getLastError());

    Notification sent = Eventually.await("the kept booking's reminder sent", WAIT, () -> reminders(kept),
      list -> !list.isEmpty() && list.get(0).getStatus().equals("sent")).get(0);
    assertTrue(sent.getSentAt() >= sent.getDueAt(), "not before its time: " + sent);
    assertEquals(1, email.sentFor(kept).stream().filter(m -> m.template().equals("reminder")).count());
    assertTrue(email.triedFor(cancelled).stream().noneMatch(m -> m.template().equals("reminder")), "no reminder after a cancel");
    assertEquals("cancelled", reminders(cancelled).get(0).getStatus());
    assertTrue(email.sentFor(cancelled).stream().anyMatch(m -> m.template().equals("cancelled")), "the guest hears of the cancellation");
  }

  @Test
  void aMoveReschedulesTheReminderAndAReminderAlreadyPastIsNotMade() {
    String venue = NotifyRig.id();
    String booking = NotifyRig.id();
    Instant first = Instant.now().plus(Duration.ofDays(2));
    Instant moved = first.plus(Duration.ofDays(1));
    rig.produce("booking.confirmed", booking, NotifyRig.bookingEvent("booking.confirmed", booking, venue, 2, "confirmed", first).build());
    Eventually.await("the reminder scheduled", WAIT, () -> reminders(booking), list -> list.size() == 1);
    rig.produce("booking.rescheduled", booking, NotifyRig.bookingEvent("booking.rescheduled", booking, venue, 3, "confirmed", moved).build());
    List<Notification> both = Eventually.await("the reminder moved", WAIT, () -> reminders(booking), list -> list.size() == 2);
    assertEquals("cancelled", both.get(0).getStatus());
    assertEquals("booking was moved", both.get(0).getLastError());
    assertEquals("pending", both.get(1).getStatus());
    assertEquals(moved.minus(Duration.ofHours(1)).getEpochSecond(), both.get(1).getDueAt());

    String soon = NotifyRig.id();
    rig.produce("booking.confirmed", soon, NotifyRig.bookingEvent("booking.confirmed", soon, venue, 2, "confirmed",
      Instant.now().plus(Duration.ofMinutes(30))).build());
    Eventually.await("the confirmation handled", WAIT, () -> rig.notifications(soon), list -> !list.isEmpty());
    assertTrue(reminders(soon).isEmpty(), "a reminder that would be due in the past is not made");
  }

  private static List<Notification> reminders(String bookingId) {
    return rig.notifications(bookingId).stream().filter(n -> n.getTemplate().equals("reminder"))
      .sorted(java.util.Comparator.comparingLong(Notification::getDueAt)).toList();
  }
}
