package io.booker.booking;

import static io.booker.booking.Fakes.ADMIN;
import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.STRANGER;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.HOLD_TTL;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.SlotTaken;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CreateBookingTest {

  private static final String KEY_A = HoldKeys.of(VENUE, TABLE_A, SLOT);
  private static final String KEY_B = HoldKeys.of(VENUE, TABLE_B, SLOT);
  /** Half an hour earlier than {@link TestBookings#SLOT}: overlaps it, with other hold keys. */
  private static final BookingSlot EARLIER = TestBookings.slot("2025-06-03", "18:30", 120);

  private final Fakes f = new Fakes();

  private static NewBooking request(TableRequest table, TableRequest mergedWith) {
    return new NewBooking(VENUE, table, mergedWith, SLOT, 4, new Guest("Ada Lovelace", "+44 20 7946 0000", ""),
        "window seat", "");
  }

  private static NewBooking tableA() {
    return request(new TableRequest(TABLE_A, null), null);
  }

  private static NewBooking pairAB() {
    return request(new TableRequest(TABLE_A, null), new TableRequest(TABLE_B, null));
  }

  @Test
  void placesTheRequestTakesTheHoldsThenInsertsTheHold() {
    AtomicReference<UUID> holderAtInsert = new AtomicReference<>();
    f.store.beforeWrite = () -> holderAtInsert.set(f.holds.redis.get(KEY_A));

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(List.of(new FakeVenueSlots.Call(VENUE, new TableRequest(TABLE_A, null), null, SLOT, 4)), f.venues.calls);
    assertEquals(List.of(List.of(KEY_A)), f.holds.acquires);
    assertEquals(List.of(HOLD_TTL), f.holds.ttls);
    assertEquals(1, f.store.inserts.size());
    FakeBookingStore.InsertCall insert = f.store.inserts.get(0);
    assertEquals(b.id(), insert.id());
    assertEquals(b.id(), holderAtInsert.get(), "the hold is taken, for this booking, before the insert");
    assertEquals(TestBookings.placement(SLOT, A), insert.placement());
    assertEquals(tableA().authoredBy("host-2"), insert.request(), "the caller is the author");
    assertEquals(HOLD_TTL, insert.ttl());
    assertNull(insert.key());

    assertEquals(BookingStatus.HELD, b.status());
    assertEquals(List.of(A), b.tables());
    assertEquals(f.store.now.plus(HOLD_TTL), b.expiresAt());
    assertEquals(b.id(), f.holds.redis.get(KEY_A), "the hold stays while the booking is held");
    assertTrue(f.holds.releases.isEmpty());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aCombinationHoldsAndBooksEveryTableAndNamesTheCombination() {
    NewBooking onCombination = new NewBooking(VENUE, null, null, SLOT, 8, new Guest("Ada Lovelace", "", ""), "", "",
        false, FakeVenueSlots.COMBINATION);
    Booking b = succeeded(f.create.create(HOST, onCombination, null));
    assertEquals(List.of(new FakeVenueSlots.Call(VENUE, null, null, FakeVenueSlots.COMBINATION, SLOT, 8)), f.venues.calls);
    assertEquals(List.of(A, B, TestBookings.C), b.tables());
    assertEquals(FakeVenueSlots.COMBINATION, b.combinationId());
    String keyC = HoldKeys.of(VENUE, TestBookings.TABLE_C, SLOT);
    assertEquals(List.of(List.of(KEY_A, KEY_B, keyC)), f.holds.acquires, "one hold per table, one round trip");
    assertEquals(List.of(TABLE_A, TABLE_B, TestBookings.TABLE_C), f.store.inserts.get(0).placement().tableIds());
    assertEquals(b.id(), f.holds.redis.get(keyC));
  }

  @Test
  void aCombinationWithOneTableTakenIsRefusedAndGivesBackItsHolds() {
    Booking onC = succeeded(f.create.create(HOST, request(new TableRequest(TestBookings.TABLE_C, null), null), null));
    NewBooking onCombination = new NewBooking(VENUE, null, null, SLOT, 8, new Guest("Ada Lovelace", "", ""), "", "",
        false, FakeVenueSlots.COMBINATION);
    ServiceException e = failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, onCombination, null));
    assertTrue(e.getMessage().contains("C3"), e.getMessage());
    assertEquals(onC.id(), f.holds.redis.get(HoldKeys.of(VENUE, TestBookings.TABLE_C, SLOT)));
    assertNull(f.holds.redis.get(KEY_A), "the combination's other holds were given back");
    assertEquals(1, f.store.bookings.size());
  }

  @Test
  void aPairHoldsBothTables() {
    Booking b = succeeded(f.create.create(HOST, pairAB(), null));
    assertEquals(List.of(A, B), b.tables());
    assertEquals(List.of(List.of(KEY_A, KEY_B)), f.holds.acquires);
    assertEquals(b.id(), f.holds.redis.get(KEY_A));
    assertEquals(b.id(), f.holds.redis.get(KEY_B));
  }

  @Test
  void releasesTheHoldsOfTheLapsedHoldsTheStoreExpired() {
    Booking lapsed = f.store.put(booking().slot(EARLIER).build());
    String lapsedKey = HoldKeys.of(VENUE, TABLE_A, EARLIER);
    f.holds.redis.put(lapsedKey, lapsed.id());
    f.store.now = lapsed.expiresAt().plus(Duration.ofMinutes(1));

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(BookingStatus.EXPIRED, f.store.get(lapsed.id()).status());
    assertEquals(List.of(lapsedKey), f.holds.releasedFor(lapsed.id()));
    assertFalse(f.holds.redis.containsKey(lapsedKey));
    assertEquals(b.id(), f.holds.redis.get(KEY_A));
    assertEquals(1, f.eventsWritten.get(), "one transaction, one kick");
  }

  @Test
  void aTableHeldByABlockingBookingIsTakenWithoutAskingTheStoreToInsert() {
    Booking other = f.store.put(booking().tables(B).status(BookingStatus.CONFIRMED).build());
    f.holds.redis.put(KEY_B, other.id());

    ServiceException e = failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, pairAB(), null));

    assertEquals("table B2 is already booked at 2025-06-03 19:00 for an overlapping time", e.getMessage());
    assertEquals(TABLE_B, assertInstanceOf(SlotTaken.class, e).tableId());
    assertEquals(List.of(List.of(other.id())), f.store.holderQueries);
    assertTrue(f.store.inserts.isEmpty());
    UUID attempt = f.holds.releases.get(0).bookingId();
    assertEquals(List.of(new FakeHoldStore.Release(KEY_A, attempt)), f.holds.releases, "the hold taken is given back");
    assertFalse(f.holds.redis.containsKey(KEY_A));
    assertEquals(other.id(), f.holds.redis.get(KEY_B));
    assertTrue(f.holds.takeOvers.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aBlockingHolderIsFoundBeforeAnyStaleKeyIsTakenOver() {
    Booking cancelled = f.store.put(booking().status(BookingStatus.CANCELLED).build());
    Booking other = f.store.put(booking().tables(B).status(BookingStatus.CONFIRMED).build());
    f.holds.redis.put(KEY_A, cancelled.id());
    f.holds.redis.put(KEY_B, other.id());

    failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, pairAB(), null));

    assertTrue(f.holds.takeOvers.isEmpty(), "no stale key is taken for a booking that will not be written");
    assertEquals(cancelled.id(), f.holds.redis.get(KEY_A));
    assertEquals(other.id(), f.holds.redis.get(KEY_B));
    assertTrue(f.store.inserts.isEmpty());
  }

  @Test
  void aStaleHoldIsTakenOverAndTheBookingGoesOn() {
    Booking cancelled = f.store.put(booking().status(BookingStatus.CANCELLED).build());
    f.holds.redis.put(KEY_A, cancelled.id());

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(List.of(new FakeHoldStore.TakeOver(KEY_A, cancelled.id(), b.id())), f.holds.takeOvers);
    assertEquals(List.of(HOLD_TTL, HOLD_TTL), f.holds.ttls);
    assertEquals(b.id(), f.holds.redis.get(KEY_A));
    assertEquals(1, f.store.inserts.size());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aLapsedHoldOnTheSameSlotIsTakenOverThenExpiredWithoutLosingTheNewHold() {
    Booking lapsed = f.store.put(booking().build());
    f.holds.redis.put(KEY_A, lapsed.id());
    f.store.now = lapsed.expiresAt();

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(List.of(new FakeHoldStore.TakeOver(KEY_A, lapsed.id(), b.id())), f.holds.takeOvers);
    assertEquals(BookingStatus.EXPIRED, f.store.get(lapsed.id()).status());
    assertEquals(List.of(KEY_A), f.holds.releasedFor(lapsed.id()), "released as the expired booking's");
    assertEquals(b.id(), f.holds.redis.get(KEY_A), "which no longer has it");
  }

  @Test
  void aHolderTheStoreDoesNotKnowLeavesTheDecisionToTheStore() {
    UUID inFlight = UUID.randomUUID();
    f.holds.redis.put(KEY_A, inFlight);

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(List.of(List.of(inFlight)), f.store.holderQueries);
    assertTrue(f.holds.takeOvers.isEmpty());
    assertEquals(1, f.store.inserts.size());
    assertEquals(BookingStatus.HELD, b.status());
    assertEquals(inFlight, f.holds.redis.get(KEY_A), "the key stays with its holder");
    assertTrue(f.holds.releases.isEmpty());
  }

  @Test
  void withRedisBypassedTheBookingStillGoesThrough() {
    f.holds.down = true;

    Booking b = succeeded(f.create.create(HOST, tableA(), null));

    assertEquals(BookingStatus.HELD, b.status());
    assertEquals(1, f.holds.acquires.size());
    assertEquals(1, f.store.inserts.size());
    assertTrue(f.store.holderQueries.isEmpty());
    assertTrue(f.holds.redis.isEmpty());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void whenTheStoreSaysTheTableIsTakenTheHoldPointsAtTheWinnerAndTheTableIsNamed() {
    // Booked at 18:30: no hold key in the way of 19:00, only the database knows.
    Booking winner = f.store.put(booking().slot(EARLIER).status(BookingStatus.CONFIRMED).build());

    ServiceException e = failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, tableA(), null));

    assertEquals("table A1 is already booked at 2025-06-03 19:00 for an overlapping time", e.getMessage());
    assertEquals(TABLE_A, assertInstanceOf(SlotTaken.class, e).tableId());
    UUID attempt = f.store.inserts.get(0).id();
    assertEquals(List.of(new FakeHoldStore.TakeOver(KEY_A, attempt, winner.id())), f.holds.takeOvers,
      "the key goes to the booking that won, so the next request is turned away by Redis");
    assertEquals(winner.id(), f.holds.redis.get(KEY_A));
    assertTrue(f.holds.releases.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void whenTheStoreDoesNotSayWhichTableEveryTableIsNamed() {
    f.store.insertFailure = new SlotTaken(null, "exclusion constraint");

    ServiceException e = failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, pairAB(), null));

    assertTrue(e.getMessage().startsWith("table A1 or B2 is already booked"), e.getMessage());
    assertTrue(f.holds.redis.isEmpty());
    assertEquals(2, f.holds.releases.size());
  }

  @Test
  void anyOtherStoreFailureIsPassedOnAndTheHoldsReleased() {
    ServiceException down = new ServiceException(ErrorCode.UNAVAILABLE, "database unavailable");
    f.store.insertFailure = down;

    assertSame(down, failed(ErrorCode.UNAVAILABLE, f.create.create(HOST, tableA(), null)));
    assertTrue(f.holds.redis.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aVenueRefusalStopsBeforeAnyHold() {
    f.venues.failure = ServiceException.invalid("slot.start_time", "the venue is closed then");

    failed(ErrorCode.INVALID_ARGUMENT, f.create.create(HOST, tableA(), null));

    assertTrue(f.holds.acquires.isEmpty());
    assertTrue(f.store.inserts.isEmpty());
  }

  @Nested
  class Idempotency {

    private final byte[] fingerprint = {7, 7, 7};
    private final IdempotencyKey key = new IdempotencyKey("user:host-2", "key-1", "create", fingerprint);

    @Test
    void theStoredAnswerIsGivenAgainWithoutPlacingOrWriting() {
      Booking first = booking().build();
      f.store.storeAnswer(key, first);

      assertSame(first, succeeded(f.create.create(HOST, tableA(), key)));

      assertTrue(f.venues.calls.isEmpty());
      assertTrue(f.holds.acquires.isEmpty());
      assertTrue(f.store.inserts.isEmpty());
      assertEquals(0, f.eventsWritten.get());
    }

    @Test
    void theKeyIsWrittenWithTheBookingAndARetryGetsTheSameBooking() {
      Booking first = succeeded(f.create.create(HOST, tableA(), key));
      assertSame(key, f.store.inserts.get(0).key());

      Booking again = succeeded(f.create.create(HOST, tableA(), key));

      assertEquals(first, again);
      assertEquals(1, f.store.inserts.size());
      assertEquals(1, f.venues.calls.size());
      assertEquals(1, f.eventsWritten.get());
    }

    @Test
    void theKeyWithAnotherRequestIsRefused() {
      f.store.storeAnswer(new IdempotencyKey("user:host-2", "key-1", "create", new byte[] {1}), booking().build());

      failed(ErrorCode.IDEMPOTENCY_KEY_REUSED, f.create.create(HOST, tableA(), key));

      assertTrue(f.venues.calls.isEmpty());
      assertTrue(f.store.inserts.isEmpty());
    }

    @Test
    void theKeyOfAnotherOperationIsRefused() {
      f.store.storeAnswer(new IdempotencyKey("user:host-2", "key-1", "confirm", fingerprint), booking().build());

      failed(ErrorCode.IDEMPOTENCY_KEY_REUSED, f.create.create(HOST, tableA(), key));

      assertTrue(f.store.inserts.isEmpty());
    }

    @Test
    void aDuplicateThatLostTheRaceGetsTheFirstAnswer() {
      Booking winner = booking().build();
      // The first request commits its booking and its key while this one is on its way.
      f.store.beforeWrite = () -> {
        f.store.put(winner);
        f.store.storeAnswer(key, winner);
      };

      assertSame(winner, succeeded(f.create.create(HOST, tableA(), key)));

      assertEquals(2, f.store.answerReads, "looked up before the write and again after it failed");
      assertEquals(1, f.store.inserts.size());
      UUID loser = f.store.inserts.get(0).id();
      assertEquals(List.of(new FakeHoldStore.TakeOver(KEY_A, loser, winner.id())), f.holds.takeOvers, "the hold now names the first");
      assertEquals(winner.id(), f.holds.redis.get(KEY_A));
      assertEquals(0, f.eventsWritten.get());
    }

    @Test
    void aLostRaceToAnotherRequestWithTheKeyIsStillReused() {
      Booking winner = booking().build();
      f.store.beforeWrite = () -> {
        f.store.put(winner);
        f.store.storeAnswer(new IdempotencyKey("user:host-2", "key-1", "create", new byte[] {1}), winner);
      };

      failed(ErrorCode.IDEMPOTENCY_KEY_REUSED, f.create.create(HOST, tableA(), key));
    }

    @Test
    void aFailedKeyedWriteWithoutAnAnswerKeepsItsOwnError() {
      f.store.put(booking().status(BookingStatus.CONFIRMED).build());

      ServiceException e = failed(ErrorCode.SLOT_TAKEN, f.create.create(HOST, tableA(), key));

      assertTrue(e.getMessage().startsWith("table A1 is already booked"), e.getMessage());
      assertEquals(2, f.store.answerReads);
    }
  }
  @Nested
  class Access {

    @Test
    void aVenueTheCallerDoesNotSeeIsNotFoundBeforeAnythingIsAsked() {
      IdempotencyKey key = new IdempotencyKey("user:host-9", "key-1", "create", new byte[] {1});

      ServiceException e = failed(ErrorCode.NOT_FOUND, f.create.create(STRANGER, tableA(), key));

      assertEquals("venue " + VENUE + " not found", e.getMessage());
      assertEquals(0, f.store.answerReads, "not even the stored answer of the key");
      assertTrue(f.venues.calls.isEmpty());
      assertTrue(f.holds.acquires.isEmpty());
      assertTrue(f.store.inserts.isEmpty());
      assertEquals(0, f.eventsWritten.get());
    }

    @Test
    void theAuthorIsTheCallerWhateverTheRequestSays() {
      NewBooking claimed = tableA().authoredBy("someone-else");

      Booking b = succeeded(f.create.create(HOST, claimed, null));

      assertEquals("host-2", b.adminId());
      assertEquals("host-2", f.store.inserts.get(0).request().adminId());
    }

    @Test
    void anAdminBooksAnyVenue() {
      assertEquals("admin-1", succeeded(f.create.create(ADMIN, tableA(), null)).adminId());
    }
  }
}
