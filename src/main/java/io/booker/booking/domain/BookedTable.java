package io.booker.booking.domain;

import java.util.Objects;
import java.util.UUID;

/** A table a booking occupies, and the room it stands in. */
public record BookedTable(UUID roomId, UUID tableId) {

  public BookedTable {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(tableId, "tableId");
  }
}
