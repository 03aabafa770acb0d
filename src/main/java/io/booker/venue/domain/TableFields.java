package io.booker.venue.domain;

/**
 * A table's fields as a create or update request gives them, and (once checked) as they are
 * written. An update replaces every field: a null {@code position} leaves the table unplaced
 * (on create) or removes it from the plan (on update), exactly as an empty {@code zone} clears the
 * zone. Null text reads as empty.
 */
public record TableFields(String name, int capacity, boolean canMerge, String zone, TablePosition position) {

  public TableFields {
    name = Venue.orEmpty(name);
    zone = Venue.orEmpty(zone);
  }
}
