package io.booker.venue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of an availability answer: a table (or, with {@code mergedWith}, a pair of tables put
 * together, or, with {@code combinationId}, a manager's table combination), whether it can take
 * the party, why not, and how many seats it gives.
 *
 * @param tables every table of the offer: the table, then the merged one, or each table of the
 *     combination in its order ({@code table} is the first)
 * @param combinationId the combination offered, or empty
 */
public record TableOffer(TableCandidate table, boolean available, String reason,
    TableCandidate mergedWith, int seats, List<TableCandidate> tables, String combinationId) {

  public TableOffer {
    Objects.requireNonNull(table, "table");
    reason = reason == null ? "" : reason;
    combinationId = combinationId == null ? "" : combinationId;
    tables = tables == null || tables.isEmpty() ? of(table, mergedWith) : List.copyOf(tables);
  }

  /** A single table, or a mergeable pair. */
  public TableOffer(TableCandidate table, boolean available, String reason, TableCandidate mergedWith, int seats) {
    this(table, available, reason, mergedWith, seats, null, "");
  }

  /** A combination of tables, available, seating up to {@code seats}. */
  public static TableOffer combination(String combinationId, List<TableCandidate> tables, int seats, String reason) {
    return new TableOffer(tables.get(0), true, reason, null, seats, tables, combinationId);
  }

  public boolean merged() {
    return mergedWith != null;
  }

  public boolean combination() {
    return !combinationId.isEmpty();
  }

  /** The names of the offer's tables joined with "+" ("T1+T2+T3"). */
  public String names() {
    return String.join("+", tables.stream().map(TableCandidate::name).toList());
  }

  private static List<TableCandidate> of(TableCandidate table, TableCandidate mergedWith) {
    List<TableCandidate> out = new ArrayList<>(2);
    out.add(table);
    if (mergedWith != null) {
      out.add(mergedWith);
    }
    return List.copyOf(out);
  }
}
