package io.booker.venue.adapter;

import java.util.List;

/** A room's venue and the ids of its tables (sorted). */
public record RoomTables(String venueId, List<String> tableIds) {
}
