package io.booker.venue;

import io.booker.common.access.Caller;
import io.booker.platform.rpc.CallContext;
import io.booker.proto.venue.*;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * The venue service behind the generated {@link VenueService} contract: a facade over the use
 * cases for structure (venues, rooms, tables, layout), schedule (opening and special hours) and
 * availability.
 *
 * <p>Each call runs on behalf of the caller its transport verified ({@link CallContext#caller()}),
 * whichever transport or gateway it came through; the use cases take that {@link Caller} and
 * enforce the per-venue rules themselves. A call without one is UNAUTHENTICATED.
 */
public final class VenueServiceImpl implements VenueService {

  private final StructureUseCases structure;
  private final ScheduleUseCases schedule;
  private final AvailabilityUseCases availability;

  public VenueServiceImpl(VenueDeps deps) {
    this.structure = new StructureUseCases(deps);
    this.schedule = new ScheduleUseCases(deps);
    this.availability = new AvailabilityUseCases(deps);
  }

  @Override public Future<Venue> createVenue(CreateVenueRequest r) { return asCaller(c -> structure.createVenue(c, r)); }
  @Override public Future<Venue> getVenue(GetVenueRequest r) { return asCaller(c -> structure.getVenue(c, r)); }
  @Override public Future<ListVenuesResponse> listVenues(ListVenuesRequest r) { return asCaller(c -> structure.listVenues(c, r)); }
  @Override public Future<Venue> updateVenue(UpdateVenueRequest r) { return asCaller(c -> structure.updateVenue(c, r)); }
  @Override public Future<DeleteVenueResponse> deleteVenue(DeleteVenueRequest r) { return asCaller(c -> structure.deleteVenue(c, r)); }
  @Override public Future<Room> createRoom(CreateRoomRequest r) { return asCaller(c -> structure.createRoom(c, r)); }
  @Override public Future<Room> getRoom(GetRoomRequest r) { return asCaller(c -> structure.getRoom(c, r)); }
  @Override public Future<ListRoomsResponse> listRooms(ListRoomsRequest r) { return asCaller(c -> structure.listRooms(c, r)); }
  @Override public Future<Room> updateRoom(UpdateRoomRequest r) { return asCaller(c -> structure.updateRoom(c, r)); }
  @Override public Future<DeleteRoomResponse> deleteRoom(DeleteRoomRequest r) { return asCaller(c -> structure.deleteRoom(c, r)); }
  @Override public Future<Table> createTable(CreateTableRequest r) { return asCaller(c -> structure.createTable(c, r)); }
  @Override public Future<Table> getTable(GetTableRequest r) { return asCaller(c -> structure.getTable(c, r)); }
  @Override public Future<ListTablesResponse> listTables(ListTablesRequest r) { return asCaller(c -> structure.listTables(c, r)); }
  @Override public Future<Table> updateTable(UpdateTableRequest r) { return asCaller(c -> structure.updateTable(c, r)); }
  @Override public Future<DeleteTableResponse> deleteTable(DeleteTableRequest r) { return asCaller(c -> structure.deleteTable(c, r)); }
  @Override public Future<GetTableLayoutResponse> getTableLayout(GetTableLayoutRequest r) { return asCaller(c -> structure.getTableLayout(c, r)); }

  @Override public Future<SetOpeningHoursResponse> setOpeningHours(SetOpeningHoursRequest r) { return asCaller(c -> schedule.setOpeningHours(c, r)); }
  @Override public Future<OpeningHours> getOpeningHours(GetOpeningHoursRequest r) { return asCaller(c -> schedule.getOpeningHours(c, r)); }
  @Override public Future<SetSpecialHoursResponse> setSpecialHours(SetSpecialHoursRequest r) { return asCaller(c -> schedule.setSpecialHours(c, r)); }
  @Override public Future<ListSpecialHoursResponse> listSpecialHours(ListSpecialHoursRequest r) { return asCaller(c -> schedule.listSpecialHours(c, r)); }
  @Override public Future<DeleteSpecialHoursResponse> deleteSpecialHours(DeleteSpecialHoursRequest r) { return asCaller(c -> schedule.deleteSpecialHours(c, r)); }

  @Override public Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) { return asCaller(c -> availability.checkAvailability(c, r)); }
  @Override public Future<CheckTablesResponse> checkTables(CheckTablesRequest r) { return asCaller(c -> availability.checkTables(c, r)); }
  @Override public Future<ResolvedBookingSlot> resolveBookingSlot(ResolveBookingSlotRequest r) { return asCaller(c -> availability.resolveBookingSlot(c, r)); }

  /**
   * Runs a use case for the verified caller of the call being served; what it throws (validation,
   * access, a missing caller) becomes a failed future, as the contract wants.
   */
  private static <T> Future<T> asCaller(Function<Caller, Future<T>> useCase) {
    try {
      return useCase.apply(CallContext.caller());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
