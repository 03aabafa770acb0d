package io.booker.booking.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which bookings a list shows: one venue, optionally one date, some statuses (empty = all) and
 * one table (a merged booking counts for both of its tables).
 */
public record BookingFilter(UUID venueId, LocalDate date, Set<BookingStatus> statuses, UUID tableId) {

  public BookingFilter {
    Objects.requireNonNull(venueId, "venueId");
    statuses = Set.copyOf(statuses);
  }
}
