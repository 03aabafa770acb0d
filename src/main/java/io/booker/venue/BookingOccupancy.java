package io.booker.venue;

import java.time.Instant;
import io.booker.venue.domain.seating.BookedStart;
import io.booker.venue.domain.SlotSearch;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What the venue asks the booking service about its tables: whether they still have bookings
 * ahead (before a delete) and which are free at a slot (for availability). A look-up that cannot
 * be answered fails with the booking service's error; it never reads as "nothing booked".
 */
public interface BookingOccupancy {

  /** How many active bookings that end after now hold these tables ({@code tableIds} empty: any table of the venue). */
  Future<Integer> futureBookings(String venueId, List<String> tableIds);

  /** Which of {@code tableIds} have no booking overlapping the slot (venue-local date and time, in {@code zone}). */
  /** What takes the venue's tables over [from, to) (bookings and blocks), and the starts in it that count against pacing. */
  record Occupancy(List<SlotSearch.Taken> taken, List<BookedStart> starts) {
  }

  /** One call to the booking service for a whole span (a search's days). */
  Future<Occupancy> occupancy(String venueId, Instant from, Instant to);

  Future<Set<String>> freeTables(String venueId, List<String> tableIds, LocalDate date, LocalTime start, int durationMinutes, ZoneId zone);
}
