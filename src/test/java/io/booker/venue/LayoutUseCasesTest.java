package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.RoomLayout;
import io.booker.venue.domain.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class LayoutUseCasesTest {

  private final Fakes f = new Fakes();


  @Test
  void aMissLoadsTheLayoutAndStoresItForTheNextReader() {
    RoomLayout layout = succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));

    assertEquals(ROOM, layout.roomId());
    assertEquals(List.of(TABLE, TABLE_2), layout.tables().stream().map(Table::id).toList());
    assertEquals(List.of("loadLayout"), f.structure.calls);
    assertEquals(List.of(ROOM), f.layouts.stored);
    assertEquals(A, layout.venueId());
    assertEquals(layout, f.layouts.values.get(ROOM), "cached with its venue");
  }

  @Test
  void aHitIsServedWithoutReadingTheDatabase() {
    succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    f.structure.calls.clear();
    RoomLayout again = succeeded(f.layout.getTableLayout(MANAGER_A, "", ROOM));

    assertEquals(2, again.tables().size());
    assertEquals(List.of(), f.structure.calls);
    assertEquals(List.of(ROOM), f.layouts.stored, "stored once");
  }

  @Test
  void aChangeMadeWhileLoadingIsNotOverwrittenByTheOldLayout() {
    // A table update commits and invalidates between this reader's lookup and its store.
    f.layouts.afterLookup = () -> {
      f.layouts.afterLookup = () -> { };
      succeeded(f.tables.updateTable(ADMIN, TABLE, Inputs.table().setName("T1").setCapacity(9).build()));
    };
    succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    assertEquals(List.of(), f.layouts.stored, "loaded under an older version: not stored");

    RoomLayout fresh = succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    assertEquals(9, fresh.tables().get(0).capacity());
    assertEquals(List.of(ROOM), f.layouts.stored);
  }

  @Test
  void aStructureChangeDropsTheCachedLayout() {
    succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    succeeded(f.tables.updateTable(ADMIN, TABLE_2, Inputs.table().setName("T2").setCapacity(3).build()));
    assertNull(f.layouts.values.get(ROOM));

    f.structure.calls.clear();
    RoomLayout layout = succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    assertEquals(3, layout.tables().get(1).capacity(), "reloaded with the change");
    assertEquals(List.of("loadLayout"), f.structure.calls);
  }

  @Test
  void whenTheCacheIsDownTheLayoutComesFromTheDatabase() {
    f.layouts.down = true;
    RoomLayout layout = succeeded(f.layout.getTableLayout(HOST_A, A, ROOM));
    assertEquals(2, layout.tables().size());
    assertEquals(List.of(), f.layouts.stored);
  }

  @Test
  void anEmptyRoomHasAnEmptyLayout() {
    f.structure.putRoom(A, MISSING, "Empty");
    assertEquals(0, succeeded(f.layout.getTableLayout(HOST_A, A, MISSING)).tables().size());
  }

  @Test
  void aMissingRoomIsNotFoundAndNothingIsStored() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, "", MISSING));
    assertEquals("room " + MISSING + " not found", e.getMessage());
    assertEquals(List.of(), f.layouts.stored);
  }

  @Test
  void aRoomOfAnotherVenueThanTheOneNamedIsNotFoundCachedOrNot() {
    failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, B, ROOM));
    succeeded(f.layout.getTableLayout(ADMIN, A, ROOM));
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(ADMIN, B, ROOM));
    assertEquals("room " + ROOM + " not found", e.getMessage());
  }

  @Test
  void aRoomOfAVenueTheCallerDoesNotSeeIsNotFoundEvenWhenCached() {
    succeeded(f.layout.getTableLayout(ADMIN, A, ROOM));
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(HOST_B, "", ROOM));
    assertEquals("room " + ROOM + " not found", e.getMessage());
  }

  @Test
  void namingAVenueTheCallerDoesNotSeeReachesNothing() {
    failed(ErrorCode.NOT_FOUND, f.layout.getTableLayout(HOST_B, A, ROOM));
    assertEquals(List.of(), f.reached());
  }

  @Test
  void malformedIdsAreInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.layout.getTableLayout(ADMIN, "nope", ROOM));
    failed(ErrorCode.INVALID_ARGUMENT, f.layout.getTableLayout(ADMIN, A, ""));
  }
}
