package io.booker.venue.domain.seating;

/** The {@code booking_window} as a request carried it; null where a field was left out. */
public record BookingWindowText(Integer maxDaysAhead, Integer minNoticeMinutes) {
}
