package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.access.Caller;
import io.booker.venue.domain.CombinationText;
import io.booker.venue.domain.TableCombination;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class CombinationUseCasesTest {

  static final String TABLE_3 = "d0000000-0000-4000-8000-000000000003";
  static final String TERRACE = "c0000000-0000-4000-8000-000000000002";
  static final String TERRACE_TABLE = "d0000000-0000-4000-8000-000000000004";
  static final String ROOM_OF_B = "c0000000-0000-4000-8000-00000000000b";

  private final Fakes f = new Fakes();

  CombinationUseCasesTest() {
    f.structure.putTable(ROOM, TABLE_3, "T3", 4);
    f.structure.putRoom(A, TERRACE, "Terrace");
    f.structure.putTable(TERRACE, TERRACE_TABLE, "X1", 4);
    f.structure.putRoom(B, ROOM_OF_B, "B's room");
    f.structure.calls.clear();
  }

  private static CombinationText three() {
    return new CombinationText(List.of(TABLE, TABLE_2, TABLE_3), 7, 10);
  }

  private Future<TableCombination> create(Caller caller, String room, CombinationText text) {
    return call(() -> f.combinations.createCombination(caller, room, text));
  }

  // ---- create

  @Test
  void aManagerCreatesACombinationInOneScopedWriteThatCommitsTheRoomsLayoutEvent() {
    TableCombination c = succeeded(create(MANAGER_A, ROOM, three()));

    assertEquals(A, c.venueId());
    assertEquals(ROOM, c.roomId());
    assertEquals(List.of(TABLE, TABLE_2, TABLE_3), c.combination().tableIds().stream().map(UUID::toString).toList(),
      "the manager's order");
    assertEquals(7, c.combination().minPartySize());
    assertEquals(10, c.combination().maxPartySize());
    assertEquals(List.of("insertCombination"), f.structure.calls, "no read before the write");
    JsonObject event = assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0)).getJsonObject("layout_updated");
    assertEquals(new JsonObject().put("room_id", ROOM).put("table_ids", new JsonArray().add(TABLE).add(TABLE_2).add(TABLE_3)), event);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anAdminCreatesOneInAVenueTheyAreNotAssignedTo() {
    assertEquals(A, succeeded(create(ADMIN, ROOM, three())).venueId());
    var e = failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, ROOM_OF_B, three()));
    assertTrue(e.getMessage().startsWith("table_ids[0]: "), "venue A's tables are not in B's room: " + e.getMessage());
  }

  @Test
  void aHostMayNotCreateOneInTheirVenueAndOthersSeeNoRoom() {
    failed(ErrorCode.PERMISSION_DENIED, create(HOST_A, ROOM, three()));
    failed(ErrorCode.NOT_FOUND, create(HOST_B, ROOM, three()));
    failed(ErrorCode.NOT_FOUND, create(MANAGER_B, ROOM, three()));
    failed(ErrorCode.NOT_FOUND, create(MANAGER_A, MISSING, three()));
    assertTrue(f.structure.combinations.isEmpty());
    assertTrue(f.outbox().isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aTableOfAnotherRoomIsRefusedNamingItsPlaceAndNothingIsWritten() {
    var e = failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TERRACE_TABLE), 2, 6)));
    assertTrue(e.getMessage().startsWith("table_ids[1]: "), e.getMessage());
    assertTrue(f.structure.combinations.isEmpty());
    assertTrue(f.outbox().isEmpty());
  }

  @Test
  void anUnknownTableIsRefusedNamingItsPlace() {
    var e = failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(MISSING, TABLE), 2, 6)));
    assertTrue(e.getMessage().startsWith("table_ids[0]: "), e.getMessage());
  }

  @Test
  void theShapeIsCheckedBeforeAnythingIsAsked() {
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TABLE_2, TABLE), 2, 6)))
      .getMessage().startsWith("table_ids[2]: "), "a repeated table");
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TABLE_2), 8, 6)))
      .getMessage().startsWith("min_party_size: "), "min above max");
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE), 1, 4)))
      .getMessage().startsWith("table_ids: "), "one table");
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, "T2"), 1, 4)))
      .getMessage().startsWith("table_ids[1]: "), "not a UUID");
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TABLE_2), 0, 4)))
      .getMessage().startsWith("min_party_size: "));
    assertTrue(failed(ErrorCode.INVALID_ARGUMENT, create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TABLE_2), 1, 101)))
      .getMessage().startsWith("max_party_size: "));
    assertEquals(List.of(), f.structure.calls);
  }

  // ---- read

  @Test
  void everyoneWhoReadsTheVenueListsItsCombinationsOthersSeeNoRoom() {
    TableCombination c = succeeded(create(MANAGER_A, ROOM, three()));
    assertEquals(List.of(c), succeeded(call(() -> f.combinations.listCombinations(HOST_A, ROOM))));
    assertEquals(List.of(), succeeded(call(() -> f.combinations.listCombinations(HOST_A, TERRACE))));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.listCombinations(HOST_B, ROOM)));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.listCombinations(HOST_A, MISSING)));
    failed(ErrorCode.INVALID_ARGUMENT, call(() -> f.combinations.listCombinations(HOST_A, "room-1")));
  }

  // ---- update and delete

  @Test
  void anUpdateReplacesTablesAndSizesInItsRoom() {
    TableCombination c = succeeded(create(MANAGER_A, ROOM, three()));
    TableCombination changed = succeeded(call(() -> f.combinations.updateCombination(MANAGER_A, c.id(),
      new CombinationText(List.of(TABLE_3, TABLE), 5, 8))));
    assertEquals(ROOM, changed.roomId());
    assertEquals(List.of(UUID.fromString(TABLE_3), UUID.fromString(TABLE)), changed.combination().tableIds());
    assertEquals(5, changed.combination().minPartySize());
    assertEquals(changed, f.structure.combinations.get(c.id()));
    assertEquals(2, f.outbox().size());
    assertEquals(2, f.eventsWritten.get());

    var e = failed(ErrorCode.INVALID_ARGUMENT, call(() -> f.combinations.updateCombination(MANAGER_A, c.id(),
      new CombinationText(List.of(TABLE, TERRACE_TABLE), 2, 8))));
    assertTrue(e.getMessage().startsWith("table_ids[1]: "), "the combination stays in its room: " + e.getMessage());
    assertEquals(changed, f.structure.combinations.get(c.id()));
  }

  @Test
  void updatesAndDeletesFollowTheVenuesAccessRules() {
    TableCombination c = succeeded(create(MANAGER_A, ROOM, three()));
    CombinationText text = new CombinationText(List.of(TABLE, TABLE_2), 2, 6);
    failed(ErrorCode.PERMISSION_DENIED, call(() -> f.combinations.updateCombination(HOST_A, c.id(), text)));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.updateCombination(MANAGER_B, c.id(), text)));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.updateCombination(MANAGER_A, MISSING, text)));
    failed(ErrorCode.PERMISSION_DENIED, call(() -> f.combinations.deleteCombination(HOST_A, c.id())));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.deleteCombination(HOST_B, c.id())));
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.deleteCombination(MANAGER_B, c.id())));
    assertEquals(c, f.structure.combinations.get(c.id()));

    succeeded(call(() -> f.combinations.deleteCombination(MANAGER_A, c.id())));
    assertTrue(f.structure.combinations.isEmpty());
    assertEquals(2, f.outbox().size(), "created, deleted");
    failed(ErrorCode.NOT_FOUND, call(() -> f.combinations.deleteCombination(MANAGER_A, c.id())));
  }

  @Test
  void deletingOneOfItsTablesOrItsRoomDeletesTheCombination() {
    TableCombination c = succeeded(create(MANAGER_A, ROOM, three()));
    TableCombination other = succeeded(create(MANAGER_A, ROOM, new CombinationText(List.of(TABLE, TABLE_2), 5, 6)));
    succeeded(call(() -> f.tables.deleteTable(MANAGER_A, TABLE_3)));
    assertEquals(List.of(other.id()), List.copyOf(f.structure.combinations.keySet()), "only the one holding T3 went");
    succeeded(call(() -> f.rooms.deleteRoom(MANAGER_A, ROOM)));
    assertTrue(f.structure.combinations.isEmpty());
    assertNotEquals(c.id(), other.id());
  }
}
