package io.booker.venue.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table, or mergeable pair of tables, a booking asks for, checked against the venue's tables:
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
