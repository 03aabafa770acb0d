package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class TableUseCasesTest {

  private final Fakes f = new Fakes();

  private static final FloorPosition PLACED = FloorPosition.newBuilder().setX(10).setY(20).setWidth(60).setHeight(60)
    .setRotation(90).setShape("round").build();

  private static CreateTableRequest.Builder newTable() {
    return CreateTableRequest.newBuilder().setRoomId(ROOM).setName(" T3 ").setCapacity(6).setCanMerge(true).setZone("window");
  }

  private static UpdateTableRequest.Builder change() {
    return UpdateTableRequest.newBuilder().setId(TABLE).setName("T1").setCapacity(8).setZone("bar");
  }

  private static JsonObject layoutUpdated(String tableId) {
    return new JsonObject().put("room_id", ROOM).put("table_ids", new JsonArray().add(tableId));
  }

  // ---- create

  @Test
  void createsATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    Table t = succeeded(f.tables.createTable(MANAGER_A, newTable().setPosition(PLACED).build()));

    assertEquals("T3", t.getName());
    assertEquals(A, t.getVenueId(), "the room's venue");
    assertEquals(PLACED, t.getPosition());
    assertEquals(t, f.structure.tables.get(t.getId()));
    assertEquals(List.of("insertTable"), f.structure.calls, "one scoped write, no read first");
    assertEquals(layoutUpdated(t.getId()), assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0))
      .getJsonObject("layout_updated"));
    assertEquals(1, f.eventsWritten.get());
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
  }

  @Test
  void aTableWithoutPositionIsNotPlaced() {
    Table t = succeeded(f.tables.createTable(ADMIN, newTable().build()));
    assertFalse(t.hasPosition());
  }

  @Test
  void capacityMustBeFromOneToAHundred() {
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setCapacity(0).build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setCapacity(101).build()));
    assertEquals(List.of(), f.structure.calls);
  }

  @Test
  void aTableNeedsANameAndAShortZone() {
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setName("").build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setZone("z".repeat(51)).build()));
  }

  @Test
  void anInvalidPositionIsRefused() {
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setPosition(PLACED.toBuilder().setWidth(0)).build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.createTable(ADMIN, newTable().setPosition(PLACED.toBuilder().setShape("star")).build()));
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aNameTakenInTheRoomIsAlreadyExistsWithNothingCommitted() {
    failed(ErrorCode.ALREADY_EXISTS, f.tables.createTable(ADMIN, newTable().setName("T1").build()));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void aTableInAMissingRoomIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.tables.createTable(ADMIN, newTable().setRoomId(MISSING).build()));
    assertEquals("room " + MISSING + " not found", e.getMessage());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void aHostMayNotAddTables() {
    failed(ErrorCode.PERMISSION_DENIED, f.tables.createTable(HOST_A, newTable().build()));
    failed(ErrorCode.NOT_FOUND, f.tables.createTable(HOST_B, newTable().build()));
    failed(ErrorCode.NOT_FOUND, f.tables.createTable(MANAGER_B, newTable().build()));
    assertEquals(2, f.structure.tables.size(), "nothing added");
    assertEquals(List.of(), f.outbox());
  }

  // ---- read

  @Test
  void getsATable() {
    assertEquals("T1", succeeded(f.tables.getTable(HOST_A, GetTableRequest.newBuilder().setId(TABLE).build())).getName());
  }

  @Test
  void aMissingTableIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.tables.getTable(ADMIN, GetTableRequest.newBuilder().setId(MISSING).build()));
  }

  @Test
  void listsTheTablesOfARoom() {
    ListTablesResponse page = succeeded(f.tables.listTables(HOST_A, ListTablesRequest.newBuilder().setRoomId(ROOM).build()));
    assertEquals(List.of(TABLE, TABLE_2), page.getTablesList().stream().map(Table::getId).toList());
    assertEquals(2, page.getTotal());
  }

  @Test
  void listsTheTablesOfAVenueByPage() {
    ListTablesResponse page = succeeded(f.tables.listTables(HOST_A, ListTablesRequest.newBuilder().setVenueId(A).setOffset(1).build()));
    assertEquals(List.of(TABLE_2), page.getTablesList().stream().map(Table::getId).toList());
    assertEquals(2, page.getTotal());
  }

  @Test
  void listingNeedsEitherARoomOrAVenue() {
    ServiceException both = failed(ErrorCode.INVALID_ARGUMENT, f.tables.listTables(ADMIN, ListTablesRequest.newBuilder().setRoomId(ROOM).setVenueId(A).build()));
    assertTrue(both.getMessage().contains("give either room_id or venue_id, not both"), both.getMessage());
    ServiceException neither = failed(ErrorCode.INVALID_ARGUMENT, f.tables.listTables(ADMIN, ListTablesRequest.getDefaultInstance()));
    assertTrue(neither.getMessage().contains("room_id or venue_id is required"), neither.getMessage());
  }

  @Test
  void theTablesOfAMissingRoomOrVenueAreNotFound() {
    failed(ErrorCode.NOT_FOUND, f.tables.listTables(ADMIN, ListTablesRequest.newBuilder().setRoomId(MISSING).build()));
    failed(ErrorCode.NOT_FOUND, f.tables.listTables(ADMIN, ListTablesRequest.newBuilder().setVenueId(MISSING).build()));
  }

  // ---- update

  @Test
  void updatesATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    Table t = succeeded(f.tables.updateTable(MANAGER_A, change().setPosition(PLACED).build()));

    assertEquals(8, t.getCapacity());
    assertEquals("bar", f.structure.tables.get(TABLE).getZone());
    assertEquals(layoutUpdated(TABLE), assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0))
      .getJsonObject("layout_updated"));
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anUpdateWithoutPositionClearsIt() {
    succeeded(f.tables.updateTable(ADMIN, change().setPosition(PLACED).build()));
    Table t = succeeded(f.tables.updateTable(ADMIN, change().build()));
    assertFalse(t.hasPosition());
  }

  @Test
  void renamingToAnotherTablesNameIsAlreadyExists() {
    failed(ErrorCode.ALREADY_EXISTS, f.tables.updateTable(ADMIN, change().setName("T2").build()));
    assertEquals("T1", f.structure.tables.get(TABLE).getName());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void updatingAMissingTableIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.tables.updateTable(ADMIN, change().setId(MISSING).build()));
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aHostMayNotChangeTables() {
    failed(ErrorCode.PERMISSION_DENIED, f.tables.updateTable(HOST_A, change().build()));
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.tables.updateTable(HOST_B, change().build()));
    assertEquals("table " + TABLE + " not found", e.getMessage());
    assertEquals(List.of("findTable", "findTable"), f.structure.calls);
  }

  @Test
  void anInvalidUpdateWritesNothing() {
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.updateTable(ADMIN, change().setCapacity(-1).build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.tables.updateTable(ADMIN, change().setPosition(PLACED.toBuilder().setRotation(400)).build()));
    assertEquals(List.of(), f.structure.calls);
  }

  // ---- delete

  @Test
  void deletesATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    succeeded(f.tables.deleteTable(MANAGER_A, DeleteTableRequest.newBuilder().setId(TABLE).build()));

    assertFalse(f.structure.tables.containsKey(TABLE));
    assertEquals(List.of(new FakeBookingOccupancy.CountCall(A, List.of(TABLE))), f.bookings.counts);
    assertEquals(layoutUpdated(TABLE), assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0))
      .getJsonObject("layout_updated"));
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aTableWithFutureBookingsIsNotDeleted() {
    f.bookings.futureByTable.put(TABLE, 1);
    ServiceException e = failed(ErrorCode.HAS_FUTURE_BOOKINGS, f.tables.deleteTable(ADMIN, DeleteTableRequest.newBuilder().setId(TABLE).build()));
    assertEquals("table " + TABLE + " has 1 future booking(s); cancel or finish them first", e.getMessage());
    assertTrue(f.structure.tables.containsKey(TABLE));
    assertEquals(List.of(), f.outbox());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void whenTheBookingServiceCannotAnswerTheTableStays() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, f.tables.deleteTable(ADMIN, DeleteTableRequest.newBuilder().setId(TABLE).build()));
    assertTrue(f.structure.tables.containsKey(TABLE));
  }

  @Test
  void deletingAMissingTableIsNotFoundWithoutAskingTheBookingService() {
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(ADMIN, DeleteTableRequest.newBuilder().setId(MISSING).build()));
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aHostMayNotDeleteTablesAndIsRefusedBeforeTheBookingCheck() {
    failed(ErrorCode.PERMISSION_DENIED, f.tables.deleteTable(HOST_A, DeleteTableRequest.newBuilder().setId(TABLE).build()));
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(MANAGER_B, DeleteTableRequest.newBuilder().setId(TABLE).build()));
    assertTrue(f.bookings.untouched());
    assertTrue(f.structure.tables.containsKey(TABLE));
  }

  @Test
  void aTableDeletedMeanwhileIsNotFoundWithoutEvent() {
    f.bookings.beforeAnswer = () -> f.structure.tables.remove(TABLE);
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(ADMIN, DeleteTableRequest.newBuilder().setId(TABLE).build()));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }
}
