package io.booker.booking;

import static io.booker.booking.Fakes.ADMIN;
import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.STRANGER;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingFilter;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.proto.booking.GetBookingRequest;
import io.booker.proto.booking.ListBookingsRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reads, each for a caller who must see the venue; and the facade, which serves only an authenticated caller. */
class BookingQueriesTest {

  private final Fakes f = new Fakes();
  private final Period slotTime = TestBookings.periodOf(SLOT);

  private BookingFilter venue(UUID venueId) {
    return new BookingFilter(venueId, null, Set.of(), null);
  }

  @Test
  void aBookingIsReadByWhoSeesItsVenue() {
    Booking b = f.store.put(booking().build());

    assertSame(b, succeeded(f.queries.get(HOST, b.id())));
    assertSame(b, succeeded(f.queries.get(ADMIN, b.id())));
  }

  @Test
  void aBookingOfAnotherVenueReadsExactlyLikeAMissingOne() {
    Booking b = f.store.put(booking().build());
    UUID missing = UUID.randomUUID();

    ServiceException unseen = failed(ErrorCode.NOT_FOUND, f.queries.get(STRANGER, b.id()));
    ServiceException absent = failed(ErrorCode.NOT_FOUND, f.queries.get(STRANGER, missing));

    assertEquals("booking " + b.id() + " not found", unseen.getMessage());
    assertEquals("booking " + missing + " not found", absent.getMessage());
  }

  @Test
  void theHistoryOfABookingOfAnotherVenueReadsExactlyLikeAMissingOne() {
    Booking b = f.store.put(booking().build());
    succeeded(f.status.apply(HOST, b.id(), BookingAction.CONFIRM, "", null));

    assertEquals("host-2", succeeded(f.queries.history(HOST, b.id())).get(0).actorId());
    assertEquals(1, succeeded(f.queries.history(ADMIN, b.id())).size());
    assertEquals("booking " + b.id() + " not found", failed(ErrorCode.NOT_FOUND, f.queries.history(STRANGER, b.id())).getMessage());
    UUID missing = UUID.randomUUID();
    assertEquals("booking " + missing + " not found", failed(ErrorCode.NOT_FOUND, f.queries.history(HOST, missing)).getMessage());
  }

  @Test
  void aVenueNotSeenIsNotFoundAndNotRead() {
    f.store.put(booking().build());

    assertEquals("venue " + VENUE + " not found",
        failed(ErrorCode.NOT_FOUND, f.queries.list(STRANGER, venue(VENUE), Paging.of(0, 0))).getMessage());
    failed(ErrorCode.NOT_FOUND, f.queries.occupied(STRANGER, VENUE, new UUID[] {TABLE_A}, slotTime.start(), slotTime.end()));
    failed(ErrorCode.NOT_FOUND, f.queries.futureByTable(STRANGER, VENUE, new UUID[0]));

    assertTrue(f.store.reads.isEmpty(), "refused before reading: " + f.store.reads);
  }

  @Test
  void aVenueSeenIsListedAndCounted() {
    Booking b = f.store.put(booking().status(BookingStatus.CONFIRMED).build());

    assertEquals(List.of(b), succeeded(f.queries.list(HOST, venue(VENUE), Paging.of(0, 0))).bookings());
    assertEquals(Map.of(TABLE_A, BookingStore.Occupancy.BOOKED),
        succeeded(f.queries.occupied(HOST, VENUE, new UUID[] {TABLE_A}, slotTime.start(), slotTime.end())));
    assertEquals(Map.of(TABLE_A, 1), succeeded(f.queries.futureByTable(ADMIN, VENUE, new UUID[0])));
  }

  @Test
  void theFacadeServesOnlyAnAuthenticatedCaller() {
    BookingServiceImpl service = new BookingServiceImpl(f.deps); // no call context: nobody authenticated

    ServiceException e = assertThrows(ServiceException.class,
        () -> service.getBooking(GetBookingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
    assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
  }

  @Test
  void theFacadeChecksTheCallerItIsGiven() {
    f.store.put(booking().build());
    BookingServiceImpl asStranger = new BookingServiceImpl(f.deps, () -> STRANGER);

    failed(ErrorCode.NOT_FOUND, asStranger.listBookings(ListBookingsRequest.newBuilder().setVenueId(VENUE.toString()).build()));

    assertTrue(f.store.reads.isEmpty());
  }
}
