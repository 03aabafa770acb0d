package io.booker.venue;

import io.booker.proto.venue.GetTableLayoutResponse;

import java.util.Objects;

/**
 * A room's tables as GetTableLayout answers them, with the venue the room belongs to: what
 * {@link TableStore#loadLayout} reads and {@link CachedLayouts} keeps. Two layouts are equal when
 * their venue and tables are.
 *
 * <p>A value class rather than a record only so that {@code io.booker.venue.adapter.RoomLayout},
 * the name the Redis cache's integration test builds its layouts with, can remain a subtype.
 */
public class RoomLayout {

  private final String venueId;
  private final GetTableLayoutResponse layout;

  public RoomLayout(String venueId, GetTableLayoutResponse layout) {
    this.venueId = Objects.requireNonNull(venueId, "venueId");
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  public final String venueId() {
    return venueId;
  }

  public final GetTableLayoutResponse layout() {
    return layout;
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof RoomLayout other && venueId.equals(other.venueId) && layout.equals(other.layout);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(venueId, layout);
  }

  @Override
  public final String toString() {
    return "RoomLayout[venueId=" + venueId + ", room=" + layout.getRoomId() + ", tables=" + layout.getTablesCount() + "]";
  }
}
