package io.booker.venue.domain;

import java.time.ZoneId;
import java.util.List;

/**
 * What an availability check knows about a venue, read in one round trip: its zone, weekly hours,
 * the special days around the date asked for, and every table.
 */
public record AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables) {

  public AvailabilitySnapshot {
    specialDays = List.copyOf(specialDays);
    tables = List.copyOf(tables);
  }

  public VenueCalendar calendar() {
    return new VenueCalendar(zone, weekly, specialDays);
  }
}
