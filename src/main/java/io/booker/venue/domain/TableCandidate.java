package io.booker.venue.domain;

import java.util.Objects;

/** A table as availability sees it. */
public record TableCandidate(String tableId, String roomId, String name, int capacity,
    boolean canMerge) {

  public TableCandidate {
    Objects.requireNonNull(tableId, "tableId");
    Objects.requireNonNull(roomId, "roomId");
    name = name == null ? "" : name;
  }
}
