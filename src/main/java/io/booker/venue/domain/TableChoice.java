package io.booker.venue.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.seating.Combination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The table, mergeable pair of tables, or table combination a booking asks for, checked against the venue's tables:
 * each exists in the venue (and in the room named, when one is), a pair is two different
 * mergeable tables of one room, and together they seat the party. Errors name the request field.
 *
 * @param tables the table asked for, then the one merged with it (if any)
 * @param seats the seats of all of them together
 */
public record TableChoice(List<TableCandidate> tables, int seats) {

  public TableChoice {
    tables = List.copyOf(tables);
  }

  /**
   * @param venueTables the venue's tables by id (at least the ones asked for)
   * @param roomId the room the caller named for the table, or empty
   * @param mergedId the second table of a pair, or empty for one table
   * @param mergedRoomId the room the caller named for the second table, or empty
   */
  public static TableChoice of(Map<String, TableCandidate> venueTables, String tableId, String roomId,
      String mergedId, String mergedRoomId, int partySize) {
    Objects.requireNonNull(venueTables, "venueTables");
    if (partySize < 1 || partySize > AvailabilityPlanner.MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size",
          "must be between 1 and " + AvailabilityPlanner.MAX_PARTY_SIZE);
    }
    TableCandidate table = find(venueTables, "table", tableId, roomId);
    if (mergedId == null || mergedId.isEmpty()) {
      if (table.capacity() < partySize) {
        throw ServiceException.invalid("party_size", "table " + table.name() + " seats "
            + table.capacity() + ", not a party of " + partySize);
      }
      return new TableChoice(List.of(table), table.capacity());
    }
    TableCandidate merged = find(venueTables, "merged_with_table", mergedId, mergedRoomId);
    if (merged.tableId().equals(table.tableId())) {
      throw ServiceException.invalid("merged_with_table.table_id", "must be another table than table.table_id");
    }
    for (TableCandidate t : List.of(table, merged)) {
      if (!t.canMerge()) {
        throw ServiceException.invalid("merged_with_table", "table " + t.name() + " cannot be merged");
      }
    }
    if (!table.roomId().equals(merged.roomId())) {
      throw ServiceException.invalid("merged_with_table", "only tables of one room can be merged");
    }
    int seats = table.capacity() + merged.capacity();
    if (seats < partySize) {
      throw ServiceException.invalid("party_size", "tables " + table.name() + " and " + merged.name()
          + " seat " + seats + ", not a party of " + partySize);
    }
    return new TableChoice(List.of(table, merged), seats);
  }

  /**
   * Every table of a combination, in its order, checked: the party is within its sizes, and its
   * tables are (still) tables of its room. Errors name {@code party_size} and {@code combination_id}.
   *
   * @param venueTables the venue's tables by id (at least the combination's)
   * @param seats what the combination seats: its {@code max_party_size}
   */
  public static TableChoice of(Map<String, TableCandidate> venueTables, Combination combination, int partySize) {
    Objects.requireNonNull(venueTables, "venueTables");
    Objects.requireNonNull(combination, "combination");
    if (partySize < 1 || partySize > AvailabilityPlanner.MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size",
          "must be between 1 and " + AvailabilityPlanner.MAX_PARTY_SIZE);
    }
    List<TableCandidate> tables = new ArrayList<>(combination.tableIds().size());
    for (UUID id : combination.tableIds()) {
      TableCandidate t = venueTables.get(id.toString());
      if (t == null || !t.roomId().equals(combination.roomId().toString())) {
        throw ServiceException.invalid("combination_id", "table " + id + " of the combination is not in its room any more");
      }
      tables.add(t);
    }
    if (!combination.seats(partySize)) {
      throw ServiceException.invalid("party_size", "combination " + names(tables) + " seats " + combination.minPartySize()
          + " to " + combination.maxPartySize() + ", not a party of " + partySize);
    }
    return new TableChoice(tables, combination.maxPartySize());
  }

  /** The tables' names joined with "+" ("T1+T2+T3"). */
  public static String names(List<TableCandidate> tables) {
    return String.join("+", tables.stream().map(TableCandidate::name).toList());
  }

  private static TableCandidate find(Map<String, TableCandidate> venueTables, String field, String tableId,
      String roomId) {
    TableCandidate t = venueTables.get(tableId);
    if (t == null) {
      throw new ServiceException(ErrorCode.NOT_FOUND, "table " + tableId + " not found in this venue");
    }
    if (roomId != null && !roomId.isEmpty() && !roomId.equals(t.roomId())) {
      throw ServiceException.invalid(field + ".room_id", "table " + t.name() + " is not in room " + roomId);
    }
    return t;
  }
}
