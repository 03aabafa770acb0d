package io.booker.booking.adapter;

import io.booker.booking.VenueSlots;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.PacingLimit;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.VenueTables;
import io.booker.common.Paging;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.ListRoomsRequest;
import io.booker.proto.venue.ListTablesRequest;
import io.booker.proto.venue.PacingWindow;
import io.booker.proto.venue.ResolveBookingSlotRequest;
import io.booker.proto.venue.ResolvedBookingSlot;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The venue service's ResolveBookingSlot (and, for blocks, GetVenue, ListRooms and ListTables, called
 * as the caller, who must see the venue), over whichever transport the client is bound to.
 */
public final class RpcVenueSlots implements VenueSlots {

  private final VenueServiceClient venues;

  public RpcVenueSlots(VenueServiceClient venues) {
    this.venues = venues;
  }

  @Override
  public Future<Placement> resolve(UUID venueId, TableRequest table, TableRequest mergedWith, UUID combinationId, BookingSlot slot,
                                   int partySize) {
    ResolveBookingSlotRequest.Builder ask = ResolveBookingSlotRequest.newBuilder()
      .setVenueId(venueId.toString())
      .setSlot(BookingProtos.slot(slot))
      .setPartySize(partySize);
    if (table != null) {
      ask.setTable(ref(venueId, table));
    }
    if (combinationId != null) {
      ask.setCombinationId(combinationId.toString());
    }
    if (mergedWith != null) {
      ask.setMergedWithTable(ref(venueId, mergedWith));
    }
    return venues.resolveBookingSlot(ask.build()).map(RpcVenueSlots::placement);
  }

  @Override
  public Future<VenueTables> tables(UUID venueId) {
    Future<ZoneId> zone = zone(venueId);
    Future<Set<UUID>> rooms = rooms(venueId, 0, new HashSet<>());
    Future<Map<UUID, UUID>> tables = tables(venueId, 0, new HashMap<>());
    return Future.all(zone, rooms, tables).map(all -> new VenueTables(zone.result(), rooms.result(), tables.result()));
  }

  @Override
  public Future<ZoneId> zone(UUID venueId) {
    return venues.getVenue(GetVenueRequest.newBuilder().setId(venueId.toString()).build())
      .map(v -> ZoneId.of(v.getTimezone()));
  }

  /** Every room of the venue, a page of {@value Paging#MAX_LIMIT} at a time. */
  private Future<Set<UUID>> rooms(UUID venueId, int offset, Set<UUID> into) {
    return venues.listRooms(ListRoomsRequest.newBuilder().setVenueId(venueId.toString()).setLimit(Paging.MAX_LIMIT)
        .setOffset(offset).build())
      .compose(page -> {
        page.getRoomsList().forEach(r -> into.add(UUID.fromString(r.getId())));
        int next = offset + page.getRoomsCount();
        return page.getRoomsCount() == 0 || next >= page.getTotal() ? Future.succeededFuture(into) : rooms(venueId, next, into);
      });
  }

  /** Every table of the venue and its room, a page of {@value Paging#MAX_LIMIT} at a time. */
  private Future<Map<UUID, UUID>> tables(UUID venueId, int offset, Map<UUID, UUID> into) {
    return venues.listTables(ListTablesRequest.newBuilder().setVenueId(venueId.toString()).setLimit(Paging.MAX_LIMIT)
        .setOffset(offset).build())
      .compose(page -> {
        page.getTablesList().forEach(t -> into.put(UUID.fromString(t.getId()), UUID.fromString(t.getRoomId())));
        int next = offset + page.getTablesCount();
        return page.getTablesCount() == 0 || next >= page.getTotal() ? Future.succeededFuture(into) : tables(venueId, next, into);
      });
  }

  private static Placement placement(ResolvedBookingSlot r) {
    List<BookedTable> tables = new ArrayList<>(r.getTablesCount());
    for (TableRef t : r.getTablesList()) {
      tables.add(new BookedTable(UUID.fromString(t.getRoomId()), UUID.fromString(t.getTableId())));
    }
    return new Placement(UUID.fromString(r.getVenueId()), tables, r.getTableNamesList(),
      BookingSlot.parse(r.getSlot().getDate(), r.getSlot().getStartTime(), r.getSlot().getDurationMinutes()),
      new Period(Instant.ofEpochSecond(r.getStartsAt()), Instant.ofEpochSecond(r.getEndsAt())), pacing(r),
      r.getCombinationId().isEmpty() ? null : UUID.fromString(r.getCombinationId()));
  }

  /** The pacing window the venue resolved for the start, if its service period has pacing. */
  static PacingLimit pacing(ResolvedBookingSlot r) {
    if (!r.hasPacing()) {
      return null;
    }
    PacingWindow w = r.getPacing();
    return new PacingLimit(Instant.ofEpochSecond(w.getFrom()), Instant.ofEpochSecond(w.getTo()),
      w.getMaxParties() > 0 ? w.getMaxParties() : null, w.getMaxCovers() > 0 ? w.getMaxCovers() : null,
      w.getPeriod(), w.getLocalFrom(), w.getLocalTo());
  }

  private static TableRef ref(UUID venueId, TableRequest t) {
    TableRef.Builder b = TableRef.newBuilder().setVenueId(venueId.toString()).setTableId(t.tableId().toString());
    if (t.roomId() != null) {
      b.setRoomId(t.roomId().toString());
    }
    return b.build();
  }
}
