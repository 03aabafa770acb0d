package io.booker.booking;

import io.booker.common.ErrorCode;
import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.proto.booking.*;
import io.vertx.core.Future;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The booking service. This first cut answers the questions other services ask of bookings
 * (which tables are free over a range, which tables still have bookings ahead); the booking life
 * cycle RPCs arrive with the booking issue and answer UNIMPLEMENTED until then.
 */
public final class BookingServiceImpl implements BookingService {

  static final int DEFAULT_DURATION_MINUTES = 120;

  private final BookingQueries queries;

  BookingServiceImpl(BookingQueries queries) {
    this.queries = queries;
  }

  @Override
  public Future<CheckTableAvailabilityResponse> checkTableAvailability(CheckTableAvailabilityRequest request) {
    UUID[] tableIds = uuids(request.getTableIdsList());
    Instant[] range = range(request);
    return queries.occupied(tableIds, range[0], range[1]).map(busy -> {
      CheckTableAvailabilityResponse.Builder out = CheckTableAvailabilityResponse.newBuilder();
      for (UUID id : tableIds) {
        boolean free = !busy.contains(id);
        out.addTables(TableAvailabilityInfo.newBuilder().setTableId(id.toString()).setAvailable(free)
          .setReason(free ? "" : "already booked for this slot"));
      }
      return out.build();
    });
  }

  @Override
  public Future<CountFutureBookingsResponse> countFutureBookings(CountFutureBookingsRequest request) {
    UUID venueId = Ids.uuid("venue_id", request.getVenueId());
    return queries.futureByTable(venueId, uuids(request.getTableIdsList())).map(BookingServiceImpl::counts);
  }

  private static CountFutureBookingsResponse counts(Map<UUID, Integer> byTable) {
    CountFutureBookingsResponse.Builder out = CountFutureBookingsResponse.newBuilder();
    int total = 0;
    for (Map.Entry<UUID, Integer> e : byTable.entrySet()) {
      out.addTables(TableBookingCount.newBuilder().setTableId(e.getKey().toString()).setCount(e.getValue()));
      total += e.getValue();
    }
    return out.setTotal(total).build();
  }

  private static Instant[] range(CheckTableAvailabilityRequest request) {
    try {
      ZoneId zone = ZoneId.of(request.getTimezone().isBlank() ? "UTC" : request.getTimezone());
      LocalDate date = LocalDate.parse(request.getSlot().getDate());
      LocalTime start = LocalTime.parse(request.getSlot().getStartTime());
      int duration = request.getSlot().getDurationMinutes() == 0 ? DEFAULT_DURATION_MINUTES : request.getSlot().getDurationMinutes();
      if (duration < 0) {
        throw ServiceException.invalid("slot.duration_minutes", "must be positive");
      }
      Instant from = ZonedDateTime.of(date, start, zone).toInstant();
      return new Instant[]{from, from.plusSeconds(duration * 60L)};
    } catch (DateTimeException e) {
      throw ServiceException.invalid("slot", "date, start_time or timezone is invalid: " + e.getMessage());
    }
  }

  private static UUID[] uuids(java.util.List<String> ids) {
    UUID[] out = new UUID[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Ids.uuid("table_ids[" + i + "]", ids.get(i));
    }
    return out;
  }

  private static <T> Future<T> notYet() {
    return Future.failedFuture(new ServiceException(ErrorCode.UNIMPLEMENTED, "booking life cycle is not available yet"));
  }

  @Override public Future<Booking> createBooking(CreateBookingRequest r) { return notYet(); }
  @Override public Future<Booking> getBooking(GetBookingRequest r) { return notYet(); }
  @Override public Future<ListBookingsResponse> listBookings(ListBookingsRequest r) { return notYet(); }
  @Override public Future<Booking> confirmBooking(ConfirmBookingRequest r) { return notYet(); }
  @Override public Future<Booking> cancelBooking(CancelBookingRequest r) { return notYet(); }
  @Override public Future<Booking> markSeated(MarkSeatedRequest r) { return notYet(); }
  @Override public Future<Booking> markFinished(MarkFinishedRequest r) { return notYet(); }
  @Override public Future<Booking> markNoShow(MarkNoShowRequest r) { return notYet(); }

}
