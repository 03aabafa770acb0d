package io.booker.booking.domain;

/** What staff (or the system, for EXPIRE) can do to a booking, the status it leads to, and its event. */
public enum BookingAction {
  CONFIRM(BookingStatus.CONFIRMED, "booking.confirmed"),
  CANCEL(BookingStatus.CANCELLED, "booking.cancelled"),
  SEAT(BookingStatus.SEATED, "booking.seated"),
  FINISH(BookingStatus.FINISHED, "booking.finished"),
  NO_SHOW(BookingStatus.NO_SHOW, "booking.no_show"),
  EXPIRE(BookingStatus.EXPIRED, "booking.expired");

  /** The event type of a new hold (there is no action for it: creating a booking is). */
  public static final String HELD_EVENT = "booking.held";
  /** The event type of a reschedule. */
  public static final String RESCHEDULED_EVENT = "booking.rescheduled";

  private final BookingStatus target;
  private final String eventType;

  BookingAction(BookingStatus target, String eventType) {
    this.target = target;
    this.eventType = eventType;
  }

  public BookingStatus target() {
    return target;
  }

  /** The event type, which is also the Kafka topic: {@code booking.confirmed}, ... */
  public String eventType() {
    return eventType;
  }
}
