package io.booker.venue.domain;

import java.util.Objects;

/**
 * One line of an availability answer: a table (or, with {@code mergedWith}, a pair of tables put
 * together), whether it can take the party, why not, and how many seats it gives.
 */
public record TableOffer(TableCandidate table, boolean available, String reason,
    TableCandidate mergedWith, int seats) {

  public TableOffer {
    Objects.requireNonNull(table, "table");
    reason = reason == null ? "" : reason;
  }

  public boolean merged() {
    return mergedWith != null;
  }
}
