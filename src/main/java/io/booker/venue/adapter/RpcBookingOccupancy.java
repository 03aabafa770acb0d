package io.booker.venue.adapter;

import java.util.ArrayList;
import java.time.Instant;
import io.booker.proto.booking.OccupiedRange;
import io.booker.proto.booking.GetOccupancyRequest;
import io.booker.venue.domain.seating.BookedStart;
import io.booker.venue.domain.SlotSearch;
import io.booker.common.Times;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.CheckTableAvailabilityRequest;
import io.booker.proto.booking.CountFutureBookingsRequest;
import io.booker.proto.booking.TableAvailabilityInfo;
import io.booker.proto.common.Slot;
import io.booker.venue.BookingOccupancy;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link BookingOccupancy} over the booking service's gRPC contract: one call per look-up. */
public final class RpcBookingOccupancy implements BookingOccupancy {

  private final BookingServiceClient bookings;

  public RpcBookingOccupancy(BookingServiceClient bookings) {
    this.bookings = bookings;
  }

  @Override
  public Future<Integer> futureBookings(String venueId, List<String> tableIds) {
    return bookings.countFutureBookings(CountFutureBookingsRequest.newBuilder().setVenueId(venueId).addAllTableIds(tableIds).build())
      .map(count -> count.getTotal());
  }

  @Override
  public Future<Occupancy> occupancy(String venueId, Instant from, Instant to) {
    return bookings.getOccupancy(GetOccupancyRequest.newBuilder().setVenueId(venueId).setFrom(from.getEpochSecond())
        .setTo(to.getEpochSecond()).build())
      .map(o -> {
        List<SlotSearch.Taken> taken = new ArrayList<>(o.getRangesCount());
        for (OccupiedRange r : o.getRangesList()) {
          taken.add(new SlotSearch.Taken(r.getTableId(), Instant.ofEpochSecond(r.getFrom()), Instant.ofEpochSecond(r.getTo())));
        }
        List<BookedStart> starts = new ArrayList<>(o.getStartsCount());
        for (io.booker.proto.booking.BookedStart s : o.getStartsList()) {
          starts.add(new BookedStart(Instant.ofEpochSecond(s.getAt()), s.getPartySize()));
        }
        return new Occupancy(taken, starts);
      });
  }

  @Override
  public Future<Set<String>> freeTables(String venueId, List<String> tableIds, LocalDate date, LocalTime start, int durationMinutes,
                                        ZoneId zone) {
    Slot slot = Slot.newBuilder().setDate(Times.formatDate(date)).setStartTime(Times.formatTime(start))
      .setDurationMinutes(durationMinutes).build();
    CheckTableAvailabilityRequest ask = CheckTableAvailabilityRequest.newBuilder()
      .setVenueId(venueId).addAllTableIds(tableIds).setSlot(slot).setTimezone(zone.getId()).build();
    return bookings.checkTableAvailability(ask).map(answer -> {
      Set<String> free = new HashSet<>();
      for (TableAvailabilityInfo info : answer.getTablesList()) {
        if (info.getAvailable()) {
          free.add(info.getTableId());
        }
      }
      return free;
    });
  }
}
