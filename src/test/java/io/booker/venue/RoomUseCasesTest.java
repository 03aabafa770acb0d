package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Room;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class RoomUseCasesTest {

  private final Fakes f = new Fakes();

  // ---- create

  @Test
  void createsARoomInTheVenue() {
    Room r = succeeded(f.rooms.createRoom(MANAGER_A, A, " Terrace "));
    assertEquals(A, r.venueId());
    assertEquals("Terrace", r.name());
    assertEquals(r, f.structure.rooms.get(r.id()));
    assertEquals(List.of(), f.outbox(), "an empty room changes no layout: no event");
  }

  @Test
  void aRoomNeedsAName() {
    failed(ErrorCode.INVALID_ARGUMENT, f.rooms.createRoom(ADMIN, A, " "));
    failed(ErrorCode.INVALID_ARGUMENT, f.rooms.createRoom(ADMIN, A, "x".repeat(101)));
    assertEquals(List.of(), f.structure.calls);
  }

  @Test
  void aRoomOfAMissingVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.rooms.createRoom(ADMIN, MISSING, "R"));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
  }

  @Test
  void aMalformedVenueIdIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.rooms.createRoom(ADMIN, "x", "R"));
  }

  // ---- read

  @Test
  void getsARoom() {
    assertEquals("Main", succeeded(f.rooms.getRoom(HOST_A, ROOM)).name());
  }

  @Test
  void aMissingRoomIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.rooms.getRoom(ADMIN, MISSING));
  }

  @Test
  void listsTheVenuesRoomsWithTheirTotal() {
    f.structure.putRoom(A, MISSING, "Terrace");
    f.structure.putRoom(B, "f0000000-0000-4000-8000-000000000001", "Elsewhere");
    Page<Room> page = succeeded(f.rooms.listRooms(HOST_A, A, 1, 0));
    assertEquals(List.of(ROOM), page.items().stream().map(Room::id).toList());
    assertEquals(2, page.total());
  }

  @Test
  void theRoomsOfAMissingVenueAreNotFound() {
    failed(ErrorCode.NOT_FOUND, f.rooms.listRooms(ADMIN, MISSING, 0, 0));
  }

  // ---- update

  @Test
  void renamingARoomDropsItsCachedLayout() {
    Room r = succeeded(f.rooms.updateRoom(MANAGER_A, ROOM, "Hall"));
    assertEquals("Hall", r.name());
    assertEquals("Hall", f.structure.rooms.get(ROOM).name());
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
  }

  @Test
  void renamingIsOneScopedWriteForAnAllowedRole() {
    succeeded(f.rooms.updateRoom(MANAGER_A, ROOM, "Hall"));
    assertEquals(List.of("updateRoom"), f.structure.calls, "no read of the room's venue first");
  }

  @Test
  void aManagerOfAnotherVenueCannotFindTheRoom() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.rooms.updateRoom(MANAGER_B, ROOM, "Hall"));
    assertEquals("room " + ROOM + " not found", e.getMessage());
    assertEquals("Main", f.structure.rooms.get(ROOM).name());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void renamingAMissingRoomIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.rooms.updateRoom(ADMIN, MISSING, "Hall"));
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void aHostIsDeniedAndAHostOfAnotherVenueFindsNothing() {
    failed(ErrorCode.PERMISSION_DENIED, f.rooms.updateRoom(HOST_A, ROOM, "Hall"));
    failed(ErrorCode.NOT_FOUND, f.rooms.updateRoom(HOST_B, ROOM, "Hall"));
    failed(ErrorCode.NOT_FOUND, f.rooms.updateRoom(HOST_A, MISSING, "Hall"));
    assertEquals(List.of("findRoom", "findRoom", "findRoom"), f.structure.calls, "one read each, no write");
  }

  @Test
  void anInvalidNameIsCheckedAfterTheRole() {
    failed(ErrorCode.INVALID_ARGUMENT, f.rooms.updateRoom(ADMIN, ROOM, ""));
    assertEquals(List.of(), f.structure.calls);
  }

  // ---- delete

  @Test
  void deletesARoomWithItsTablesCommitsTheLayoutChangeAndDropsTheCachedLayout() {
    succeeded(f.rooms.deleteRoom(MANAGER_A, ROOM));

    assertFalse(f.structure.rooms.containsKey(ROOM));
    assertTrue(f.structure.tables.isEmpty());
    assertEquals(List.of(new FakeBookingOccupancy.CountCall(A, List.of(TABLE, TABLE_2))), f.bookings.counts);
    JsonObject p = assertEvent(VenueEvents.LAYOUT_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject().put("room_id", ROOM).put("table_ids", new JsonArray().add(TABLE).add(TABLE_2)), p.getJsonObject("layout_updated"));
    assertEquals(List.of(List.of(ROOM)), f.layouts.invalidations);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anEmptyRoomIsDeletedWithoutAskingTheBookingService() {
    f.structure.putRoom(A, MISSING, "Empty");
    succeeded(f.rooms.deleteRoom(ADMIN, MISSING));
    assertTrue(f.bookings.untouched());
    assertFalse(f.structure.rooms.containsKey(MISSING));
    assertEquals(1, f.outbox().size());
  }

  @Test
  void aRoomWithFutureBookingsIsNotDeleted() {
    f.bookings.futureByTable.put(TABLE_2, 2);
    ServiceException e = failed(ErrorCode.HAS_FUTURE_BOOKINGS, f.rooms.deleteRoom(ADMIN, ROOM));
    assertEquals("room " + ROOM + " has 2 future booking(s); cancel or finish them first", e.getMessage());
    assertTrue(f.structure.rooms.containsKey(ROOM));
    assertEquals(List.of(), f.outbox());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void whenTheBookingServiceCannotAnswerTheRoomStays() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "down");
    failed(ErrorCode.UNAVAILABLE, f.rooms.deleteRoom(ADMIN, ROOM));
    assertTrue(f.structure.rooms.containsKey(ROOM));
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void tablesAddedDuringTheDeleteAreCheckedAgain() {
    String added = "d0000000-0000-4000-8000-000000000003";
    f.structure.beforeRoomDelete = () -> {
      if (!f.structure.tables.containsKey(added)) {
        f.structure.putTable(ROOM, added, "T3", 2);
      }
    };
    succeeded(f.rooms.deleteRoom(ADMIN, ROOM));

    assertEquals(2, f.bookings.counts.size(), "checked again with the new table");
    assertEquals(List.of(TABLE, TABLE_2, added), f.bookings.counts.get(1).tableIds());
    assertEquals(List.of(TABLE, TABLE_2, added), assertEvent(VenueEvents.LAYOUT_UPDATED, A, ADMIN, f.outbox().get(0))
      .getJsonObject("layout_updated").getJsonArray("table_ids").getList());
    assertFalse(f.structure.tables.containsKey(added));
  }

  @Test
  void tablesThatKeepAppearingMakeItAConcurrentChangeWithNothingDeleted() {
    f.structure.tablesChangeDuringDelete = RoomUseCases.ROOM_DELETE_ATTEMPTS;
    ServiceException e = failed(ErrorCode.CONCURRENT_CHANGE, f.rooms.deleteRoom(ADMIN, ROOM));
    assertEquals("tables are being added to room " + ROOM + " while it is deleted; nothing was deleted", e.getMessage());
    assertEquals(RoomUseCases.ROOM_DELETE_ATTEMPTS, f.bookings.counts.size());
    assertTrue(f.structure.rooms.containsKey(ROOM));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void theLastAttemptMaySucceed() {
    f.structure.tablesChangeDuringDelete = RoomUseCases.ROOM_DELETE_ATTEMPTS - 1;
    succeeded(f.rooms.deleteRoom(ADMIN, ROOM));
    assertFalse(f.structure.rooms.containsKey(ROOM));
  }

  @Test
  void deletingAMissingRoomIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.rooms.deleteRoom(ADMIN, MISSING));
    assertEquals("room " + MISSING + " not found", e.getMessage());
    assertTrue(f.bookings.untouched());
  }

  @Test
  void aRoomDeletedMeanwhileIsNotFoundWithoutEvent() {
    f.bookings.beforeAnswer = () -> f.structure.rooms.remove(ROOM);
    failed(ErrorCode.NOT_FOUND, f.rooms.deleteRoom(ADMIN, ROOM));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
    assertEquals(List.of(), f.layouts.invalidations);
  }
}
