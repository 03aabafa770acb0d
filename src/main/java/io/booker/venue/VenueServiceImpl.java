package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.*;
import io.booker.venue.adapter.VenueRepository;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/** The venue service's use cases, behind the generated {@link VenueService} contract. */
public final class VenueServiceImpl implements VenueService {

  private final VenueRepository repository;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  public VenueServiceImpl(VenueRepository repository, Clock clock, Runnable eventsWritten) {
    this.repository = repository;
    this.events = new VenueEvents(clock);
    this.eventsWritten = eventsWritten;
  }

  @Override
  public Future<Venue> createVenue(CreateVenueRequest request) {
    String timezone = request.getTimezone().isBlank() ? "UTC" : request.getTimezone().trim();
    if (request.getName().isBlank()) {
      throw ServiceException.invalid("name", "is required");
    }
    if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
      throw ServiceException.invalid("timezone", "must be an IANA time zone such as Europe/Berlin");
    }
    CreateVenueRequest clean = request.toBuilder().setName(request.getName().trim()).setTimezone(timezone).build();
    return repository.insertVenue(UUID.randomUUID(), clean, events::venueCreated).onSuccess(v -> eventsWritten.run());
  }

  @Override
  public Future<Venue> getVenue(GetVenueRequest request) {
    UUID id = uuid("id", request.getId());
    return repository.findVenue(id).map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", request.getId())));
  }

  static UUID uuid(String field, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServiceException.invalid(field, "must be a UUID");
    }
  }

  private static <T> Future<T> notYet() {
    return Future.failedFuture(new ServiceException(ErrorCode.UNIMPLEMENTED, "not implemented yet"));
  }

  @Override public Future<ListVenuesResponse> listVenues(ListVenuesRequest r) { return notYet(); }
  @Override public Future<Venue> updateVenue(UpdateVenueRequest r) { return notYet(); }
  @Override public Future<DeleteVenueResponse> deleteVenue(DeleteVenueRequest r) { return notYet(); }
  @Override public Future<Room> createRoom(CreateRoomRequest r) { return notYet(); }
  @Override public Future<Room> getRoom(GetRoomRequest r) { return notYet(); }
  @Override public Future<ListRoomsResponse> listRooms(ListRoomsRequest r) { return notYet(); }
  @Override public Future<Room> updateRoom(UpdateRoomRequest r) { return notYet(); }
  @Override public Future<DeleteRoomResponse> deleteRoom(DeleteRoomRequest r) { return notYet(); }
  @Override public Future<Table> createTable(CreateTableRequest r) { return notYet(); }
  @Override public Future<Table> getTable(GetTableRequest r) { return notYet(); }
  @Override public Future<ListTablesResponse> listTables(ListTablesRequest r) { return notYet(); }
  @Override public Future<Table> updateTable(UpdateTableRequest r) { return notYet(); }
  @Override public Future<DeleteTableResponse> deleteTable(DeleteTableRequest r) { return notYet(); }
  @Override public Future<SetOpeningHoursResponse> setOpeningHours(SetOpeningHoursRequest r) { return notYet(); }
  @Override public Future<OpeningHours> getOpeningHours(GetOpeningHoursRequest r) { return notYet(); }
  @Override public Future<SetSpecialHoursResponse> setSpecialHours(SetSpecialHoursRequest r) { return notYet(); }
  @Override public Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) { return notYet(); }
  @Override public Future<GetTableLayoutResponse> getTableLayout(GetTableLayoutRequest r) { return notYet(); }
  @Override public Future<ListSpecialHoursResponse> listSpecialHours(ListSpecialHoursRequest r) { return notYet(); }
  @Override public Future<DeleteSpecialHoursResponse> deleteSpecialHours(DeleteSpecialHoursRequest r) { return notYet(); }
}
