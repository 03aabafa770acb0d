package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableChoiceTest {

  private static final String TERRACE = "room-terrace";
  private static final String HALL = "room-hall";
  private static final TableCandidate T1 = new TableCandidate("t1", TERRACE, "T1", 2, true);
  private static final TableCandidate T2 = new TableCandidate("t2", TERRACE, "T2", 4, true);
  private static final TableCandidate FIXED = new TableCandidate("t3", TERRACE, "T3", 6, false);
  private static final TableCandidate H1 = new TableCandidate("h1", HALL, "H1", 4, true);
  private static final TableCandidate BIG = new TableCandidate("big", HALL, "Banquet", 100, false);
  private static final Map<String, TableCandidate> VENUE = Map.of(
      T1.tableId(), T1, T2.tableId(), T2, FIXED.tableId(), FIXED, H1.tableId(), H1, BIG.tableId(), BIG);

  private static TableChoice single(String tableId, String roomId, int party) {
    return TableChoice.of(VENUE, tableId, roomId, "", "", party);
  }

  private static TableChoice pair(String tableId, String mergedId, int party) {
    return TableChoice.of(VENUE, tableId, "", mergedId, "", party);
  }

  @Test
  void aTableThatSeatsThePartyIsChosen() {
    assertEquals(new TableChoice(List.of(T2), 4), single("t2", "", 4));
    assertEquals(new TableChoice(List.of(T2), 4), single("t2", "", 1));
    assertEquals(new TableChoice(List.of(T2), 4), TableChoice.of(VENUE, "t2", null, null, null, 3));
  }

  @Test
  void aTableTooSmallIsAPartySizeError() {
    ServiceException e = assertInvalid("party_size", () -> single("t2", "", 5));
    assertEquals("party_size: table T2 seats 4, not a party of 5", e.getMessage());
  }

  @Test
  void anUnknownTableIsNotFound() {
    ServiceException e = assertThrows(ServiceException.class, () -> single("nope", "", 2));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    assertEquals(ErrorCode.NOT_FOUND, assertThrows(ServiceException.class, () -> pair("t1", "nope", 2)).code());
  }

  @Test
  void theRoomNamedMustBeTheTablesRoom() {
    assertEquals(new TableChoice(List.of(T2), 4), single("t2", TERRACE, 4));
    ServiceException e = assertInvalid("table.room_id", () -> single("t2", HALL, 4));
    assertTrue(e.getMessage().contains("T2") && e.getMessage().contains(HALL), e.getMessage());
    assertInvalid("merged_with_table.room_id", () -> TableChoice.of(VENUE, "t1", TERRACE, "t2", HALL, 4));
  }

  @Test
  void aPairIsTwoDifferentTables() {
    assertInvalid("merged_with_table.table_id", () -> pair("t1", "t1", 2));
  }

  @Test
  void bothTablesOfAPairMustBeMergeable() {
    ServiceException first = assertInvalid("merged_with_table", () -> pair("t3", "t1", 4));
    assertEquals("merged_with_table: table T3 cannot be merged", first.getMessage());
    ServiceException second = assertInvalid("merged_with_table", () -> pair("t1", "t3", 4));
    assertEquals("merged_with_table: table T3 cannot be merged", second.getMessage());
  }

  @Test
  void aPairStandsInOneRoom() {
    ServiceException e = assertInvalid("merged_with_table", () -> pair("t1", "h1", 4));
    assertEquals("merged_with_table: only tables of one room can be merged", e.getMessage());
  }

  @Test
  void aPairTooSmallIsAPartySizeError() {
    ServiceException e = assertInvalid("party_size", () -> pair("t1", "t2", 7));
    assertEquals("party_size: tables T1 and T2 seat 6, not a party of 7", e.getMessage());
  }

  @Test
  void aPairKeepsItsOrderAndSumsItsSeats() {
    assertEquals(new TableChoice(List.of(T1, T2), 6), pair("t1", "t2", 6));
    assertEquals(new TableChoice(List.of(T2, T1), 6), pair("t2", "t1", 5));
    assertEquals(new TableChoice(List.of(T1, T2), 6), TableChoice.of(VENUE, "t1", TERRACE, "t2", TERRACE, 1));
  }

  @Test
  void aPairMaySeatAPartyNeitherTableSeatsAlone() {
    assertEquals(6, pair("t1", "t2", 5).seats());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 101})
  void thePartySizeIsBetweenOneAndAHundred(int party) {
    assertInvalid("party_size", () -> single("big", "", party));
  }

  @Test
  void aPartyOfAHundredFitsTheBanquetTable() {
    assertEquals(new TableChoice(List.of(BIG), 100), single("big", "", 100));
  }

  @Test
  void thePartySizeIsCheckedBeforeTheTable() {
    assertInvalid("party_size", () -> single("nope", "", 0));
  }

  @Test
  void theChoiceCopiesItsTables() {
    java.util.ArrayList<TableCandidate> tables = new java.util.ArrayList<>(List.of(T1));
    TableChoice choice = new TableChoice(tables, 2);
    tables.add(T2);
    assertEquals(List.of(T1), choice.tables());
  }
}
