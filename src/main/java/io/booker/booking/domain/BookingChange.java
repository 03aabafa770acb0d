package io.booker.booking.domain;

import java.util.Objects;

/**
 * One change of a booking, as the audit trail and the event stream record it: the booking
 * before (null when it was created) and after, the event type ({@code booking.confirmed}, ...),
 * who did it (empty for the system) and the reason given, if any.
 */
public record BookingChange(Booking before, Booking after, String eventType, String actorId, String reason) {

  public BookingChange {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(eventType, "eventType");
    actorId = actorId == null ? "" : actorId;
    reason = reason == null ? "" : reason;
  }

  public static BookingChange created(Booking booking) {
    return new BookingChange(null, booking, BookingAction.HELD_EVENT, booking.adminId(), "");
  }

  /** The status the booking had before; null for a creation. */
  public BookingStatus fromStatus() {
    return before == null ? null : before.status();
  }
}
