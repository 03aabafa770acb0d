package io.booker.venue.adapter;

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
