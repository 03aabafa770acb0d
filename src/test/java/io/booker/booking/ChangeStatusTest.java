package io.booker.booking;

import static io.booker.booking.Fakes.ADMIN;
import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.OTHER_VENUE;
import static io.booker.booking.Fakes.STRANGER;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingAction;
import io.booker.booking.domain.BookingChange;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.HoldKeys;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeStatusTest {

  private static final String KEY_A = HoldKeys.of(VENUE, TABLE_A, SLOT);
  private static final String KEY_B = HoldKeys.of(VENUE, TABLE_B, SLOT);

  private final Fakes f = new Fakes();

  /** A hold of tables A1 and B2, in time at the store's clock, with its Redis keys. */
  private Booking hold() {
    Booking b = f.store.put(booking().tables(A, B).build());
    f.holds.redis.put(KEY_A, b.id());
    f.holds.redis.put(KEY_B, b.id());
    return b;
  }

  private Booking confirmed() {
    return f.store.put(booking().status(BookingStatus.CONFIRMED).version(2).build());
  }

  /** Runs {@code r} at the first write only: another request that got there first. */
  private static Runnable once(Runnable r) {
    boolean[] done = {false};
    return () -> {
      if (!done[0]) {
        done[0] = true;
        r.run();
      }
    };
  }

  @Test
  void confirmingAHoldWritesTheChangeAndGivesBackItsHolds() {
    Booking hold = hold();
    Instant now = f.store.now;

    Booking after = succeeded(f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", null));

    assertEquals(BookingStatus.CONFIRMED, after.status());
    assertEquals(2, after.version());
    assertNull(after.expiresAt());
    assertEquals(now, after.updatedAt());
    assertEquals(1, f.store.changes.size());
    BookingChange change = f.store.changes.get(0).change();
    assertSame(hold, change.before());
    assertEquals(after, change.after());
    assertEquals("booking.confirmed", change.eventType());
    assertEquals("host-2", change.actorId(), "the caller is the author");
    assertEquals(after, f.store.get(hold.id()));
    assertEquals(1, f.eventsWritten.get());
    assertEquals(List.of(KEY_A, KEY_B), f.holds.releasedFor(hold.id()));
    assertTrue(f.holds.redis.isEmpty());
  }

  @Test
  void cancellingAHoldKeepsTheReasonAndGivesBackItsHolds() {
    Booking hold = hold();

    Booking after = succeeded(f.status.apply(HOST, hold.id(), BookingAction.CANCEL, "guest called", null));

    assertEquals(BookingStatus.CANCELLED, after.status());
    assertEquals("guest called", after.cancelReason());
    assertEquals("guest called", f.store.changes.get(0).change().reason());
    assertEquals("booking.cancelled", f.store.changes.get(0).change().eventType());
    assertTrue(f.holds.redis.isEmpty());
  }

  @Test
  void changesAfterTheHoldTouchNoHolds() {
    Booking b = confirmed();

    Booking seated = succeeded(f.status.apply(HOST, b.id(), BookingAction.SEAT, "", null));

    assertEquals(BookingStatus.SEATED, seated.status());
    assertEquals(3, seated.version());
    assertEquals(1, f.eventsWritten.get());
    assertTrue(f.holds.releases.isEmpty());
  }

  @Test
  void askingForTheStatusItHasAnswersTheBookingAndWritesNothing() {
    Booking b = confirmed();

    assertSame(b, succeeded(f.status.apply(HOST, b.id(), BookingAction.CONFIRM, "", null)));

    assertTrue(f.store.changes.isEmpty());
    assertEquals(0, f.eventsWritten.get());
    assertTrue(f.holds.releases.isEmpty());
  }

  @Test
  void aRefusedChangeIsAnErrorAndWritesNothing() {
    Booking b = f.store.put(booking().status(BookingStatus.SEATED).build());

    ServiceException e = failed(ErrorCode.INVALID_TRANSITION, f.status.apply(HOST, b.id(), BookingAction.CANCEL, "", null));

    assertEquals("booking is seated; it cannot become cancelled", e.getMessage());
    assertTrue(f.store.changes.isEmpty());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void theStoresClockDecides() {
    Booking b = confirmed();
    f.store.now = b.period().start().minusSeconds(1);
    failed(ErrorCode.INVALID_TRANSITION, f.status.apply(HOST, b.id(), BookingAction.NO_SHOW, "", null));

    f.store.now = b.period().start();
    assertEquals(BookingStatus.NO_SHOW, succeeded(f.status.apply(HOST, b.id(), BookingAction.NO_SHOW, "", null)).status());
  }

  @Test
  void confirmingALapsedHoldExpiresItThenSaysHoldExpired() {
    Booking hold = hold();
    f.store.now = hold.expiresAt().plusSeconds(5);
    IdempotencyKey key = new IdempotencyKey("user:host-2", "k", "confirm", new byte[] {1});

    ServiceException e = failed(ErrorCode.HOLD_EXPIRED, f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", key));

    assertEquals("booking is held: the hold expired at " + hold.expiresAt(), e.getMessage());
    assertEquals(1, f.store.changes.size());
    FakeBookingStore.ChangeCall call = f.store.changes.get(0);
    assertNull(call.key(), "the expiry is the system's change, not the answer to the key");
    BookingChange change = call.change();
    assertSame(hold, change.before());
    assertEquals(BookingStatus.EXPIRED, change.after().status());
    assertEquals(hold.expiresAt(), change.after().expiresAt());
    assertEquals("booking.expired", change.eventType());
    assertEquals("", change.actorId());
    assertEquals(BookingChange.EXPIRED_REASON, change.reason());
    assertEquals(BookingStatus.EXPIRED, f.store.get(hold.id()).status());
    assertEquals(1, f.eventsWritten.get());
    assertEquals(List.of(KEY_A, KEY_B), f.holds.releasedFor(hold.id()));
    assertTrue(f.store.answers.isEmpty());
  }

  @Test
  void confirmingALapsedHoldThatSomeoneElseExpiredFirstStillSaysHoldExpired() {
    Booking hold = hold();
    f.store.now = hold.expiresAt();
    f.store.beforeWrite = once(() -> f.store.put(hold.moveTo(BookingStatus.EXPIRED, f.store.now, "")));

    failed(ErrorCode.HOLD_EXPIRED, f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", null));

    assertEquals(1, f.store.changes.size());
    assertEquals(0, f.eventsWritten.get(), "the sweeper wrote the event, not this request");
    assertTrue(f.holds.releases.isEmpty());
  }

  @Test
  void confirmingAnExpiredBookingSaysHoldExpiredAndWritesNothing() {
    Booking hold = hold();
    Booking expired = f.store.put(hold.moveTo(BookingStatus.EXPIRED, hold.expiresAt(), ""));
    f.store.now = hold.expiresAt().plusSeconds(30);

    ServiceException e = failed(ErrorCode.HOLD_EXPIRED, f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", null));

    assertTrue(e.getMessage().startsWith("booking is expired"), e.getMessage());
    assertTrue(f.store.changes.isEmpty(), "an expired booking is not expired again");
    assertSame(expired, f.store.get(hold.id()));
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void cancellingALapsedHoldIsAllowed() {
    Booking hold = hold();
    f.store.now = hold.expiresAt().plus(Duration.ofHours(1));

    assertEquals(BookingStatus.CANCELLED,
        succeeded(f.status.apply(HOST, hold.id(), BookingAction.CANCEL, "", null)).status());
    assertTrue(f.holds.redis.isEmpty());
  }

  @Test
  void aConcurrentChangeIsReadAgainAndARepeatedActionFoundDone() {
    Booking hold = hold();
    Booking confirmedMeanwhile = hold.moveTo(BookingStatus.CONFIRMED, f.store.now, "");
    f.store.beforeWrite = once(() -> f.store.put(confirmedMeanwhile));

    Booking answer = succeeded(f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", null));

    assertEquals(confirmedMeanwhile, answer);
    assertEquals(2, f.store.loads);
    assertEquals(1, f.store.changes.size(), "the second decision writes nothing");
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void aConcurrentChangeIsReadAgainAndAnActionNoLongerAllowedRefused() {
    Booking hold = hold();
    f.store.beforeWrite = once(() -> f.store.put(hold.moveTo(BookingStatus.CANCELLED, f.store.now, "")));

    ServiceException e = failed(ErrorCode.INVALID_TRANSITION,
        f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", null));

    assertEquals("booking is cancelled; it cannot become confirmed", e.getMessage());
    assertEquals(1, f.store.changes.size());
  }

  @Test
  void aConcurrentChangeThatStillAllowsTheActionIsDecidedOnTheNewVersion() {
    Booking b = confirmed();
    Booking movedMeanwhile = b.movedTo(List.of(B), SLOT, b.period(), f.store.now);
    f.store.beforeWrite = once(() -> f.store.put(movedMeanwhile));

    Booking seated = succeeded(f.status.apply(HOST, b.id(), BookingAction.SEAT, "", null));

    assertEquals(2, f.store.changes.size());
    assertSame(movedMeanwhile, f.store.changes.get(1).change().before());
    assertEquals(List.of(B), seated.tables());
    assertEquals(movedMeanwhile.version() + 1, seated.version());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aBookingThatKeepsChangingIsUnavailableAfterTheLastAttempt() {
    Booking b = confirmed();
    f.store.beforeWrite = () -> {
      Booking now = f.store.get(b.id());
      f.store.put(now.movedTo(now.tables(), now.slot(), now.period(), f.store.now));
    };

    ServiceException e = failed(ErrorCode.UNAVAILABLE, f.status.apply(HOST, b.id(), BookingAction.SEAT, "", null));

    assertTrue(e.getMessage().contains(b.id().toString()), e.getMessage());
    assertEquals(ChangeStatus.ATTEMPTS, f.store.changes.size());
    assertEquals(ChangeStatus.ATTEMPTS, f.store.loads);
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void anUnknownBookingIsNotFound() {
    UUID id = UUID.randomUUID();

    ServiceException e = failed(ErrorCode.NOT_FOUND, f.status.apply(HOST, id, BookingAction.CONFIRM, "", null));

    assertEquals("booking " + id + " not found", e.getMessage());
    assertTrue(f.store.changes.isEmpty());
  }

  @Test
  void aKeyedChangeIsWrittenWithItsKeyAndAnsweredAgainOnARetry() {
    Booking hold = hold();
    IdempotencyKey key = new IdempotencyKey("user:host-2", "k", "confirm", new byte[] {1});

    Booking first = succeeded(f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", key));
    assertSame(key, f.store.changes.get(0).key());
    int loads = f.store.loads;

    assertEquals(first, succeeded(f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", key)));
    assertEquals(loads, f.store.loads, "the answer is replayed without reading the booking");
    assertEquals(1, f.store.changes.size());
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aKeyUsedForAnotherRequestIsRefusedBeforeReading() {
    Booking hold = hold();
    f.store.storeAnswer(new IdempotencyKey("user:host-2", "k", "confirm", new byte[] {1}), hold);

    failed(ErrorCode.IDEMPOTENCY_KEY_REUSED, f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "",
        new IdempotencyKey("user:host-2", "k", "confirm", new byte[] {2})));

    assertEquals(0, f.store.loads);
    assertFalse(f.holds.redis.isEmpty());
  }

  @Test
  void expireAloneWritesTheSystemsChange() {
    Booking hold = hold();
    Instant at = hold.expiresAt().plusSeconds(1);

    succeeded(f.status.expire(hold, at));

    Booking expired = f.store.get(hold.id());
    assertEquals(BookingStatus.EXPIRED, expired.status());
    assertEquals(at, expired.updatedAt());
    assertEquals(TestBookings.HOLD_TTL, Duration.between(hold.createdAt(), expired.expiresAt()));
    assertEquals(1, f.eventsWritten.get());
    assertTrue(f.holds.redis.isEmpty());
  }
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = BookingAction.class, names = {"CONFIRM", "CANCEL", "SEAT", "FINISH", "NO_SHOW"})
  void aBookingOfAVenueTheCallerDoesNotSeeIsNotFoundLikeAMissingOneAndStaysAsItWas(BookingAction action) {
    Booking hold = hold();
    UUID missing = UUID.randomUUID();
    String missingMessage = failed(ErrorCode.NOT_FOUND, f.status.apply(HOST, missing, action, "", null)).getMessage();

    ServiceException e = failed(ErrorCode.NOT_FOUND, f.status.apply(STRANGER, hold.id(), action, "", null));

    assertEquals(missingMessage.replace(missing.toString(), hold.id().toString()), e.getMessage(), "word for word a missing booking");
    assertSame(hold, f.store.get(hold.id()));
    assertTrue(f.store.changes.isEmpty());
    assertEquals(0, f.eventsWritten.get());
    assertTrue(f.holds.releases.isEmpty());
    assertEquals(hold.id(), f.holds.redis.get(KEY_A));
  }

  @Test
  void aStrangerDoesNotEvenExpireALapsedHold() {
    Booking hold = hold();
    f.store.now = hold.expiresAt().plusSeconds(5);

    failed(ErrorCode.NOT_FOUND, f.status.apply(STRANGER, hold.id(), BookingAction.CONFIRM, "", null));

    assertSame(hold, f.store.get(hold.id()), "the check comes before any decision");
    assertTrue(f.store.changes.isEmpty());
  }

  @Test
  void anAdminActsOnEveryVenueAndIsTheAuthor() {
    Booking hold = hold();

    succeeded(f.status.apply(ADMIN, hold.id(), BookingAction.CONFIRM, "", null));

    assertEquals("admin-1", f.store.changes.get(0).change().actorId());
  }

  @Test
  void aManagerOfAnotherVenueIsAStrangerToo() {
    Booking hold = hold();
    Caller manager = new Caller("manager-1", Role.MANAGER, Set.of(OTHER_VENUE.toString()));

    failed(ErrorCode.NOT_FOUND, f.status.apply(manager, hold.id(), BookingAction.CANCEL, "", null));

    assertTrue(f.store.changes.isEmpty());
  }

  @Test
  void aStoredAnswerIsNotGivenToAUserWhoNoLongerSeesItsVenue() {
    Booking hold = hold();
    IdempotencyKey key = new IdempotencyKey("user:host-2", "k", "confirm", new byte[] {1});
    Booking first = succeeded(f.status.apply(HOST, hold.id(), BookingAction.CONFIRM, "", key));
    Caller withdrawn = new Caller(HOST.userId(), Role.HOST, Set.of(OTHER_VENUE.toString()));

    ServiceException e = failed(ErrorCode.NOT_FOUND, f.status.apply(withdrawn, hold.id(), BookingAction.CONFIRM, "", key));

    assertEquals("booking " + hold.id() + " not found", e.getMessage());
    assertEquals(first, f.store.get(hold.id()));
    assertEquals(1, f.store.changes.size());
  }
}
