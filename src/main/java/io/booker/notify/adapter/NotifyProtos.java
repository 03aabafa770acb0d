package io.booker.notify.adapter;

import io.booker.notify.domain.LoggedEvent;
import io.booker.notify.domain.Notification;
import io.booker.proto.notify.LiveEvent;

import java.time.Instant;

/**
 * Notify's answers on the wire: the domain's notifications and logged events as the contract's
 * {@code notify.Notification} and {@code notify.LiveEvent}, and back. Times are Unix seconds, 0
 * for a time not set.
 */
public final class NotifyProtos {

  private NotifyProtos() {
  }

  public static io.booker.proto.notify.Notification toProto(Notification n) {
    return io.booker.proto.notify.Notification.newBuilder()
      .setId(n.id())
      .setBookingId(n.bookingId())
      .setVenueId(n.venueId())
      .setEventId(n.eventId())
      .setEventType(n.eventType())
      .setChannel(n.channel())
      .setRecipient(n.recipient())
      .setTemplate(n.template())
      .setLanguage(n.language())
      .setStatus(n.status())
      .setAttempts(n.attempts())
      .setLastError(n.lastError())
      .setDueAt(seconds(n.dueAt()))
      .setSentAt(seconds(n.sentAt()))
      .setCreatedAt(seconds(n.createdAt()))
      .setUpdatedAt(seconds(n.updatedAt()))
      .setSubject(n.subject())
      .build();
  }

  public static Notification fromProto(io.booker.proto.notify.Notification p) {
    return new Notification(p.getId(), p.getBookingId(), p.getVenueId(), p.getEventId(), p.getEventType(), p.getChannel(),
      p.getRecipient(), p.getTemplate(), p.getLanguage(), p.getStatus(), p.getAttempts(), p.getLastError(), instant(p.getDueAt()),
      instant(p.getSentAt()), instant(p.getCreatedAt()), instant(p.getUpdatedAt()), p.getSubject());
  }

  public static LiveEvent toProto(LoggedEvent e) {
    return LiveEvent.newBuilder().setSeq(e.seq()).setEventId(e.eventId()).setVenueId(e.venueId()).setMessage(e.message()).build();
  }

  public static LoggedEvent fromProto(LiveEvent p) {
    return new LoggedEvent(p.getSeq(), p.getEventId(), p.getVenueId(), p.getMessage());
  }

  private static long seconds(Instant t) {
    return t == null ? 0 : t.getEpochSecond();
  }

  private static Instant instant(long seconds) {
    return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
  }
}
