package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Table;
import io.booker.venue.domain.TablePosition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class TableUseCasesTest {

  private final Fakes f = new Fakes();

  private static final TablePosition PLACED = new TablePosition(10, 20, 60, 60, 90, "round");

  private static Inputs.TableInput newTable() {
    return Inputs.table().setRoomId(ROOM).setName(" T3 ").setCapacity(6).setCanMerge(true).setZone("window");
  }

  private static Inputs.TableInput change() {
    return Inputs.table().setId(TABLE).setName("T1").setCapacity(8).setZone("bar");
  }

  private Future<Table> create(Caller caller, Inputs.TableInput in) {
    return f.tables.createTable(caller, in.id(), in.build());
  }

  private Future<Table> update(Caller caller, Inputs.TableInput in) {
    return f.tables.updateTable(caller, in.id(), in.build());
  }

  private static JsonObject layoutUpdated(String tableId) {
    return new JsonObject().put("room_id", ROOM).put("table_ids", new JsonArray().add(tableId));
  }

  // ---- create

  @Test
  void createsATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    Table t = succeeded(create(MANAGER_A, newTable().setPosition(PLACED)));

    assertEquals("T3", t.name());
    assertEquals(A, t.venueId(), "the room's venue");
    assertEquals(PLACED, t.position());
    assertEquals(t, f.structure.tables.get(t.id()));
    assertEquals(List.of("insertTable"), f.structure.calls, "one scoped write, no read first");
    assertEquals(layoutUpdated(t.id()), assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0))
      .getJsonObject("layout_updated"));
    assertEquals(1, f.eventsWritten.get());
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
  }

  @Test
  void aTableWithoutPositionIsNotPlaced() {
    Table t = succeeded(create(ADMIN, newTable()));
    assertFalse(t.placed());
  }

  @Test
  void capacityMustBeFromOneToAHundred() {
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setCapacity(0)));
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setCapacity(101)));
    assertEquals(List.of(), f.structure.calls);
  }

  @Test
  void aTableNeedsANameAndAShortZone() {
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setName("")));
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setZone("z".repeat(51))));
  }

  @Test
  void anInvalidPositionIsRefused() {
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setPosition(new TablePosition(10, 20, 0, 60, 90, "round"))));
    failed(ErrorCode.INVALID_ARGUMENT, create(ADMIN, newTable().setPosition(new TablePosition(10, 20, 60, 60, 90, "star"))));
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aNameTakenInTheRoomIsAlreadyExistsWithNothingCommitted() {
    failed(ErrorCode.ALREADY_EXISTS, create(ADMIN, newTable().setName("T1")));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void aTableInAMissingRoomIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, create(ADMIN, newTable().setRoomId(MISSING)));
    assertEquals("room " + MISSING + " not found", e.getMessage());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void aHostMayNotAddTables() {
    failed(ErrorCode.PERMISSION_DENIED, create(HOST_A, newTable()));
    failed(ErrorCode.NOT_FOUND, create(HOST_B, newTable()));
    failed(ErrorCode.NOT_FOUND, create(MANAGER_B, newTable()));
    assertEquals(2, f.structure.tables.size(), "nothing added");
    assertEquals(List.of(), f.outbox());
  }

  // ---- read

  @Test
  void getsATable() {
    assertEquals("T1", succeeded(f.tables.getTable(HOST_A, TABLE)).name());
  }

  @Test
  void aMissingTableIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.tables.getTable(ADMIN, MISSING));
  }

  @Test
  void listsTheTablesOfARoom() {
    Page<Table> page = succeeded(f.tables.listTables(HOST_A, ROOM, "", 0, 0));
    assertEquals(List.of(TABLE, TABLE_2), page.items().stream().map(Table::id).toList());
    assertEquals(2, page.total());
  }

  @Test
  void listsTheTablesOfAVenueByPage() {
    Page<Table> page = succeeded(f.tables.listTables(HOST_A, "", A, 0, 1));
    assertEquals(List.of(TABLE_2), page.items().stream().map(Table::id).toList());
    assertEquals(2, page.total());
  }

  @Test
  void listingNeedsEitherARoomOrAVenue() {
    ServiceException both = failed(ErrorCode.INVALID_ARGUMENT, f.tables.listTables(ADMIN, ROOM, A, 0, 0));
    assertTrue(both.getMessage().contains("give either room_id or venue_id, not both"), both.getMessage());
    ServiceException neither = failed(ErrorCode.INVALID_ARGUMENT, f.tables.listTables(ADMIN, "", "", 0, 0));
    assertTrue(neither.getMessage().contains("room_id or venue_id is required"), neither.getMessage());
  }

  @Test
  void theTablesOfAMissingRoomOrVenueAreNotFound() {
    failed(ErrorCode.NOT_FOUND, f.tables.listTables(ADMIN, MISSING, "", 0, 0));
    failed(ErrorCode.NOT_FOUND, f.tables.listTables(ADMIN, "", MISSING, 0, 0));
  }

  // ---- update

  @Test
  void updatesATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    Table t = succeeded(update(MANAGER_A, change().setPosition(PLACED)));

    assertEquals(8, t.capacity());
    assertEquals("bar", f.structure.tables.get(TABLE).zone());
    assertEquals(layoutUpdated(TABLE), assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0))
      .getJsonObject("layout_updated"));
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anUpdateWithoutPositionClearsIt() {
    succeeded(update(ADMIN, change().setPosition(PLACED)));
    Table t = succeeded(update(ADMIN, change()));
    assertFalse(t.placed());
  }

  @Test
  void renamingToAnotherTablesNameIsAlreadyExists() {
    failed(ErrorCode.ALREADY_EXISTS, update(ADMIN, change().setName("T2")));
    assertEquals("T1", f.structure.tables.get(TABLE).name());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void updatingAMissingTableIsNotFound() {
    failed(ErrorCode.NOT_FOUND, update(ADMIN, change().setId(MISSING)));
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aHostMayNotChangeTables() {
    failed(ErrorCode.PERMISSION_DENIED, update(HOST_A, change()));
    ServiceException e = failed(ErrorCode.NOT_FOUND, update(HOST_B, change()));
    assertEquals("table " + TABLE + " not found", e.getMessage());
    assertEquals(List.of("findTable", "findTable"), f.structure.calls);
  }

  @Test
  void anInvalidUpdateWritesNothing() {
    failed(ErrorCode.INVALID_ARGUMENT, update(ADMIN, change().setCapacity(-1)));
    failed(ErrorCode.INVALID_ARGUMENT, update(ADMIN, change().setPosition(new TablePosition(10, 20, 60, 60, 400, "round"))));
    assertEquals(List.of(), f.structure.calls);
  }

  // ---- delete

  @Test
  void deletesATableCommitsTheLayoutChangeAndDropsTheRoomsCachedLayout() {
    succeeded(f.tables.deleteTable(MANAGER_A, TABLE));

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
    ServiceException e = failed(ErrorCode.HAS_FUTURE_BOOKINGS, f.tables.deleteTable(ADMIN, TABLE));
    assertEquals("table " + TABLE + " has 1 future booking(s); cancel or finish them first", e.getMessage());
    assertTrue(f.structure.tables.containsKey(TABLE));
    assertEquals(List.of(), f.outbox());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void whenTheBookingServiceCannotAnswerTheTableStays() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, f.tables.deleteTable(ADMIN, TABLE));
    assertTrue(f.structure.tables.containsKey(TABLE));
  }

  @Test
  void deletingAMissingTableIsNotFoundWithoutAskingTheBookingService() {
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(ADMIN, MISSING));
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aHostMayNotDeleteTablesAndIsRefusedBeforeTheBookingCheck() {
    failed(ErrorCode.PERMISSION_DENIED, f.tables.deleteTable(HOST_A, TABLE));
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(MANAGER_B, TABLE));
    assertTrue(f.bookings.untouched());
    assertTrue(f.structure.tables.containsKey(TABLE));
  }

  @Test
  void aTableDeletedMeanwhileIsNotFoundWithoutEvent() {
    f.bookings.beforeAnswer = () -> f.structure.tables.remove(TABLE);
    failed(ErrorCode.NOT_FOUND, f.tables.deleteTable(ADMIN, TABLE));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }
}
