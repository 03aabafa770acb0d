package io.booker.venue;

import io.booker.proto.venue.*;
import io.vertx.core.Future;

/**
 * The venue service behind the generated {@link VenueService} contract: a facade over the use
 * cases for structure (venues, rooms, tables, layout), schedule (opening and special hours) and
 * availability.
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

  @Override public Future<Venue> createVenue(CreateVenueRequest r) { return structure.createVenue(r); }
  @Override public Future<Venue> getVenue(GetVenueRequest r) { return structure.getVenue(r); }
  @Override public Future<ListVenuesResponse> listVenues(ListVenuesRequest r) { return structure.listVenues(r); }
  @Override public Future<Venue> updateVenue(UpdateVenueRequest r) { return structure.updateVenue(r); }
  @Override public Future<DeleteVenueResponse> deleteVenue(DeleteVenueRequest r) { return structure.deleteVenue(r); }
  @Override public Future<Room> createRoom(CreateRoomRequest r) { return structure.createRoom(r); }
  @Override public Future<Room> getRoom(GetRoomRequest r) { return structure.getRoom(r); }
  @Override public Future<ListRoomsResponse> listRooms(ListRoomsRequest r) { return structure.listRooms(r); }
  @Override public Future<Room> updateRoom(UpdateRoomRequest r) { return structure.updateRoom(r); }
  @Override public Future<DeleteRoomResponse> deleteRoom(DeleteRoomRequest r) { return structure.deleteRoom(r); }
  @Override public Future<Table> createTable(CreateTableRequest r) { return structure.createTable(r); }
  @Override public Future<Table> getTable(GetTableRequest r) { return structure.getTable(r); }
  @Override public Future<ListTablesResponse> listTables(ListTablesRequest r) { return structure.listTables(r); }
  @Override public Future<Table> updateTable(UpdateTableRequest r) { return structure.updateTable(r); }
  @Override public Future<DeleteTableResponse> deleteTable(DeleteTableRequest r) { return structure.deleteTable(r); }
  @Override public Future<GetTableLayoutResponse> getTableLayout(GetTableLayoutRequest r) { return structure.getTableLayout(r); }

  @Override public Future<SetOpeningHoursResponse> setOpeningHours(SetOpeningHoursRequest r) { return schedule.setOpeningHours(r); }
  @Override public Future<OpeningHours> getOpeningHours(GetOpeningHoursRequest r) { return schedule.getOpeningHours(r); }
  @Override public Future<SetSpecialHoursResponse> setSpecialHours(SetSpecialHoursRequest r) { return schedule.setSpecialHours(r); }
  @Override public Future<ListSpecialHoursResponse> listSpecialHours(ListSpecialHoursRequest r) { return schedule.listSpecialHours(r); }
  @Override public Future<DeleteSpecialHoursResponse> deleteSpecialHours(DeleteSpecialHoursRequest r) { return schedule.deleteSpecialHours(r); }

  @Override public Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) { return availability.checkAvailability(r); }
  @Override public Future<ResolvedBookingSlot> resolveBookingSlot(ResolveBookingSlotRequest r) { return availability.resolveBookingSlot(r); }
}
