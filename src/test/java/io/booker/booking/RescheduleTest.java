package io.booker.booking;

import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.STRANGER;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.C;
import static io.booker.booking.domain.TestBookings.ROOM;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.TABLE_C;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.SlotTaken;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescheduleTest {

  private static final BookingSlot LATER = TestBookings.slot("2025-06-03", "21:00", 120);
  private static final BookingSlot EARLIER = TestBookings.slot("2025-06-03", "18:30", 120);
  private static final String KEY_A = HoldKeys.of(VENUE, TABLE_A, SLOT);
  private static final String KEY_B = HoldKeys.of(VENUE, TABLE_B, SLOT);
  private static final String KEY_C = HoldKeys.of(VENUE, TABLE_C, SLOT);

  private final Fakes f = new Fakes();

  /** A hold of tables A1 and B2 at 19:00, in time, with its Redis keys. */
  private Booking pairHold() {
    Booking b = f.store.put(booking().tables(A, B).build());
    f.holds.redis.put(KEY_A, b.id());
    f.holds.redis.put(KEY_B, b.id());
    return b;
  }

  private Booking confirmedOnA() {
    return f.store.put(booking().status(BookingStatus.CONFIRMED).version(2).build());
  }

  private static Move toTables(TableRequest table, TableRequest mergedWith) {
    return new Move(null, table, mergedWith);
  }

  private static TableRequest table(java.util.UUID id) {
    return new TableRequest(id, null);
  }

  @Test
  void movingToWhereItAlreadyIsChangesNothing() {
    Booking hold = pairHold();

    assertSame(hold, succeeded(f.reschedule.reschedule(HOST, hold.id(), new Move(SLOT, null, null), null)));

    assertEquals(List.of(new FakeVenueSlots.Call(VENUE, new TableRequest(TABLE_A, ROOM), new TableRequest(TABLE_B, ROOM),
        SLOT, hold.partySize())), f.venues.calls, "the booking's own tables, in their rooms, and its party");
    assertTrue(f.holds.acquires.isEmpty());
    assertTrue(f.store.reschedules.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aHoldTakesItsNewHoldsAndGivesBackOnlyTheOldOnesItNoLongerNeeds() {
    Booking hold = pairHold();

    Booking moved = succeeded(f.reschedule.reschedule(HOST, hold.id(), toTables(table(TABLE_A), table(TABLE_C)), null));

    assertEquals(List.of(A, C), moved.tables());
    assertEquals(SLOT, moved.slot());
    assertEquals(BookingStatus.HELD, moved.status());
    assertEquals(hold.version() + 1, moved.version());
    assertEquals(moved, f.store.get(hold.id()));
    assertEquals(List.of(List.of(KEY_A, KEY_C)), f.holds.acquires);
    assertEquals(List.of(KEY_B), f.holds.releasedFor(hold.id()), "A1 is kept, B2 given back");
    assertEquals(Map.of(KEY_A, hold.id(), KEY_C, hold.id()), f.holds.redis);
    BookingChange change = f.store.reschedules.get(0).change();
    assertSame(hold, change.before());
    assertEquals(moved, change.after());
    assertEquals("booking.rescheduled", change.eventType());
    assertEquals("host-2", change.actorId(), "the caller is the author");
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aHoldMovedToAnotherTimeHoldsTheNewTimeOnly() {
    Booking hold = f.store.put(booking().build());
    f.holds.redis.put(KEY_A, hold.id());
    String later = HoldKeys.of(VENUE, TABLE_A, LATER);

    Booking moved = succeeded(f.reschedule.reschedule(HOST, hold.id(), new Move(LATER, null, null), null));

    assertEquals(LATER, moved.slot());
    assertEquals(TestBookings.periodOf(LATER), moved.period());
    assertEquals(Map.of(later, hold.id()), f.holds.redis);
    assertEquals(List.of(KEY_A), f.holds.releasedFor(hold.id()));
  }

  @Test
  void whenTheStoreSaysTheNewTableIsTakenOnlyTheNewHoldsAreGivenBackAndTheBookingStays() {
    Booking hold = pairHold();
    // C3 is booked from 18:30: only the database knows.
    f.store.put(booking().tables(C).slot(EARLIER).status(BookingStatus.CONFIRMED).build());

    ServiceException e = failed(ErrorCode.SLOT_TAKEN,
        f.reschedule.reschedule(HOST, hold.id(), toTables(table(TABLE_A), table(TABLE_C)), null));

    assertEquals("table C3 is already booked at 2025-06-03 19:00 for an overlapping time", e.getMessage());
    assertEquals(TABLE_C, assertInstanceOf(SlotTaken.class, e).tableId());
    assertSame(hold, f.store.get(hold.id()));
    assertEquals(List.of(KEY_C), f.holds.releasedFor(hold.id()));
    assertEquals(Map.of(KEY_A, hold.id(), KEY_B, hold.id()), f.holds.redis, "the booking keeps the holds it had");
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void whenRedisSaysTheNewTableIsTakenTheHoldsTheBookingHadStayItsOwn() {
    Booking hold = pairHold();
    // C3 at 19:00 is held in Redis by a confirmed booking: refused before the database is asked.
    Booking other = f.store.put(booking().tables(C).status(BookingStatus.CONFIRMED).build());
    f.holds.redis.put(KEY_C, other.id());

    failed(ErrorCode.SLOT_TAKEN, f.reschedule.reschedule(HOST, hold.id(), toTables(table(TABLE_A), table(TABLE_C)), null));

    assertSame(hold, f.store.get(hold.id()));
    assertEquals(hold.id(), f.holds.redis.get(KEY_A), "A1 is shared by the old and the new place: it stays the booking's");
    assertEquals(hold.id(), f.holds.redis.get(KEY_B));
    assertEquals(other.id(), f.holds.redis.get(KEY_C));
    assertEquals(List.of(), f.holds.releasedFor(hold.id()), "nothing was taken, so nothing is given back");
  }

  @Test
  void aConfirmedBookingMovesWithoutTouchingHolds() {
    Booking b = confirmedOnA();

    Booking moved = succeeded(f.reschedule.reschedule(HOST, b.id(), new Move(LATER, table(TABLE_B), null), null));

    assertEquals(List.of(B), moved.tables());
    assertEquals(LATER, moved.slot());
    assertEquals(BookingStatus.CONFIRMED, moved.status());
    assertEquals(3, moved.version());
    assertTrue(f.holds.acquires.isEmpty());
    assertTrue(f.holds.releases.isEmpty());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void lapsedHoldsInTheWayAreExpiredAndTheirHoldsGivenBack() {
    Booking b = confirmedOnA();
    Booking lapsed = f.store.put(booking().tables(B).slot(EARLIER).build());
    String lapsedKey = HoldKeys.of(VENUE, TABLE_B, EARLIER);
    f.holds.redis.put(lapsedKey, lapsed.id());
    f.store.now = lapsed.expiresAt();

    succeeded(f.reschedule.reschedule(HOST, b.id(), toTables(table(TABLE_B), null), null));

    assertEquals(BookingStatus.EXPIRED, f.store.get(lapsed.id()).status());
    assertEquals(List.of(lapsedKey), f.holds.releasedFor(lapsed.id()));
    assertFalse(f.holds.redis.containsKey(lapsedKey));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aSeatedBookingCannotMove() {
    Booking b = f.store.put(booking().status(BookingStatus.SEATED).build());

    ServiceException e = failed(ErrorCode.INVALID_TRANSITION,
        f.reschedule.reschedule(HOST, b.id(), new Move(LATER, null, null), null));

    assertEquals("booking is seated; only held and confirmed bookings can be rescheduled", e.getMessage());
    assertTrue(f.venues.calls.isEmpty());
    assertTrue(f.store.reschedules.isEmpty());
  }

  @Test
  void aLapsedHoldIsExpiredAndCannotMove() {
    Booking hold = pairHold();
    f.store.now = hold.expiresAt();

    failed(ErrorCode.HOLD_EXPIRED, f.reschedule.reschedule(HOST, hold.id(), new Move(LATER, null, null), null));

    assertEquals(BookingStatus.EXPIRED, f.store.get(hold.id()).status());
    assertEquals("booking.expired", f.store.changes.get(0).change().eventType());
    assertTrue(f.venues.calls.isEmpty());
    assertTrue(f.store.reschedules.isEmpty());
    assertTrue(f.holds.redis.isEmpty());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anUnknownBookingIsNotFound() {
    failed(ErrorCode.NOT_FOUND, f.reschedule.reschedule(HOST, java.util.UUID.randomUUID(), new Move(LATER, null, null), null));
    assertTrue(f.venues.calls.isEmpty());
  }

  @Test
  void aVenueRefusalLeavesEverythingAsItWas() {
    Booking hold = pairHold();
    f.venues.failure = ServiceException.invalid("party_size", "table C3 seats 2, not a party of 4");

    failed(ErrorCode.INVALID_ARGUMENT, f.reschedule.reschedule(HOST, hold.id(), toTables(table(TABLE_C), null), null));

    assertTrue(f.holds.acquires.isEmpty());
    assertTrue(f.store.reschedules.isEmpty());
    assertEquals(Map.of(KEY_A, hold.id(), KEY_B, hold.id()), f.holds.redis);
  }

  @Test
  void aBookingChangedMeanwhileIsReadAndPlacedAgain() {
    Booking b = confirmedOnA();
    Booking[] meanwhile = new Booking[1];
    boolean[] done = {false};
    f.store.beforeWrite = () -> {
      if (!done[0]) {
        done[0] = true;
        // Someone else changed the booking (here: its comment) and committed first.
        meanwhile[0] = f.store.put(new Booking(b.id(), b.venueId(), b.tables(), b.slot(), b.period(), b.partySize(),
            b.guest(), "late arrival", BookingStatus.CONFIRMED, b.version() + 1, b.adminId(), null, b.createdAt(),
            f.store.now, ""));
      }
    };

    Booking moved = succeeded(f.reschedule.reschedule(HOST, b.id(), new Move(LATER, null, null), null));

    assertEquals(2, f.store.reschedules.size());
    assertEquals(2, f.venues.calls.size());
    assertSame(meanwhile[0], f.store.reschedules.get(1).change().before());
    assertEquals("late arrival", moved.comment());
    assertEquals(meanwhile[0].version() + 1, moved.version());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aHoldChangedMeanwhileGivesBackTheNewHoldsBeforeTryingAgain() {
    Booking hold = f.store.put(booking().build());
    f.holds.redis.put(KEY_A, hold.id());
    String later = HoldKeys.of(VENUE, TABLE_A, LATER);
    f.store.beforeWrite = () -> {
      Booking now = f.store.get(hold.id());
      f.store.put(now.movedTo(now.tables(), now.slot(), now.period(), f.store.now));
    };

    failed(ErrorCode.UNAVAILABLE, f.reschedule.reschedule(HOST, hold.id(), new Move(LATER, null, null), null));

    assertEquals(ChangeStatus.ATTEMPTS, f.store.reschedules.size());
    assertEquals(ChangeStatus.ATTEMPTS, f.holds.acquires.size());
    assertEquals(java.util.Collections.nCopies(ChangeStatus.ATTEMPTS, later), f.holds.releasedFor(hold.id()));
    assertEquals(Map.of(KEY_A, hold.id()), f.holds.redis, "the old hold stays, the new one is given back");
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aKeyedMoveIsWrittenWithItsKeyAndAnsweredAgainOnARetry() {
    Booking b = confirmedOnA();
    IdempotencyKey key = new IdempotencyKey("user:host-2", "k", "reschedule", new byte[] {3});

    Booking moved = succeeded(f.reschedule.reschedule(HOST, b.id(), new Move(LATER, null, null), key));
    assertSame(key, f.store.reschedules.get(0).key());

    assertEquals(moved, succeeded(f.reschedule.reschedule(HOST, b.id(), new Move(LATER, null, null), key)));
    assertEquals(1, f.store.reschedules.size());
    assertEquals(1, f.venues.calls.size());
  }
  @Test
  void aBookingOfAVenueTheCallerDoesNotSeeIsNotFoundAndTheVenueIsNotAsked() {
    Booking hold = pairHold();

    ServiceException e = failed(ErrorCode.NOT_FOUND, f.reschedule.reschedule(STRANGER, hold.id(), new Move(LATER, null, null), null));

    assertEquals("booking " + hold.id() + " not found", e.getMessage());
    assertTrue(f.venues.calls.isEmpty());
    assertTrue(f.holds.acquires.isEmpty());
    assertTrue(f.store.reschedules.isEmpty());
    assertSame(hold, f.store.get(hold.id()));
  }
}
