package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.booker.venue.adapter.VenueRepository;
import io.booker.venue.domain.Times;
import io.vertx.core.Future;

import java.util.UUID;

/** Venues, rooms and tables, and the table layout of a room. */
final class StructureUseCases {

  private final VenueDeps deps;
  private final VenueRepository repository;

  StructureUseCases(VenueDeps deps) {
    this.deps = deps;
    this.repository = new VenueRepository(deps.pool());
  }

  Future<Venue> createVenue(CreateVenueRequest request) {
    String timezone = request.getTimezone().isBlank() ? "UTC" : request.getTimezone();
    if (request.getName().isBlank()) {
      throw ServiceException.invalid("name", "is required");
    }
    Times.parseZone("timezone", timezone);
    CreateVenueRequest clean = request.toBuilder().setName(request.getName().trim()).setTimezone(timezone).build();
    return repository.insertVenue(UUID.randomUUID(), clean, deps.events()::venueCreated).onSuccess(v -> deps.eventsWritten().run());
  }

  Future<Venue> getVenue(GetVenueRequest request) {
    UUID id = Ids.uuid("id", request.getId());
    return repository.findVenue(id).map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", request.getId())));
  }

  private static <T> Future<T> notYet() {
    return Future.failedFuture(new ServiceException(ErrorCode.UNIMPLEMENTED, "not implemented yet"));
  }

  Future<ListVenuesResponse> listVenues(ListVenuesRequest r) { return notYet(); }
  Future<Venue> updateVenue(UpdateVenueRequest r) { return notYet(); }
  Future<DeleteVenueResponse> deleteVenue(DeleteVenueRequest r) { return notYet(); }
  Future<Room> createRoom(CreateRoomRequest r) { return notYet(); }
  Future<Room> getRoom(GetRoomRequest r) { return notYet(); }
  Future<ListRoomsResponse> listRooms(ListRoomsRequest r) { return notYet(); }
  Future<Room> updateRoom(UpdateRoomRequest r) { return notYet(); }
  Future<DeleteRoomResponse> deleteRoom(DeleteRoomRequest r) { return notYet(); }
  Future<Table> createTable(CreateTableRequest r) { return notYet(); }
  Future<Table> getTable(GetTableRequest r) { return notYet(); }
  Future<ListTablesResponse> listTables(ListTablesRequest r) { return notYet(); }
  Future<Table> updateTable(UpdateTableRequest r) { return notYet(); }
  Future<DeleteTableResponse> deleteTable(DeleteTableRequest r) { return notYet(); }
  Future<GetTableLayoutResponse> getTableLayout(GetTableLayoutRequest r) { return notYet(); }
}
