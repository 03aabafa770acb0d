package io.booker.venue.adapter;

import io.booker.proto.venue.GetTableLayoutResponse;

/**
 * A {@link io.booker.venue.RoomLayout} under the adapter's name, which the layout cache's
 * integration test ({@code io.booker.it.StructureLayoutCacheTest}) builds its values with. Equal to
 * the port's value of the same venue and tables.
 */
public final class RoomLayout extends io.booker.venue.RoomLayout {

  public RoomLayout(String venueId, GetTableLayoutResponse layout) {
    super(venueId, layout);
  }
}
