package io.booker.booking.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a booking, as the audit trail and the event stream record it: the booking
 * before (null when it was created) and after, the event type ({@code booking.confirmed}, ...),
 * who did it (empty for the system) and the reason given, if any.
 */
public record BookingChange(Booking before, Booking after, String eventType, String actorId, String reason) {

  /** The reason an expiry gives (event and audit row). */
  public static final String EXPIRED_REASON = "hold expired";

  public BookingChange {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(eventType, "eventType");
    actorId = actorId == null ? "" : actorId;
    reason = reason == null ? "" : reason;
  }

  public static BookingChange created(Booking booking) {
    return created(booking, "");
  }

  /** A creation whose author overrode the pacing: {@code note} says what was overridden (the history keeps it). */
  public static BookingChange created(Booking booking, String note) {
    return new BookingChange(null, booking, BookingAction.HELD_EVENT, booking.adminId(), note);
  }

  /** The same change, with a note (a pacing override) for its history. */
  public BookingChange noted(String note) {
    return note.isEmpty() ? this : new BookingChange(before, after, eventType, actorId, note);
  }

  /** The system expiring a lapsed hold at {@code at}. */
  public static BookingChange expiry(Booking held, Instant at) {
    return new BookingChange(held, held.moveTo(BookingStatus.EXPIRED, at, ""), BookingAction.EXPIRE.eventType(), "",
      EXPIRED_REASON);
  }

  /** The status the booking had before; null for a creation. */
  public BookingStatus fromStatus() {
    return before == null ? null : before.status();
  }
}
