package io.booker.booking;

import io.booker.booking.domain.PacingLimit;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.booking.domain.VenueTables;
import io.booker.common.ServiceException;
import io.vertx.core.Future;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;

/**
 * The venue of {@link TestBookings}: tables A1, B2, C3 in one room, D4 in another, and the table
 * combination {@link #COMBINATION} of A1, B2 and C3; places a request on them (room and party size
 * are not checked here: that is TableChoice's job). Unknown tables and combinations are NOT_FOUND;
 * {@link #failure}, when set, is the answer to every call.
 */
final class FakeVenueSlots implements VenueSlots {

  /** A1 + B2 + C3. */
  static final UUID COMBINATION = UUID.fromString("40000000-0000-4000-8000-000000000001");

  /** @param combinationId null when the request named a table */
  record Call(UUID venueId, TableRequest table, TableRequest mergedWith, UUID combinationId, BookingSlot slot, int partySize) {

    Call(UUID venueId, TableRequest table, TableRequest mergedWith, BookingSlot slot, int partySize) {
      this(venueId, table, mergedWith, null, slot, partySize);
    }
  }

  /** A room of the venue without tables. */
  static final UUID EMPTY_ROOM = UUID.fromString("20000000-0000-4000-8000-000000000003");

  final List<Call> calls = new ArrayList<>();
  /** The venues whose tables or zone were asked for. */
  final List<UUID> tablesAsked = new ArrayList<>();
  Throwable failure;
  /** The pacing window every placement counts against (null: none). */
  PacingLimit pacing;

  @Override
  public Future<Placement> resolve(UUID venueId, TableRequest table, TableRequest mergedWith, UUID combinationId, BookingSlot slot,
                                   int partySize) {
    calls.add(new Call(venueId, table, mergedWith, combinationId, slot, partySize));
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    if (!venueId.equals(TestBookings.VENUE)) {
      return Future.failedFuture(ServiceException.notFound("venue", venueId.toString()));
    }
    if (combinationId != null) {
      if (!combinationId.equals(COMBINATION)) {
        return Future.failedFuture(ServiceException.notFound("combination", combinationId.toString()));
      }
      Placement p = TestBookings.placement(slot, TestBookings.A, TestBookings.B, TestBookings.C);
      return Future.succeededFuture(new Placement(p.venueId(), p.tables(), p.tableNames(), p.slot(), p.period(), p.pacing(), COMBINATION));
    }
    List<BookedTable> tables = new ArrayList<>();
    for (TableRequest t : mergedWith == null ? List.of(table) : List.of(table, mergedWith)) {
      BookedTable known = known(t.tableId());
      if (known == null) {
        return Future.failedFuture(ServiceException.notFound("table", t.tableId().toString()));
      }
      tables.add(known);
    }
    Placement p = TestBookings.placement(slot, tables.toArray(BookedTable[]::new));
    return Future.succeededFuture(new Placement(p.venueId(), p.tables(), p.tableNames(), p.slot(), p.period(), pacing));
  }

  @Override
  public Future<VenueTables> tables(UUID venueId) {
    tablesAsked.add(venueId);
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    if (!venueId.equals(TestBookings.VENUE)) {
      return Future.failedFuture(ServiceException.notFound("venue", venueId.toString()));
    }
    Map<UUID, UUID> rooms = new HashMap<>();
    for (BookedTable t : List.of(TestBookings.A, TestBookings.B, TestBookings.C, TestBookings.D)) {
      rooms.put(t.tableId(), t.roomId());
    }
    return Future.succeededFuture(new VenueTables(TestBookings.ZONE, Set.of(TestBookings.ROOM, TestBookings.OTHER_ROOM, EMPTY_ROOM), rooms));
  }

  @Override
  public Future<ZoneId> zone(UUID venueId) {
    tablesAsked.add(venueId);
    if (!venueId.equals(TestBookings.VENUE)) {
      return Future.failedFuture(ServiceException.notFound("venue", venueId.toString()));
    }
    return Future.succeededFuture(TestBookings.ZONE);
  }

  private static BookedTable known(UUID tableId) {
    for (BookedTable t : List.of(TestBookings.A, TestBookings.B, TestBookings.C, TestBookings.D)) {
      if (t.tableId().equals(tableId)) {
        return t;
      }
    }
    return null;
  }
}
