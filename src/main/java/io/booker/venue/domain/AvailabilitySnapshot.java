package io.booker.venue.domain;

import io.booker.venue.domain.seating.Combination;
import java.time.ZoneId;
import java.util.List;

/**
 * What an availability check knows about a venue, read in one round trip: its zone, weekly hours,
 * the special days around the date asked for, every table (or those asked for) and the table
 * combinations (every one, or the one asked for, or none when a read does not need them).
 */
public record AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables,
    List<Combination> combinations) {

  public AvailabilitySnapshot {
    specialDays = List.copyOf(specialDays);
    tables = List.copyOf(tables);
    combinations = combinations == null ? List.of() : List.copyOf(combinations);
  }

  /** A venue without table combinations. */
  public AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables) {
    this(zone, weekly, specialDays, tables, List.of());
  }

  public VenueCalendar calendar() {
    return new VenueCalendar(zone, weekly, specialDays);
  }
}
