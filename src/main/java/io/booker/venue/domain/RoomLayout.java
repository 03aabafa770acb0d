package io.booker.venue.domain;

import java.util.List;
import java.util.Objects;

/**
 * A room's tables (the table layout), with the venue the room belongs to: what a layout read
 * loads and the layout cache keeps. Two layouts are equal when their venue, room and tables are.
 */
public record RoomLayout(String venueId, String roomId, List<Table> tables) {

  public RoomLayout {
    Objects.requireNonNull(venueId, "venueId");
    Objects.requireNonNull(roomId, "roomId");
    tables = List.copyOf(tables);
  }

  @Override
  public String toString() {
    return "RoomLayout[venueId=" + venueId + ", room=" + roomId + ", tables=" + tables.size() + "]";
  }
}
