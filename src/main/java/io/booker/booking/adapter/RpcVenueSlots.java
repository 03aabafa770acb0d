package io.booker.booking.adapter;

import io.booker.booking.VenueSlots;
import io.booker.booking.domain.BookedTable;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableRequest;
import io.booker.proto.common.TableRef;
import io.booker.proto.venue.ResolveBookingSlotRequest;
import io.booker.proto.venue.ResolvedBookingSlot;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The venue service's ResolveBookingSlot, over whichever transport the client is bound to. */
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

  private static Placement placement(ResolvedBookingSlot r) {
    List<BookedTable> tables = new ArrayList<>(r.getTablesCount());
    for (TableRef t : r.getTablesList()) {
      tables.add(new BookedTable(UUID.fromString(t.getRoomId()), UUID.fromString(t.getTableId())));
    }
    return new Placement(UUID.fromString(r.getVenueId()), tables, r.getTableNamesList(),
      BookingSlot.parse(r.getSlot().getDate(), r.getSlot().getStartTime(), r.getSlot().getDurationMinutes()),
      new Period(Instant.ofEpochSecond(r.getStartsAt()), Instant.ofEpochSecond(r.getEndsAt())),
      r.getCombinationId().isEmpty() ? null : UUID.fromString(r.getCombinationId()));
  }

  private static TableRef ref(UUID venueId, TableRequest t) {
    TableRef.Builder b = TableRef.newBuilder().setVenueId(venueId.toString()).setTableId(t.tableId().toString());
    if (t.roomId() != null) {
      b.setRoomId(t.roomId().toString());
    }
    return b.build();
  }
}
