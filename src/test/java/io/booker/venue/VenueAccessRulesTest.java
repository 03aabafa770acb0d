package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.venue.domain.DayHoursText;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.SpecialDay;
import io.booker.venue.domain.SpecialHoursText;
import io.booker.venue.domain.TableRefText;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The venue service's own access rules, for every call, against the fakes: an allowed caller gets
 * the call done; a refused one gets PERMISSION_DENIED, or NOT_FOUND exactly as for a missing
 * venue, room or table, and nothing is written, no event committed, no cache entry dropped and the
 * booking service not asked. Calls that name their venue decide before reaching anything; calls
 * by room or table id first read the row's venue (only that).
 */
class VenueAccessRulesTest {

  static final List<Caller> CALLERS = List.of(ADMIN, MANAGER_A, HOST_A, HOST_B, MANAGER_B);

  /** What a caller gets: the call done, PERMISSION_DENIED, or NOT_FOUND like a missing venue (room, table). */
  enum Outcome { DONE, DENIED, MISSING }

  static final Outcome T = Outcome.DONE;
  static final Outcome D = Outcome.DENIED;
  static final Outcome M = Outcome.MISSING;

  /**
   * One call on venue A, what a missing one answers to it, whether it is by room or table id
   * (then a refusal may read the row's venue), and what each of {@link #CALLERS} gets.
   */
  record Row(String call, BiFunction<Fakes, Caller, Future<?>> run, String missing, boolean byId, Outcome... outcomes) {
  }

  static final String VENUE_A_MISSING = "venue " + A + " not found";
  static final String ROOM_MISSING = "room " + ROOM + " not found";
  static final String TABLE_MISSING = "table " + TABLE + " not found";

  static List<Row> rows() {
    SlotText slot = new SlotText(DATE, "19:00", 120);
    //                                                                                                  admin mgrA hostA hostB mgrB
    return List.of(
      new Row("CreateVenue", (f, c) -> f.venues.createVenue(c, Inputs.venue().setName("New").build()),
        null, false, T, D, D, D, D),
      new Row("GetVenue", (f, c) -> f.venues.getVenue(c, A),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("ListVenues", (f, c) -> f.venues.listVenues(c, 0, 0),
        null, false, T, T, T, T, T),
      new Row("UpdateVenue", (f, c) -> f.venues.updateVenue(c, A, Inputs.venue().setName("Renamed").build()),
        VENUE_A_MISSING, false, T, T, D, M, M),
      new Row("DeleteVenue", (f, c) -> f.venues.deleteVenue(c, A),
        VENUE_A_MISSING, false, T, D, D, M, M),
      new Row("CreateRoom", (f, c) -> f.rooms.createRoom(c, A, "Hall"),
        VENUE_A_MISSING, false, T, T, D, M, M),
      new Row("GetRoom", (f, c) -> f.rooms.getRoom(c, ROOM),
        ROOM_MISSING, true, T, T, T, M, M),
      new Row("ListRooms", (f, c) -> f.rooms.listRooms(c, A, 0, 0),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("UpdateRoom", (f, c) -> f.rooms.updateRoom(c, ROOM, "Hall"),
        ROOM_MISSING, true, T, T, D, M, M),
      new Row("DeleteRoom", (f, c) -> f.rooms.deleteRoom(c, ROOM),
        ROOM_MISSING, true, T, T, D, M, M),
      new Row("CreateTable", (f, c) -> f.tables.createTable(c, ROOM, Inputs.table().setName("T9").setCapacity(2).build()),
        ROOM_MISSING, true, T, T, D, M, M),
      new Row("GetTable", (f, c) -> f.tables.getTable(c, TABLE),
        TABLE_MISSING, true, T, T, T, M, M),
      new Row("ListTables of a room", (f, c) -> f.tables.listTables(c, ROOM, "", 0, 0),
        ROOM_MISSING, true, T, T, T, M, M),
      new Row("ListTables of a venue", (f, c) -> f.tables.listTables(c, "", A, 0, 0),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("UpdateTable", (f, c) -> f.tables.updateTable(c, TABLE, Inputs.table().setName("T1").setCapacity(6).build()),
        TABLE_MISSING, true, T, T, D, M, M),
      new Row("DeleteTable", (f, c) -> f.tables.deleteTable(c, TABLE),
        TABLE_MISSING, true, T, T, D, M, M),
      new Row("GetTableLayout with venue_id", (f, c) -> f.layout.getTableLayout(c, A, ROOM),
        ROOM_MISSING, false, T, T, T, M, M),
      new Row("GetTableLayout by room only", (f, c) -> f.layout.getTableLayout(c, "", ROOM),
        ROOM_MISSING, true, T, T, T, M, M),
      new Row("SetOpeningHours", (f, c) -> f.hours.setOpeningHours(c, A,
        List.of(new DayHoursText(1, "12:00", "22:00")), false),
        VENUE_A_MISSING, false, T, T, D, M, M),
      new Row("GetOpeningHours", (f, c) -> f.hours.getOpeningHours(c, A),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("SetSpecialHours", (f, c) -> f.hours.setSpecialHours(c, A,
        new SpecialHoursText(DATE, true, "", "", List.of())),
        VENUE_A_MISSING, false, T, T, D, M, M),
      new Row("ListSpecialHours", (f, c) -> f.hours.listSpecialHours(c, A, "", ""),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("DeleteSpecialHours", (f, c) -> f.hours.deleteSpecialHours(c, A, DATE),
        "special hours of venue " + A + " on " + DATE + " not found", false, T, T, D, M, M),
      new Row("CheckAvailability", (f, c) -> f.free.checkAvailability(c, A, slot, 2, false, 0),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("CheckTables", (f, c) -> f.free.checkTables(c, A, List.of(TABLE), slot),
        VENUE_A_MISSING, false, T, T, T, M, M),
      new Row("ResolveBookingSlot", (f, c) -> f.free.resolveBookingSlot(c, A,
        new TableRefText(TABLE, ""), null, slot, 2),
        VENUE_A_MISSING, false, T, T, T, M, M));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    for (Row row : rows()) {
      assertEquals(CALLERS.size(), row.outcomes().length, row.call());
      for (int i = 0; i < CALLERS.size(); i++) {
        Caller c = CALLERS.get(i);
        out.add(Arguments.of(row.call(), c.role().wireName() + (c.venueIds().contains(A) ? " of A" : c.allAccess() ? "" : " of B"),
          row, c, row.outcomes()[i]));
      }
    }
    return out.stream();
  }

  /** Venue A has special hours on {@link Fakes#DATE}, so that deleting them can succeed. */
  static Fakes fakes() {
    Fakes f = new Fakes();
    f.schedule.putDay(UUID.fromString(A), SpecialDay.closed(LocalDate.parse(DATE)));
    return f;
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("matrix")
  void everyCallOnVenueA(String call, String who, Row row, Caller caller, Outcome expected) {
    Fakes f = fakes();
    List<Object> before = structure(f);
    Future<?> answer = call(() -> row.run().apply(f, caller));
    switch (expected) {
      case DONE -> {
        succeeded(answer);
        assertFalse(f.reached().isEmpty());
      }
      case DENIED -> {
        ServiceException e = failed(ErrorCode.PERMISSION_DENIED, answer);
        assertEquals("your role (" + caller.role().wireName() + ") may not do this", e.getMessage());
        assertNothingDone(f, row, before);
      }
      case MISSING -> {
        ServiceException e = failed(ErrorCode.NOT_FOUND, answer);
        assertEquals(row.missing(), e.getMessage(), "exactly what a missing one answers");
        assertNothingDone(f, row, before);
      }
    }
  }

  /** A missing venue, room or table answers what a refused stranger got. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aMissingOneAnswersTheSame(Row row) {
    if (row.missing() == null) {
      return;
    }
    Fakes f = fakes();
    f.structure.venues.clear();
    f.structure.rooms.clear();
    f.structure.tables.clear();
    f.schedule.timezones.clear();
    f.schedule.special.clear();
    f.availability.venues.clear();
    ServiceException e = failed(ErrorCode.NOT_FOUND, call(() -> row.run().apply(f, ADMIN)));
    assertEquals(row.missing(), e.getMessage());
    assertTrue(f.outbox().isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  /**
   * Nothing reached at all for a call that names its venue; for one by room or table id, at most
   * the read of the row's venue or a write scoped to the caller's venues that matched nothing.
   */
  private static void assertNothingDone(Fakes f, Row row, List<Object> before) {
    if (row.byId()) {
      assertEquals(before, structure(f), "nothing changed");
    } else {
      assertEquals(List.of(), f.reached(), "refused before reaching anything");
    }
    assertEquals(List.of(), f.outbox(), "no event");
    assertEquals(0, f.eventsWritten.get());
    assertEquals(List.of(), f.layouts.invalidations, "no cached layout dropped");
    assertTrue(f.bookings.untouched(), "the booking service is not asked");
  }

  private static List<Object> structure(Fakes f) {
    return List.of(new HashMap<>(f.structure.venues), new HashMap<>(f.structure.rooms), new HashMap<>(f.structure.tables));
  }

  /** Access comes first: a refused caller learns nothing from validation either. */
  @Test
  void accessIsCheckedBeforeTheRequestIsValidated() {
    Fakes f = new Fakes();
    failed(ErrorCode.PERMISSION_DENIED, () -> f.venues.createVenue(HOST_A, Inputs.venue().setName(" ").build()));
    failed(ErrorCode.NOT_FOUND, () -> f.venues.updateVenue(MANAGER_B, A, Inputs.venue().setName("").build()));
    failed(ErrorCode.PERMISSION_DENIED, () -> f.hours.setOpeningHours(HOST_A, A,
      List.of(new DayHoursText(9, "25:00", "")), false));
    failed(ErrorCode.NOT_FOUND, () -> f.free.checkAvailability(HOST_B, A, null, 0, false, 0));
    failed(ErrorCode.NOT_FOUND, () -> f.rooms.createRoom(HOST_B, A, ""));
    assertEquals(List.of(), f.reached());
    // A malformed id is still a 400 for everyone: it names no venue, so it reveals nothing.
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.venues.getVenue(HOST_B, "nope"));
  }

  /** A host's refused table write is DENIED even with an invalid request: the role is checked before validation. */
  @Test
  void aRefusedWriteByIdIsNotValidatedEither() {
    Fakes f = new Fakes();
    failed(ErrorCode.PERMISSION_DENIED, () -> f.tables.createTable(HOST_A, ROOM, Inputs.table().setCapacity(0).build()));
    failed(ErrorCode.NOT_FOUND, () -> f.tables.updateTable(HOST_B, TABLE, Inputs.table().build()));
    assertEquals(List.of(), f.outbox());
  }

  /** The caller's venue ids are compared with the id as a UUID, whatever its case on the wire. */
  @Test
  void aVenueIdInUpperCaseIsStillTheCallersVenue() {
    Fakes f = new Fakes();
    String upper = A.toUpperCase();
    assertEquals(A, succeeded(f.venues.getVenue(HOST_A, upper)).id());
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.venues.getVenue(HOST_B, upper));
    assertEquals("venue " + upper + " not found", e.getMessage(), "named as asked, like a missing one");
  }
}
