package io.booker.booking.domain;

import io.booker.common.Times;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A slot in the venue's local time: date, start (whole minutes) and length. A request's slot may
 * leave the length to the venue ({@link #VENUE_DECIDES}: the party's turn time, else 120 minutes);
 * a booking's slot always has one.
 */
public record BookingSlot(LocalDate date, LocalTime start, int durationMinutes) {

  /** The length of a requested slot that named none: the venue decides it when it places the booking. */
  public static final int VENUE_DECIDES = 0;

  public BookingSlot {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    if (durationMinutes != VENUE_DECIDES
        && (durationMinutes < Times.MIN_DURATION_MINUTES || durationMinutes > Times.MAX_DURATION_MINUTES)) {
      throw new IllegalArgumentException("durationMinutes out of range: " + durationMinutes);
    }
    start = start.withSecond(0).withNano(0);
  }

  /** Parses the wire form strictly (the one parser the venue service uses too); 0 minutes means 120. */
  public static BookingSlot parse(String date, String start, int durationMinutes) {
    return new BookingSlot(Times.parseDate("slot.date", date), Times.parseTime("slot.start_time", start),
      Times.durationMinutes(durationMinutes));
  }

  /** A request's slot, strictly parsed: 0 minutes stays {@link #VENUE_DECIDES}. */
  public static BookingSlot requested(String date, String start, int durationMinutes) {
    return new BookingSlot(Times.parseDate("slot.date", date), Times.parseTime("slot.start_time", start),
      durationMinutes == 0 ? VENUE_DECIDES : Times.durationMinutes(durationMinutes));
  }

  @Override
  public String toString() {
    return Times.formatDate(date) + " " + Times.formatTime(start) + " (" + durationMinutes + " min)";
  }
}
