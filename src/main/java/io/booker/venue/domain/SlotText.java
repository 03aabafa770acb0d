package io.booker.venue.domain;

/**
 * A slot exactly as a request carried it (venue-local date "YYYY-MM-DD", start "HH:MM", duration in
 * minutes, 0 for the default), before validation.
 */
public record SlotText(String date, String startTime, int durationMinutes) {

  public SlotText {
    date = date == null ? "" : date;
    startTime = startTime == null ? "" : startTime;
  }
}
