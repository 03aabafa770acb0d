package io.booker.venue.domain;

import io.booker.venue.domain.seating.Combination;
import io.booker.venue.domain.seating.SeatingRules;

import java.time.ZoneId;
import java.util.List;

/**
 * What an availability check knows about a venue, read in one round trip: its zone, weekly hours,
 * the special days around the date asked for, every table (or those asked for), its seating rules,
 * and the table combinations (every one, or the one asked for, or none when a read does not need
 * them).
 */
public record AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables,
                                   SeatingRules seating, List<Combination> combinations) {

  public AvailabilitySnapshot {
    specialDays = List.copyOf(specialDays);
    tables = List.copyOf(tables);
    seating = seating == null ? SeatingRules.NONE : seating;
    combinations = combinations == null ? List.of() : List.copyOf(combinations);
  }

  /** A venue without seating rules or table combinations. */
  public AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables) {
    this(zone, weekly, specialDays, tables, SeatingRules.NONE, List.of());
  }

  /** A venue without table combinations. */
  public AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables,
                              SeatingRules seating) {
    this(zone, weekly, specialDays, tables, seating, List.of());
  }

  /** A venue without seating rules. */
  public AvailabilitySnapshot(ZoneId zone, WeeklyHours weekly, List<SpecialDay> specialDays, List<TableCandidate> tables,
                              List<Combination> combinations) {
    this(zone, weekly, specialDays, tables, SeatingRules.NONE, combinations);
  }

  public VenueCalendar calendar() {
    return new VenueCalendar(zone, weekly, specialDays);
  }
}
