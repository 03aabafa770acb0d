package io.booker.it.booking;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.booking.Booking;
import io.booker.proto.booking.BookingHistory;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.booking.CancelBookingRequest;
import io.booker.proto.booking.ConfirmBookingRequest;
import io.booker.proto.booking.CreateBookingRequest;
import io.booker.proto.booking.GetBookingHistoryRequest;
import io.booker.proto.booking.GetBookingRequest;
import io.booker.proto.booking.ListBookingsRequest;
import io.booker.proto.booking.MarkFinishedRequest;
import io.booker.proto.booking.RescheduleBookingRequest;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.UUID;

import static io.booker.it.support.Bookings.day;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The booking service over its own gRPC port, on a node whose services also reach each other over
 * gRPC (booking asks venue to place a booking): the life cycle, and every failure as a real gRPC
 * status with the precise code in the trailer.
 */
class BookingGrpcTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");
  static final ApiClient api = harness.api();
  static final BookingServiceClient bookings = RpcClients.grpc(harness.vertx(), BookingServiceClient.class,
    BookingServiceGrpcService.SERVICE_DESCRIPTOR, SocketAddress.inetSocketAddress(harness.bookingGrpcPort(), "127.0.0.1"), 5000,
    TestTokens::admin);

  @Test
  void theLifeCycleOverGrpc() {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, true);
    LocalDate d = day(25);
    Booking held = bookings.createBooking(create(venue, t, d, "19:00")).await();
    assertEquals("held", held.getStatus());
    assertEquals(1, held.getVersion());
    assertEquals(t[0], held.getTable().getRoomId(), "the venue filled in the room");
    assertEquals(120, held.getSlot().getDurationMinutes());
    assertEquals(held, bookings.getBooking(GetBookingRequest.newBuilder().setId(held.getId()).build()).await());

    assertEquals(ErrorCode.SLOT_TAKEN, code(bookings.createBooking(create(venue, t, d, "20:00"))));
    Booking confirmed = bookings.confirmBooking(ConfirmBookingRequest.newBuilder().setId(held.getId()).setAdminId("host").build()).await();
    assertEquals("confirmed", confirmed.getStatus());
    assertEquals(0, confirmed.getExpiresAt());
    assertEquals(ErrorCode.INVALID_TRANSITION, code(bookings.markFinished(MarkFinishedRequest.newBuilder().setId(held.getId()).build())));

    Booking moved = bookings.rescheduleBooking(RescheduleBookingRequest.newBuilder().setId(held.getId())
      .setSlot(Slot.newBuilder().setDate(d.toString()).setStartTime("12:30")).build()).await();
    assertEquals("12:30", moved.getSlot().getStartTime());
    assertEquals(3, moved.getVersion());

    Booking cancelled = bookings.cancelBooking(CancelBookingRequest.newBuilder().setId(held.getId()).setReason("rain").build()).await();
    assertEquals("rain", cancelled.getCancelReason());
    BookingHistory history = bookings.getBookingHistory(GetBookingHistoryRequest.newBuilder().setId(held.getId()).build()).await();
    assertEquals(4, history.getEntriesCount());
    assertEquals("rain", history.getEntries(3).getPayload().getFieldsOrThrow("reason").getStringValue());

    assertEquals(1, bookings.listBookings(ListBookingsRequest.newBuilder().setVenueId(venue).addStatuses("cancelled").build()).await().getTotal());
    assertEquals(0, bookings.listBookings(ListBookingsRequest.newBuilder().setVenueId(venue).setStatus("held,confirmed").build()).await().getTotal());
  }

  @Test
  void failuresArriveWithTheirCodes() {
    String venue = Bookings.venueOpenAllDay(api);
    String[] t = Bookings.table(api, Bookings.room(api, venue, "R"), "T", 4, false);
    LocalDate d = day(26);
    ServiceException invalid = failure(bookings.createBooking(create(venue, t, d, "19:00").toBuilder().setPartySize(0).build()));
    assertEquals(ErrorCode.INVALID_ARGUMENT, invalid.code());
    assertTrue(invalid.getMessage().startsWith("party_size:"), invalid.getMessage());
    assertEquals(ErrorCode.NOT_FOUND, code(bookings.getBooking(GetBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).build())));
    assertEquals(ErrorCode.NOT_FOUND, code(bookings.createBooking(create(venue, new String[]{t[0], UUID.randomUUID().toString()}, d, "19:00"))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(bookings.createBooking(create(venue, t, d.minusDays(40), "19:00"))));
    String key = "grpc-" + UUID.randomUUID();
    Booking first = bookings.createBooking(create(venue, t, d, "19:00").toBuilder().setIdempotencyKey(key).build()).await();
    assertEquals(first, bookings.createBooking(create(venue, t, d, "19:00").toBuilder().setIdempotencyKey(key).build()).await());
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED,
      code(bookings.createBooking(create(venue, t, d, "21:00").toBuilder().setIdempotencyKey(key).build())));
  }

  static CreateBookingRequest create(String venue, String[] table, LocalDate date, String start) {
    return CreateBookingRequest.newBuilder().setVenueId(venue)
      .setTable(TableRef.newBuilder().setTableId(table[1]))
      .setSlot(Slot.newBuilder().setDate(date.toString()).setStartTime(start))
      .setPartySize(2).setCustomerName("Grace Hopper").build();
  }

  static ErrorCode code(Future<?> call) {
    return failure(call).code();
  }

  static ServiceException failure(Future<?> call) {
    return assertThrows(ServiceException.class, call::await);
  }
}
