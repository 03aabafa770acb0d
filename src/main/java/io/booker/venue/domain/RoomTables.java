package io.booker.venue.domain;

import java.util.List;

/** A room's venue and the ids of its tables (sorted). */
public record RoomTables(String venueId, List<String> tableIds) {

  public RoomTables {
    tableIds = List.copyOf(tableIds);
  }
}
