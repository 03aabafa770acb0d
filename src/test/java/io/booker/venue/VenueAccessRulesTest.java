package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.*;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The venue service's own access rules, for every call that names its venue, decided before the
 * use case reaches the database, Redis or the booking service ({@link InfraProbe}): a refused
 * caller reaches nothing, an allowed one goes on to its first dependency. Calls by room or table
 * id need the row's venue from the database; {@code io.booker.it.venue.VenueAccessTest} covers them.
 */
class VenueAccessRulesTest {

  static final String A = UUID.randomUUID().toString();
  static final String B = UUID.randomUUID().toString();
  static final String ROOM = UUID.randomUUID().toString();
  static final String TABLE = UUID.randomUUID().toString();
  static final String DATE = "2031-06-01";

  static final Caller ADMIN = new Caller(UUID.randomUUID().toString(), Role.ADMIN, Set.of());
  static final Caller MANAGER_A = new Caller(UUID.randomUUID().toString(), Role.MANAGER, Set.of(A));
  static final Caller HOST_A = new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(A));
  static final Caller HOST_B = new Caller(UUID.randomUUID().toString(), Role.HOST, Set.of(B));
  static final Caller MANAGER_B = new Caller(UUID.randomUUID().toString(), Role.MANAGER, Set.of(B));
  static final List<Caller> CALLERS = List.of(ADMIN, MANAGER_A, HOST_A, HOST_B, MANAGER_B);

  /** What a caller gets: let through to the service's dependencies, PERMISSION_DENIED, or NOT_FOUND like a missing venue. */
  enum Outcome { THROUGH, DENIED, MISSING }

  static final Outcome T = Outcome.THROUGH;
  static final Outcome D = Outcome.DENIED;
  static final Outcome M = Outcome.MISSING;

  /** The use cases, wired to a fresh probe. */
  record UseCases(StructureUseCases structure, ScheduleUseCases schedule, AvailabilityUseCases availability) {
    static UseCases on(InfraProbe probe) {
      return new UseCases(new StructureUseCases(probe.deps), new ScheduleUseCases(probe.deps), new AvailabilityUseCases(probe.deps));
    }
  }

  /** One call on venue A, what a missing venue answers to it, and what each of {@link #CALLERS} gets. */
  record Row(String call, BiFunction<UseCases, Caller, Future<?>> run, String missing, Outcome... outcomes) {
  }

  static final String VENUE_A_MISSING = "venue " + A + " not found";

  static List<Row> rows() {
    Slot slot = Slot.newBuilder().setDate(DATE).setStartTime("19:00").setDurationMinutes(120).build();
    //                                                                                                  admin mgrA hostA hostB mgrB
    return List.of(
      new Row("CreateVenue", (u, c) -> u.structure().createVenue(c, CreateVenueRequest.newBuilder().setName("New").build()),
        null, T, D, D, D, D),
      new Row("GetVenue", (u, c) -> u.structure().getVenue(c, GetVenueRequest.newBuilder().setId(A).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("UpdateVenue", (u, c) -> u.structure().updateVenue(c, UpdateVenueRequest.newBuilder().setId(A).setName("Renamed").build()),
        VENUE_A_MISSING, T, T, D, M, M),
      new Row("DeleteVenue", (u, c) -> u.structure().deleteVenue(c, DeleteVenueRequest.newBuilder().setId(A).build()),
        VENUE_A_MISSING, T, D, D, M, M),
      new Row("CreateRoom", (u, c) -> u.structure().createRoom(c, CreateRoomRequest.newBuilder().setVenueId(A).setName("Hall").build()),
        VENUE_A_MISSING, T, T, D, M, M),
      new Row("ListRooms", (u, c) -> u.structure().listRooms(c, ListRoomsRequest.newBuilder().setVenueId(A).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("ListTables of a venue", (u, c) -> u.structure().listTables(c, ListTablesRequest.newBuilder().setVenueId(A).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("GetTableLayout with venue_id", (u, c) -> u.structure().getTableLayout(c,
        GetTableLayoutRequest.newBuilder().setVenueId(A).setRoomId(ROOM).build()),
        "room " + ROOM + " not found", T, T, T, M, M),
      new Row("SetOpeningHours", (u, c) -> u.schedule().setOpeningHours(c, SetOpeningHoursRequest.newBuilder().setVenueId(A)
        .addDays(DayHours.newBuilder().setWeekday(1).setOpenTime("12:00").setCloseTime("22:00")).build()),
        VENUE_A_MISSING, T, T, D, M, M),
      new Row("GetOpeningHours", (u, c) -> u.schedule().getOpeningHours(c, GetOpeningHoursRequest.newBuilder().setVenueId(A).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("SetSpecialHours", (u, c) -> u.schedule().setSpecialHours(c, SetSpecialHoursRequest.newBuilder().setVenueId(A)
        .setDate(DATE).setIsClosed(true).build()),
        VENUE_A_MISSING, T, T, D, M, M),
      new Row("ListSpecialHours", (u, c) -> u.schedule().listSpecialHours(c, ListSpecialHoursRequest.newBuilder().setVenueId(A).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("DeleteSpecialHours", (u, c) -> u.schedule().deleteSpecialHours(c, DeleteSpecialHoursRequest.newBuilder().setVenueId(A)
        .setDate(DATE).build()),
        "special hours of venue " + A + " on " + DATE + " not found", T, T, D, M, M),
      new Row("CheckAvailability", (u, c) -> u.availability().checkAvailability(c, CheckAvailabilityRequest.newBuilder().setVenueId(A)
        .setSlot(slot).setPartySize(2).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("ResolveBookingSlot", (u, c) -> u.availability().resolveBookingSlot(c, ResolveBookingSlotRequest.newBuilder().setVenueId(A)
        .setTable(TableRef.newBuilder().setTableId(TABLE)).setSlot(slot).setPartySize(2).build()),
        VENUE_A_MISSING, T, T, T, M, M),
      new Row("ListVenues", (u, c) -> u.structure().listVenues(c, ListVenuesRequest.getDefaultInstance()),
        null, T, T, T, T, T));
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

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("matrix")
  void everyCallOnVenueA(String call, String who, Row row, Caller caller, Outcome expected) {
    InfraProbe probe = new InfraProbe();
    Throwable t = failure(() -> row.run().apply(UseCases.on(probe), caller));
    switch (expected) {
      case THROUGH -> {
        assertInstanceOf(InfraProbe.Reached.class, t, () -> call + " should get through to the service's dependencies");
        assertFalse(probe.reached().isEmpty());
      }
      case DENIED -> {
        ServiceException e = assertInstanceOf(ServiceException.class, t);
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e::getMessage);
        assertEquals("your role (" + caller.role().wireName() + ") may not do this", e.getMessage());
        assertEquals(List.of(), probe.reached(), "refused before reaching anything");
      }
      case MISSING -> {
        ServiceException e = assertInstanceOf(ServiceException.class, t);
        assertEquals(ErrorCode.NOT_FOUND, e.code(), e::getMessage);
        assertEquals(row.missing(), e.getMessage(), "exactly what a missing venue answers");
        assertEquals(List.of(), probe.reached(), "refused before reaching anything");
      }
    }
  }

  /** Access comes first: a refused caller learns nothing from validation either. */
  @Test
  void accessIsCheckedBeforeTheRequestIsValidated() {
    InfraProbe probe = new InfraProbe();
    UseCases u = UseCases.on(probe);
    assertCode(ErrorCode.PERMISSION_DENIED, () -> u.structure().createVenue(HOST_A, CreateVenueRequest.newBuilder().setName(" ").build()));
    assertCode(ErrorCode.NOT_FOUND, () -> u.structure().updateVenue(MANAGER_B, UpdateVenueRequest.newBuilder().setId(A).setName("").build()));
    assertCode(ErrorCode.PERMISSION_DENIED, () -> u.schedule().setOpeningHours(HOST_A, SetOpeningHoursRequest.newBuilder().setVenueId(A)
      .addDays(DayHours.newBuilder().setWeekday(9).setOpenTime("25:00")).build()));
    assertCode(ErrorCode.NOT_FOUND, () -> u.availability().checkAvailability(HOST_B, CheckAvailabilityRequest.newBuilder().setVenueId(A).build()));
    assertEquals(List.of(), probe.reached());
    // A malformed id is still a 400 for everyone: it names no venue, so it reveals nothing.
    assertCode(ErrorCode.INVALID_ARGUMENT, () -> u.structure().getVenue(HOST_B, GetVenueRequest.newBuilder().setId("nope").build()));
  }

  /** The caller's venue ids are compared with the id as a UUID, whatever its case on the wire. */
  @Test
  void aVenueIdInUpperCaseIsStillTheCallersVenue() {
    InfraProbe probe = new InfraProbe();
    UseCases u = UseCases.on(probe);
    String upper = A.toUpperCase();
    assertInstanceOf(InfraProbe.Reached.class, failure(() -> u.structure().getVenue(HOST_A, GetVenueRequest.newBuilder().setId(upper).build())));
    ServiceException e = assertCode(ErrorCode.NOT_FOUND, () -> u.structure().getVenue(HOST_B, GetVenueRequest.newBuilder().setId(upper).build()));
    assertEquals("venue " + upper + " not found", e.getMessage(), "named as asked, like a missing one");
  }

  /** What a call failed with: its future's cause, or what it threw (some use cases validate by throwing). */
  static Throwable failure(java.util.function.Supplier<Future<?>> call) {
    Future<?> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      return e;
    }
    assertTrue(f.isComplete(), "nothing here waits: the probes answer at once");
    assertTrue(f.failed(), () -> "expected a failure, got " + f.result());
    return f.cause();
  }

  static ServiceException assertCode(ErrorCode code, java.util.function.Supplier<Future<?>> call) {
    ServiceException e = assertInstanceOf(ServiceException.class, failure(call));
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }
}
