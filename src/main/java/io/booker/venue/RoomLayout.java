package io.booker.venue;

import io.booker.proto.venue.GetTableLayoutResponse;

import java.util.Objects;

/**
 * A room's tables as GetTableLayout answers them, with the venue the room belongs to: what
 * {@link TableStore#loadLayout} reads and {@link CachedLayouts} keeps. Two layouts are equal when
 * their venue and tables are.
 */
public record RoomLayout(String venueId, GetTableLayoutResponse layout) {

  public RoomLayout {
    Objects.requireNonNull(venueId, "venueId");
    Objects.requireNonNull(layout, "layout");
  }

  @Override
  public String toString() {
    return "RoomLayout[venueId=" + venueId + ", room=" + layout.getRoomId() + ", tables=" + layout.getTablesCount() + "]";
  }
}
