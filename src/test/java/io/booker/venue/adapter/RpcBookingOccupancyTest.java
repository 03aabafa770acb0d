package io.booker.venue.adapter;

import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.CheckTableAvailabilityRequest;
import io.booker.proto.booking.CheckTableAvailabilityResponse;
import io.booker.proto.booking.CountFutureBookingsRequest;
import io.booker.proto.booking.CountFutureBookingsResponse;
import io.booker.proto.booking.TableAvailabilityInfo;
import io.booker.proto.common.Slot;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The look-ups as the booking service's contract asks them, and its answers as the port gives them back. */
class RpcBookingOccupancyTest {

  private final List<Object> requests = new ArrayList<>();

  /** A client answering the two calls the adapter makes with {@code count} and {@code availability}. */
  private BookingServiceClient client(CountFutureBookingsResponse count, CheckTableAvailabilityResponse availability) {
    return (BookingServiceClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{BookingServiceClient.class},
      (proxy, method, args) -> {
        requests.add(args[0]);
        return switch (method.getName()) {
          case "countFutureBookings" -> Future.succeededFuture(count);
          case "checkTableAvailability" -> Future.succeededFuture(availability);
          default -> throw new UnsupportedOperationException(method.getName());
        };
      });
  }

  @Test
  void countsFutureBookingsOfTheTablesOrTheWholeVenue() {
    RpcBookingOccupancy occupancy = new RpcBookingOccupancy(client(CountFutureBookingsResponse.newBuilder().setTotal(3).build(), null));

    assertEquals(3, occupancy.futureBookings("v1", List.of("t1", "t2")).result());
    assertEquals(3, occupancy.futureBookings("v1", List.of()).result());
    assertEquals(List.of(
      CountFutureBookingsRequest.newBuilder().setVenueId("v1").addTableIds("t1").addTableIds("t2").build(),
      CountFutureBookingsRequest.newBuilder().setVenueId("v1").build()), requests);
  }

  @Test
  void asksForTheSlotInTheVenuesZoneAndAnswersTheFreeTables() {
    RpcBookingOccupancy occupancy = new RpcBookingOccupancy(client(null, CheckTableAvailabilityResponse.newBuilder()
      .addTables(TableAvailabilityInfo.newBuilder().setTableId("t1").setAvailable(true))
      .addTables(TableAvailabilityInfo.newBuilder().setTableId("t2").setAvailable(false)).build()));

    Set<String> free = occupancy.freeTables("v1", List.of("t1", "t2"), LocalDate.of(2031, 6, 1), LocalTime.of(9, 5), 90,
      ZoneId.of("Asia/Tokyo")).result();

    assertEquals(Set.of("t1"), free);
    assertEquals(List.of(CheckTableAvailabilityRequest.newBuilder().setVenueId("v1").addTableIds("t1").addTableIds("t2")
      .setSlot(Slot.newBuilder().setDate("2031-06-01").setStartTime("09:05").setDurationMinutes(90)).setTimezone("Asia/Tokyo").build()),
      requests);
  }

  @Test
  void aFailedCallFailsTheLookUp() {
    BookingServiceClient down = (BookingServiceClient) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[]{BookingServiceClient.class}, (proxy, method, args) -> Future.failedFuture(new IllegalStateException("down")));
    RpcBookingOccupancy occupancy = new RpcBookingOccupancy(down);
    assertTrue(occupancy.futureBookings("v1", List.of()).failed());
    assertTrue(occupancy.freeTables("v1", List.of("t1"), LocalDate.of(2031, 6, 1), LocalTime.NOON, 60, ZoneId.of("UTC")).failed());
  }
}
