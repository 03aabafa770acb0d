package io.booker.venue.domain;

import java.util.List;

/** A combination as a request carried it: table ids as text, in the manager's order, and the party sizes. */
public record CombinationText(List<String> tableIds, int minPartySize, int maxPartySize) {

  public CombinationText {
    tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
  }
}
