package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.PacingLimit;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pacing as the booking use cases meet it: the venue says which window a start counts against, the
 * store decides in the writing transaction; a full window is PACING_LIMIT unless staff override,
 * and the override is recorded.
 */
class PacingTest {

  private final Fakes f = new Fakes();

  /** At most 2 parties and 10 guests may start in the slot's quarter hour. */
  @BeforeEach
  void paced() {
    f.venues.pacing = new PacingLimit(TestBookings.periodOf(SLOT).start(), TestBookings.periodOf(SLOT).start().plusSeconds(900),
      2, 10, "Dinner", "19:00", "19:15");
  }

  private static NewBooking on(java.util.UUID table, int party, boolean override) {
    return new NewBooking(VENUE, new TableRequest(table, null), null, SLOT, party, new Guest("Ada Lovelace", "+44 20 7946 0000", ""),
      "", "", override);
  }

  @Test
  void aFullWindowRefusesTheNextPartyNamingTheCap() {
    succeeded(f.create.create(HOST, on(TABLE_A, 2, false), null));
    succeeded(f.create.create(HOST, on(TABLE_B, 2, false), null));
    ServiceException e = failed(ErrorCode.PACING_LIMIT, f.create.create(HOST, on(TABLE_C, 2, false), null));
    assertEquals("at most 2 parties may start between 19:00 and 19:15 in Dinner (2 already booked)", e.getMessage());
    assertEquals(2, f.store.bookings.size());
    assertTrue(f.holds.redis.values().stream().noneMatch(id -> !f.store.bookings.containsKey(id)), "the refused request's holds are given back");
  }

  @Test
  void theCoversCapCountsGuests() {
    succeeded(f.create.create(HOST, on(TABLE_A, 8, false), null));
    ServiceException e = failed(ErrorCode.PACING_LIMIT, f.create.create(HOST, on(TABLE_B, 3, false), null));
    assertTrue(e.getMessage().startsWith("at most 10 guests may start arriving between 19:00 and 19:15"), e.getMessage());
    succeeded(f.create.create(HOST, on(TABLE_B, 2, false), null));
  }

  @Test
  void staffOverrideAndTheHistoryKeepsWhatWasOverridden() {
    succeeded(f.create.create(HOST, on(TABLE_A, 2, false), null));
    succeeded(f.create.create(HOST, on(TABLE_B, 2, false), null));
    Booking over = succeeded(f.create.create(HOST, on(TABLE_C, 2, true), null));
    assertEquals(BookingStatus.HELD, over.status());
    assertEquals("pacing overridden: at most 2 parties may start between 19:00 and 19:15 in Dinner (2 already booked)",
      f.store.pacingNotes.get(over.id()));
    Booking within = succeeded(f.create.create(HOST, on(TABLE_D, 2, true), null).compose(b -> f.status.apply(HOST, b.id(), BookingAction.CANCEL, "test", null)));
    assertEquals(BookingStatus.CANCELLED, within.status());
  }

  @Test
  void cancelledBookingsFreeTheirPlace() {
    Booking first = succeeded(f.create.create(HOST, on(TABLE_A, 2, false), null));
    succeeded(f.create.create(HOST, on(TABLE_B, 2, false), null));
    succeeded(f.status.apply(HOST, first.id(), BookingAction.CANCEL, "changed plans", null));
    succeeded(f.create.create(HOST, on(TABLE_C, 2, false), null));
  }

  @Test
  void aMoveIntoAFullWindowIsRefusedUnlessOverriddenAndTheBookingItselfIsNotCounted() {
    f.venues.pacing = null;
    Booking early = succeeded(f.create.create(HOST, new NewBooking(VENUE, new TableRequest(TABLE_C, null), null,
      TestBookings.slot("2025-06-03", "18:00", 120), 2, new Guest("Grace Hopper", "+1 212 555 0100", ""), "", ""), null));
    paced();
    Booking a = succeeded(f.create.create(HOST, on(TABLE_A, 2, false), null));
    succeeded(f.create.create(HOST, on(TABLE_B, 2, false), null));

    failed(ErrorCode.PACING_LIMIT, f.reschedule.reschedule(HOST, early.id(), new Move(SLOT, null, null), null));
    Booking moved = succeeded(f.reschedule.reschedule(HOST, early.id(), new Move(SLOT, null, null, true), null));
    assertTrue(f.store.pacingNotes.get(moved.id()).startsWith("pacing overridden: "), f.store.pacingNotes.toString());
    // Moving a booking within its own window does not count it twice.
    f.venues.pacing = new PacingLimit(f.venues.pacing.from(), f.venues.pacing.to(), 3, null, "Dinner", "19:00", "19:15");
    succeeded(f.reschedule.reschedule(HOST, a.id(), new Move(SLOT, new TableRequest(TABLE_D, null), null), null));
    assertEquals("", f.store.pacingNotes.get(a.id()));
  }

  @Test
  void withoutPacingNothingIsCounted() {
    f.venues.pacing = null;
    for (java.util.UUID t : List.of(TABLE_A, TABLE_B, TABLE_C, TABLE_D)) {
      succeeded(f.create.create(HOST, on(t, 4, false), null));
    }
    assertEquals(4, f.store.bookings.size());
  }
}
