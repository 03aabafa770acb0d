package io.booker.venue.domain;

import io.booker.venue.domain.seating.SeatingRules;

import java.time.ZoneId;
import java.util.List;

/**
 * What an availability check knows about a venue, read in one round trip: its zone, weekly hours,
 * the special days around the date asked for, every table, and its seating rules.
 */
public record AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables,
                                   SeatingRules seating) {

  public AvailabilitySnapshot {
    specialDays = List.copyOf(specialDays);
    tables = List.copyOf(tables);
    seating = seating == null ? SeatingRules.NONE : seating;
  }

  /** A venue without seating rules. */
  public AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables) {
    this(zone, weekly, specialDays, tables, SeatingRules.NONE);
  }

  public VenueCalendar calendar() {
    return new VenueCalendar(zone, weekly, specialDays);
  }
}
