package io.booker.notify.adapter;

import io.booker.notify.domain.LoggedEvent;
import io.booker.notify.domain.Notification;
import io.booker.proto.notify.LiveEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** Notifications and logged events on the wire and back: every field, times set or not. */
class NotifyProtosTest {

  static final String ID = "f0000000-0000-4000-8000-000000000001";
  static final String BOOKING = "b0000000-0000-4000-8000-000000000001";
  static final String VENUE = "a0000000-0000-4000-8000-00000000000a";
  static final String EVENT = "e0000000-0000-4000-8000-000000000001";

  @Test
  void aSentNotificationCarriesEveryField() {
    Notification sent = new Notification(ID, BOOKING, VENUE, EVENT, "booking.confirmed", "email", "ada@example.com", "confirmed",
      "fr", "sent", 2, "timeout", Instant.ofEpochSecond(1_900_000_000L), Instant.ofEpochSecond(1_900_000_060L),
      Instant.ofEpochSecond(1_899_999_000L), Instant.ofEpochSecond(1_900_000_061L), "Votre réservation");
    io.booker.proto.notify.Notification p = NotifyProtos.toProto(sent);
    assertEquals(io.booker.proto.notify.Notification.newBuilder().setId(ID).setBookingId(BOOKING).setVenueId(VENUE).setEventId(EVENT)
      .setEventType("booking.confirmed").setChannel("email").setRecipient("ada@example.com").setTemplate("confirmed").setLanguage("fr")
      .setStatus("sent").setAttempts(2).setLastError("timeout").setDueAt(1_900_000_000L).setSentAt(1_900_000_060L)
      .setCreatedAt(1_899_999_000L).setUpdatedAt(1_900_000_061L).setSubject("Votre réservation").build(), p);
    assertEquals(sent, NotifyProtos.fromProto(p));
  }

  @Test
  void timesNotSetAreZeroOnTheWire() {
    Notification pending = new Notification(ID, BOOKING, VENUE, EVENT, "booking.held", "sms", "+44 7911 123489", "held", "", "pending",
      0, "", null, null, Instant.ofEpochSecond(1_899_999_000L), Instant.ofEpochSecond(1_899_999_000L), "");
    io.booker.proto.notify.Notification p = NotifyProtos.toProto(pending);
    assertEquals(0, p.getDueAt());
    assertEquals(0, p.getSentAt());
    assertEquals(pending, NotifyProtos.fromProto(p));
  }

  @Test
  void aLoggedEventCarriesEveryField() {
    LoggedEvent e = new LoggedEvent(42, EVENT, VENUE, "{\"event_id\":\"" + EVENT + "\"}");
    LiveEvent p = NotifyProtos.toProto(e);
    assertEquals(LiveEvent.newBuilder().setSeq(42).setEventId(EVENT).setVenueId(VENUE).setMessage(e.message()).build(), p);
    assertEquals(e, NotifyProtos.fromProto(p));
  }
}
