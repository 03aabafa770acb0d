package io.booker.booking.domain;

import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.C;
import static io.booker.booking.domain.TestBookings.CREATED;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BookingTest {

  private static final Instant EXPIRY = CREATED.plus(TestBookings.HOLD_TTL);
  private static final Instant LATER = CREATED.plus(Duration.ofMinutes(3));

  @Test
  void moveToIsOneVersionLaterAtTheGivenTime() {
    Booking hold = booking().version(4).build();
    Booking confirmed = hold.moveTo(BookingStatus.CONFIRMED, LATER, "");
    assertEquals(BookingStatus.CONFIRMED, confirmed.status());
    assertEquals(5, confirmed.version());
    assertEquals(LATER, confirmed.updatedAt());
    assertEquals(hold.createdAt(), confirmed.createdAt());
    assertEquals(hold.id(), confirmed.id());
    assertEquals(hold.tables(), confirmed.tables());
    assertEquals(hold.slot(), confirmed.slot());
    assertEquals(hold.period(), confirmed.period());
    assertEquals(hold.guest(), confirmed.guest());
    assertEquals(hold.comment(), confirmed.comment());
    assertEquals(hold.adminId(), confirmed.adminId());
    assertEquals(hold.partySize(), confirmed.partySize());
    assertEquals(BookingStatus.HELD, hold.status(), "the booking itself does not change");
    assertEquals(4, hold.version());
  }

  @ParameterizedTest
  @EnumSource(value = BookingStatus.class, names = {"CONFIRMED", "CANCELLED"})
  void leavingAHoldClearsTheExpiry(BookingStatus next) {
    assertNull(booking().expiresAt(EXPIRY).build().moveTo(next, LATER, "").expiresAt());
  }

  @ParameterizedTest
  @EnumSource(value = BookingStatus.class, names = {"SEATED", "FINISHED", "NO_SHOW"})
  void laterStatusesHaveNoExpiry(BookingStatus next) {
    Booking confirmed = booking().status(BookingStatus.CONFIRMED).build();
    assertNull(confirmed.moveTo(next, LATER, "").expiresAt());
  }

  @Test
  void anExpiredHoldRecordsWhenItExpired() {
    Booking expired = booking().expiresAt(EXPIRY).build().moveTo(BookingStatus.EXPIRED, EXPIRY.plusSeconds(30), "");
    assertEquals(BookingStatus.EXPIRED, expired.status());
    assertEquals(EXPIRY, expired.expiresAt());
    assertEquals(EXPIRY.plusSeconds(30), expired.updatedAt());
  }

  @Test
  void aCancellationKeepsItsReason() {
    Booking cancelled = booking().build().moveTo(BookingStatus.CANCELLED, LATER, "guest called");
    assertEquals("guest called", cancelled.cancelReason());
    assertEquals("", booking().build().moveTo(BookingStatus.CANCELLED, LATER, null).cancelReason());
  }

  @ParameterizedTest
  @EnumSource(value = BookingStatus.class, names = {"CONFIRMED", "SEATED", "FINISHED", "NO_SHOW", "EXPIRED"})
  void onlyACancellationTakesTheReason(BookingStatus next) {
    Booking from = booking().status(BookingStatus.CONFIRMED).expiresAt(next == BookingStatus.EXPIRED ? EXPIRY : null).build();
    assertEquals("", from.moveTo(next, LATER, "some reason").cancelReason());
  }

  @Test
  void aReasonAlreadyGivenStaysWhenTheReasonIsNotTaken() {
    Booking b = booking().status(BookingStatus.CONFIRMED).cancelReason("earlier").build();
    assertEquals("earlier", b.moveTo(BookingStatus.SEATED, LATER, "ignored").cancelReason());
  }

  @Test
  void movedToTakesTheNewPlaceAndKeepsTheRest() {
    Booking hold = booking().tables(A).version(2).expiresAt(EXPIRY).build();
    BookingSlot later = TestBookings.slot("2025-06-04", "20:30", 90);
    Period period = TestBookings.periodOf(later);
    Booking moved = hold.movedTo(List.of(B, C), later, period, LATER);
    assertEquals(List.of(B, C), moved.tables());
    assertEquals(later, moved.slot());
    assertEquals(period, moved.period());
    assertEquals(3, moved.version());
    assertEquals(LATER, moved.updatedAt());
    assertEquals(BookingStatus.HELD, moved.status());
    assertEquals(EXPIRY, moved.expiresAt(), "a move does not extend a hold");
    assertEquals(hold.id(), moved.id());
    assertEquals(hold.createdAt(), moved.createdAt());
    assertEquals(hold.partySize(), moved.partySize());
    assertEquals(hold.guest(), moved.guest());
  }

  @Test
  void movedToCopiesTheTables() {
    List<BookedTable> tables = new ArrayList<>(List.of(A));
    Booking moved = booking().build().movedTo(tables, SLOT, TestBookings.periodOf(SLOT), LATER);
    tables.add(B);
    assertEquals(List.of(A), moved.tables());
  }

  @Test
  void aHoldLapsesAtItsExpiry() {
    Booking hold = booking().expiresAt(EXPIRY).build();
    assertFalse(hold.holdLapsed(EXPIRY.minusNanos(1)));
    assertTrue(hold.holdLapsed(EXPIRY));
    assertTrue(hold.holdLapsed(EXPIRY.plusSeconds(1)));
  }

  @ParameterizedTest
  @EnumSource(value = BookingStatus.class, names = "HELD", mode = EnumSource.Mode.EXCLUDE)
  void onlyAHoldLapses(BookingStatus status) {
    Booking b = booking().status(status).expiresAt(status == BookingStatus.EXPIRED ? EXPIRY : null).build();
    assertFalse(b.holdLapsed(EXPIRY.plus(Duration.ofDays(1))));
  }

  @ParameterizedTest
  @EnumSource(BookingStatus.class)
  void whichBookingsBlockTheirTables(BookingStatus status) {
    Booking b = booking().status(status).expiresAt(status == BookingStatus.HELD ? EXPIRY : null).build();
    boolean active = Set.of(BookingStatus.HELD, BookingStatus.CONFIRMED, BookingStatus.SEATED).contains(status);
    assertEquals(active, status.occupiesTables());
    assertEquals(active, b.blocksTables(EXPIRY.minusSeconds(1)));
  }

  @Test
  void aLapsedHoldNoLongerBlocksItsTables() {
    Booking hold = booking().expiresAt(EXPIRY).build();
    assertTrue(hold.blocksTables(EXPIRY.minusNanos(1)));
    assertFalse(hold.blocksTables(EXPIRY));
  }

  @Test
  void aConfirmedBookingBlocksWhateverTheClock() {
    Booking b = booking().status(BookingStatus.CONFIRMED).build();
    assertTrue(b.blocksTables(EXPIRY.plus(Duration.ofDays(30))));
  }

  @Test
  void tableIdsInTheOrderOfTheTables() {
    assertEquals(List.of(TestBookings.TABLE_B, TestBookings.TABLE_A), booking().tables(B, A).build().tableIds());
  }

  @Test
  void invariants() {
    assertThrows(IllegalArgumentException.class, () -> booking().tables().build());
    assertThrows(IllegalArgumentException.class, () -> booking().expiresAt(null).build());
    assertThrows(NullPointerException.class, () -> booking().id(null).build());
    Booking b = booking().comment(null).cancelReason(null).build();
    assertEquals("", b.comment());
    assertEquals("", b.cancelReason());
  }

  @Test
  void statusesOnTheWire() {
    assertEquals("no_show", BookingStatus.NO_SHOW.wire());
    for (BookingStatus s : BookingStatus.values()) {
      assertEquals(s, BookingStatus.parse("status", s.wire()));
    }
    io.booker.common.Invalid.assertInvalid("status", () -> BookingStatus.parse("status", "HELD"));
    io.booker.common.Invalid.assertInvalid("statuses", () -> BookingStatus.parse("statuses", "gone"));
  }

  @Test
  void aChangeKnowsTheStatusItCameFrom() {
    Booking hold = booking().build();
    BookingChange created = BookingChange.created(hold);
    assertNull(created.fromStatus());
    assertEquals(BookingAction.HELD_EVENT, created.eventType());
    assertEquals(hold.adminId(), created.actorId());
    BookingChange confirm = new BookingChange(hold, hold.moveTo(BookingStatus.CONFIRMED, LATER, ""),
        BookingAction.CONFIRM.eventType(), null, null);
    assertEquals(BookingStatus.HELD, confirm.fromStatus());
    assertEquals("", confirm.actorId());
    assertEquals("", confirm.reason());
  }
}
