package io.booker.booking.domain;

import io.booker.common.Times;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A slot in the venue's local time: date, start (whole minutes) and length. */
public record BookingSlot(LocalDate date, LocalTime start, int durationMinutes) {

  public BookingSlot {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    if (durationMinutes < Times.MIN_DURATION_MINUTES || durationMinutes > Times.MAX_DURATION_MINUTES) {
      throw new IllegalArgumentException("durationMinutes out of range: " + durationMinutes);
    }
    start = start.withSecond(0).withNano(0);
  }

  /** Parses the wire form strictly (the one parser the venue service uses too); 0 minutes means 120. */
  public static BookingSlot parse(String date, String start, int durationMinutes) {
    return new BookingSlot(Times.parseDate("slot.date", date), Times.parseTime("slot.start_time", start),
      Times.durationMinutes(durationMinutes));
  }

  @Override
  public String toString() {
    return Times.formatDate(date) + " " + Times.formatTime(start) + " (" + durationMinutes + " min)";
  }
}
