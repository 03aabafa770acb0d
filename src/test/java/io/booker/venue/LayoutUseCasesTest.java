package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.GetTableLayoutRequest;
import io.booker.proto.venue.GetTableLayoutResponse;
import io.booker.proto.venue.Table;
import io.booker.proto.venue.UpdateTableRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class LayoutUseCasesTest {

  private final Fakes f = new Fakes();

  private static GetTableLayoutRequest of(String venueId, String roomId) {
    return GetTableLayoutRequest.newBuilder().setVenueId(venueId).setRoomId(roomId).build();
  }

  @Test
  void aMissLoadsTheLayoutAndStoresItForTheNextReader() {
    GetTableLayoutResponse layout = succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));

    assertEquals(ROOM, layout.getRoomId());
    assertEquals(List.of(TABLE, TABLE_2), layout.getTablesList().stream().map(Table::getId).toList());
    assertEquals(List.of("loadLayout"), f.structure.calls);
    assertEquals(List.of(ROOM), f.layouts.stored);
    assertEquals(new RoomLayout(A, layout), f.layouts.values.get(ROOM));
  }

  @Test
  void aHitIsServedWithoutReadingTheDatabase() {
    succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    f.structure.calls.clear();
    GetTableLayoutResponse again = succeeded(f.layout.getTableLayout(MANAGER_A, of("", ROOM)));

    assertEquals(2, again.getTablesCount());
    assertEquals(List.of(), f.structure.calls);
    assertEquals(List.of(ROOM), f.layouts.stored, "stored once");
  }

  @Test
  void aChangeMadeWhileLoadingIsNotOverwrittenByTheOldLayout() {
    // A table update commits and invalidates between this reader's lookup and its store.
    f.layouts.afterLookup = () -> {
      f.layouts.afterLookup = () -> { };
      succeeded(f.tables.updateTable(ADMIN, UpdateTableRequest.newBuilder().setId(TABLE).setName("T1").setCapacity(9).build()));
    };
    succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    assertEquals(List.of(), f.layouts.stored, "loaded under an older version: not stored");

    GetTableLayoutResponse fresh = succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    assertEquals(9, fresh.getTables(0).getCapacity());
    assertEquals(List.of(ROOM), f.layouts.stored);
  }

  @Test
  void aStructureChangeDropsTheCachedLayout() {
    succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    succeeded(f.tables.updateTable(ADMIN, UpdateTableRequest.newBuilder().setId(TABLE_2).setName("T2").setCapacity(3).build()));
    assertNull(f.layouts.values.get(ROOM));

    f.structure.calls.clear();
    GetTableLayoutResponse layout = succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    assertEquals(3, layout.getTables(1).getCapacity(), "reloaded with the change");
    assertEquals(List.of("loadLayout"), f.structure.calls);
  }

  @Test
  void whenTheCacheIsDownTheLayoutComesFromTheDatabase() {
    f.layouts.down = true;
    GetTableLayoutResponse layout = succeeded(f.layout.getTableLayout(HOST_A, of(A, ROOM)));
    assertEquals(2, layout.getTablesCount());
    assertEquals(List.of(), f.layouts.stored);
  }

  @Test
  void anEmptyRoomHasAnEmptyLayout() {
    f.structure.putRoom(A, MISSING, "Empty");
    assertEquals(0, succeeded(f.layout.getTableLayout(HOST_A, of(A, MISSING))).getTablesCount());
  }

  @Test
  void aMissingRoomIsNotFoundAndNothingIsStored() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, of("", MISSING)));
    assertEquals("room " + MISSING + " not found", e.getMessage());
    assertEquals(List.of(), f.layouts.stored);
  }

  @Test
  void aRoomOfAnotherVenueThanTheOneNamedIsNotFoundCachedOrNot() {
    failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, of(B, ROOM)));
    succeeded(f.layout.getTableLayout(ADMIN, of(A, ROOM)));
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, of(B, ROOM)));
    assertEquals("room " + ROOM + " not found", e.getMessage());
  }

  @Test
  void aRoomOfAVenueTheCallerDoesNotSeeIsNotFoundEvenWhenCached() {
    succeeded(f.layout.getTableLayout(ADMIN, of(A, ROOM)));
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(HOST_B, of("", ROOM)));
    assertEquals("room " + ROOM + " not found", e.getMessage());
  }

  @Test
  void namingAVenueTheCallerDoesNotSeeReachesNothing() {
    failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(HOST_B, of(A, ROOM)));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void malformedIdsAreInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.layout.getTableLayout(ADMIN, of("nope", ROOM)));
    failed(ErrorCode.INVALID_ARGUMENT, f.layout.getTableLayout(ADMIN, of(A, "")));
  }
}
