package io.booker.booking.domain;

import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldKeysTest {

  @Test
  void oneKeyNamesVenueTableDateAndStart() {
    assertEquals("hold:10000000-0000-4000-8000-000000000001:30000000-0000-4000-8000-00000000000a:2025-06-03:19:00",
        HoldKeys.of(VENUE, TABLE_A, SLOT));
  }

  @Test
  void datesAndTimesArePaddedAndSecondsDropped() {
    BookingSlot early = new BookingSlot(LocalDate.of(2026, 1, 5), LocalTime.of(9, 5, 42), 60);
    assertEquals("hold:" + VENUE + ":" + TABLE_A + ":2026-01-05:09:05", HoldKeys.of(VENUE, TABLE_A, early));
  }

  @Test
  void theDurationIsNotPartOfTheKey() {
    assertEquals(HoldKeys.of(VENUE, TABLE_A, SLOT),
        HoldKeys.of(VENUE, TABLE_A, new BookingSlot(SLOT.date(), SLOT.start(), 45)));
    assertNotEquals(HoldKeys.of(VENUE, TABLE_A, SLOT),
        HoldKeys.of(VENUE, TABLE_A, new BookingSlot(SLOT.date(), SLOT.start().plusMinutes(15), 120)));
  }

  @Test
  void oneKeyPerTableInTheOrderOfTheTables() {
    assertEquals(List.of(HoldKeys.of(VENUE, TABLE_B, SLOT), HoldKeys.of(VENUE, TABLE_A, SLOT)),
        HoldKeys.of(VENUE, List.of(B, A), SLOT));
  }

  @Test
  void theKeysOfABookingAreThoseOfItsTablesAndSlot() {
    Booking b = booking().tables(A, B).build();
    assertEquals(List.of(HoldKeys.of(VENUE, TABLE_A, SLOT), HoldKeys.of(VENUE, TABLE_B, SLOT)), HoldKeys.of(b));
  }

  @Test
  void theTableCanBeReadBackFromAKey() {
    assertEquals(TABLE_A, HoldKeys.tableOf(HoldKeys.of(VENUE, TABLE_A, SLOT)));
    UUID any = UUID.randomUUID();
    assertEquals(any, HoldKeys.tableOf(HoldKeys.of(UUID.randomUUID(), any, SLOT)));
  }
}
