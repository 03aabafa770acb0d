package io.booker.venue.domain;

import java.util.List;
import java.util.UUID;

/**
 * A combination's write named tables that are not (or no longer) tables of its room, as the
 * writing transaction found them; nothing was written.
 */
public final class TablesNotInRoom extends RuntimeException {

  private final List<UUID> missing;

  public TablesNotInRoom(List<UUID> missing) {
    super("tables not in the room: " + missing, null, false, false);
    this.missing = List.copyOf(missing);
  }

  public List<UUID> missing() {
    return missing;
  }
}
