package io.booker.venue;

import io.booker.common.access.Caller;
import io.booker.platform.rpc.CallContext;
import io.booker.proto.venue.*;
import io.booker.venue.adapter.VenueProtos;
import io.vertx.core.Future;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The venue service behind the generated {@link VenueService} contract: a facade over the use
 * cases for venues, rooms, tables, the table layout, the schedule (opening and special hours) and
 * availability. It is the contract's edge: requests become the use cases' domain inputs and
 * domain answers become the contract's messages ({@link VenueProtos}); the use cases check
 * every field themselves, after access, in the order the contract documents.
 *
 * <p>Each call runs on behalf of the caller its transport verified ({@link CallContext#caller()}),
 * whichever transport or gateway it came through; the use cases take that {@link Caller} and
 * enforce the per-venue rules themselves. A call without one is UNAUTHENTICATED.
 */
public final class VenueServiceImpl implements VenueService {

  private final Supplier<Caller> currentCaller;
  private final VenueUseCases venues;
  private final RoomUseCases rooms;
  private final TableUseCases tables;
  private final LayoutUseCases layouts;
  private final ScheduleUseCases schedule;
  private final AvailabilityUseCases availability;
  private final SeatingUseCases seating;
  private final CombinationUseCases combinations;

  VenueServiceImpl(VenueDeps deps) {
    this(deps, CallContext::caller);
  }

  /** @param caller the caller of the call being served (tests give their own) */
  VenueServiceImpl(VenueDeps deps, Supplier<Caller> caller) {
    this.currentCaller = caller;
    this.venues = new VenueUseCases(deps);
    this.rooms = new RoomUseCases(deps);
    this.tables = new TableUseCases(deps);
    this.layouts = new LayoutUseCases(deps);
    this.schedule = new ScheduleUseCases(deps);
    this.availability = new AvailabilityUseCases(deps);
    this.seating = new SeatingUseCases(deps);
    this.combinations = new CombinationUseCases(deps);
  }

  @Override
  public Future<Venue> createVenue(CreateVenueRequest r) {
    return asCaller(c -> venues.createVenue(c, VenueProtos.fields(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<Venue> getVenue(GetVenueRequest r) {
    return asCaller(c -> venues.getVenue(c, r.getId()).map(VenueProtos::toProto));
  }

  @Override
  public Future<ListVenuesResponse> listVenues(ListVenuesRequest r) {
    return asCaller(c -> venues.listVenues(c, r.getLimit(), r.getOffset()).map(VenueProtos::venues));
  }

  @Override
  public Future<Venue> updateVenue(UpdateVenueRequest r) {
    return asCaller(c -> venues.updateVenue(c, r.getId(), VenueProtos.fields(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<DeleteVenueResponse> deleteVenue(DeleteVenueRequest r) {
    return asCaller(c -> venues.deleteVenue(c, r.getId()).map(v -> DeleteVenueResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<Room> createRoom(CreateRoomRequest r) {
    return asCaller(c -> rooms.createRoom(c, r.getVenueId(), r.getName()).map(VenueProtos::toProto));
  }

  @Override
  public Future<Room> getRoom(GetRoomRequest r) {
    return asCaller(c -> rooms.getRoom(c, r.getId()).map(VenueProtos::toProto));
  }

  @Override
  public Future<ListRoomsResponse> listRooms(ListRoomsRequest r) {
    return asCaller(c -> rooms.listRooms(c, r.getVenueId(), r.getLimit(), r.getOffset()).map(VenueProtos::rooms));
  }

  @Override
  public Future<Room> updateRoom(UpdateRoomRequest r) {
    return asCaller(c -> rooms.updateRoom(c, r.getId(), r.getName()).map(VenueProtos::toProto));
  }

  @Override
  public Future<DeleteRoomResponse> deleteRoom(DeleteRoomRequest r) {
    return asCaller(c -> rooms.deleteRoom(c, r.getId()).map(v -> DeleteRoomResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<Table> createTable(CreateTableRequest r) {
    return asCaller(c -> tables.createTable(c, r.getRoomId(), VenueProtos.fields(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<Table> getTable(GetTableRequest r) {
    return asCaller(c -> tables.getTable(c, r.getId()).map(VenueProtos::toProto));
  }

  @Override
  public Future<ListTablesResponse> listTables(ListTablesRequest r) {
    return asCaller(c -> tables.listTables(c, r.getRoomId(), r.getVenueId(), r.getLimit(), r.getOffset()).map(VenueProtos::tables));
  }

  @Override
  public Future<Table> updateTable(UpdateTableRequest r) {
    return asCaller(c -> tables.updateTable(c, r.getId(), VenueProtos.fields(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<DeleteTableResponse> deleteTable(DeleteTableRequest r) {
    return asCaller(c -> tables.deleteTable(c, r.getId()).map(v -> DeleteTableResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<GetTableLayoutResponse> getTableLayout(GetTableLayoutRequest r) {
    return asCaller(c -> layouts.getTableLayout(c, r.getVenueId(), r.getRoomId()).map(VenueProtos::layout));
  }

  @Override
  public Future<SetOpeningHoursResponse> setOpeningHours(SetOpeningHoursRequest r) {
    return asCaller(c -> schedule.setOpeningHours(c, r.getVenueId(), VenueProtos.days(r), r.getClosedAllWeek())
      .map(v -> SetOpeningHoursResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<OpeningHours> getOpeningHours(GetOpeningHoursRequest r) {
    return asCaller(c -> schedule.getOpeningHours(c, r.getVenueId()).map(week -> VenueProtos.openingHours(accepted(r.getVenueId()), week)));
  }

  @Override
  public Future<SetSpecialHoursResponse> setSpecialHours(SetSpecialHoursRequest r) {
    return asCaller(c -> schedule.setSpecialHours(c, r.getVenueId(), VenueProtos.specialHours(r))
      .map(v -> SetSpecialHoursResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<ListSpecialHoursResponse> listSpecialHours(ListSpecialHoursRequest r) {
    return asCaller(c -> schedule.listSpecialHours(c, r.getVenueId(), r.getFromDate(), r.getToDate())
      .map(days -> VenueProtos.specialHours(accepted(r.getVenueId()), days)));
  }

  @Override
  public Future<DeleteSpecialHoursResponse> deleteSpecialHours(DeleteSpecialHoursRequest r) {
    return asCaller(c -> schedule.deleteSpecialHours(c, r.getVenueId(), r.getDate())
      .map(v -> DeleteSpecialHoursResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) {
    return asCaller(c -> availability.checkAvailability(c, r.getVenueId(), VenueProtos.slot(r.hasSlot(), r.getSlot()), r.getPartySize(),
      r.getIncludeUnavailable(), r.getMaxOffers()).map(offers -> VenueProtos.availability(accepted(r.getVenueId()), offers)));
  }

  @Override
  public Future<CheckTablesResponse> checkTables(CheckTablesRequest r) {
    return asCaller(c -> availability.checkTables(c, r.getVenueId(), r.getTableIdsList(), VenueProtos.slot(r.hasSlot(), r.getSlot()))
      .map(VenueProtos::tablesAtSlot));
  }

  @Override
  public Future<SearchAvailabilityResponse> searchAvailability(SearchAvailabilityRequest r) {
    return asCaller(c -> availability.search(c, r.getVenueId(), r.getPartySize(), r.getDate(), r.getTime(), r.getWindowMinutes(),
      r.getDays(), r.getDurationMinutes(), r.getLimit()).map(options -> VenueProtos.searchAnswer(r.getVenueId(), options)));
  }

  @Override
  public Future<SeatingRules> getSeatingRules(GetSeatingRulesRequest r) {
    return asCaller(c -> seating.get(c, r.getVenueId()).map(VenueProtos::toProto));
  }

  @Override
  public Future<SeatingRules> putSeatingRules(PutSeatingRulesRequest r) {
    return asCaller(c -> seating.replace(c, r.getVenueId(), VenueProtos.seatingText(r.getRules())).map(VenueProtos::toProto));
  }

  @Override
  public Future<ListCombinationsResponse> listCombinations(ListCombinationsRequest r) {
    return asCaller(c -> combinations.listCombinations(c, r.getRoomId()).map(VenueProtos::combinations));
  }

  @Override
  public Future<Combination> createCombination(CreateCombinationRequest r) {
    return asCaller(c -> combinations.createCombination(c, r.getRoomId(), VenueProtos.combination(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<Combination> updateCombination(UpdateCombinationRequest r) {
    return asCaller(c -> combinations.updateCombination(c, r.getId(), VenueProtos.combination(r)).map(VenueProtos::toProto));
  }

  @Override
  public Future<DeleteCombinationResponse> deleteCombination(DeleteCombinationRequest r) {
    return asCaller(c -> combinations.deleteCombination(c, r.getId())
      .map(v -> DeleteCombinationResponse.newBuilder().setSuccess(true).build()));
  }

  @Override
  public Future<ResolvedBookingSlot> resolveBookingSlot(ResolveBookingSlotRequest r) {
    return asCaller(c -> availability.resolveBookingSlot(c, r.getVenueId(), VenueProtos.table(r.hasTable(), r.getTable()),
      VenueProtos.table(r.hasMergedWithTable(), r.getMergedWithTable()), r.getCombinationId(), VenueProtos.slot(r.hasSlot(), r.getSlot()),
      r.getPartySize())
      .map(VenueProtos::resolved));
  }

  /**
   * A venue id the use case has accepted (it answered, so the id parsed as a UUID), as the answers
   * name it: canonical, lower case.
   */
  private static String accepted(String venueId) {
    return UUID.fromString(venueId).toString();
  }

  /**
   * Runs a use case for the verified caller of the call being served; what it throws (validation,
   * access, a missing caller) becomes a failed future, as the contract wants.
   */
  private <T> Future<T> asCaller(Function<Caller, Future<T>> useCase) {
    try {
      return useCase.apply(currentCaller.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
