package io.booker.booking.domain;

import static io.booker.booking.domain.BookingAction.CANCEL;
import static io.booker.booking.domain.BookingAction.CONFIRM;
import static io.booker.booking.domain.BookingAction.EXPIRE;
import static io.booker.booking.domain.BookingAction.FINISH;
import static io.booker.booking.domain.BookingAction.NO_SHOW;
import static io.booker.booking.domain.BookingAction.SEAT;
import static io.booker.booking.domain.BookingStatus.CANCELLED;
import static io.booker.booking.domain.BookingStatus.CONFIRMED;
import static io.booker.booking.domain.BookingStatus.EXPIRED;
import static io.booker.booking.domain.BookingStatus.FINISHED;
import static io.booker.booking.domain.BookingStatus.HELD;
import static io.booker.booking.domain.BookingStatus.SEATED;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

  private static final Instant START = TestBookings.periodOf(TestBookings.SLOT).start();
  /** A moment at which no time rule stands in the way: the booking has started and the hold is still in time. */
  private static final Instant NOW = START.plus(Duration.ofMinutes(5));
  private static final Instant HOLD_UNTIL = NOW.plus(Duration.ofMinutes(5));

  /** What {@link Lifecycle#decide} should answer. */
  private sealed interface Outcome {
    void check(BookingStatus from, BookingAction action, Transition actual);
  }

  /** The booking moves to {@code to}. */
  private record To(BookingStatus to) implements Outcome {
    public void check(BookingStatus from, BookingAction action, Transition actual) {
      assertEquals(new Transition.Apply(from, to), actual, () -> from + " + " + action);
    }
  }

  /** The booking already is where the action leads. */
  private record Same() implements Outcome {
    public void check(BookingStatus from, BookingAction action, Transition actual) {
      assertEquals(new Transition.Unchanged(from), actual, () -> from + " + " + action);
    }
  }

  /** Refused with {@code code}, and a message containing {@code says}. */
  private record No(ErrorCode code, String says) implements Outcome {
    public void check(BookingStatus from, BookingAction action, Transition actual) {
      Transition.Refused refused = assertInstanceOf(Transition.Refused.class, actual, () -> from + " + " + action);
      assertEquals(code, refused.code(), () -> from + " + " + action);
      assertTrue(refused.reason().contains(says), () -> from + " + " + action + ": " + refused.reason());
      ServiceException e = refused.exception();
      assertEquals(code, e.code());
      assertEquals(refused.reason(), e.getMessage());
    }
  }

  private static Outcome to(BookingStatus to) {
    return new To(to);
  }

  private static Outcome unchanged() {
    return new Same();
  }

  /** The plain refusal, which names the current status and the one asked for. */
  private static Outcome invalid(BookingStatus from, BookingAction action) {
    return new No(ErrorCode.INVALID_TRANSITION, "booking is " + from.wire() + "; it cannot become " + action.target().wire());
  }

  private static Arguments row(BookingStatus from, BookingAction action, Outcome outcome) {
    return Arguments.of(from, action, outcome);
  }

  /** A booking in {@code status}; a hold (and an expired one) runs until {@link #HOLD_UNTIL}. */
  private static Booking in(BookingStatus status) {
    return booking().status(status).expiresAt(status == HELD || status == EXPIRED ? HOLD_UNTIL : null).build();
  }

  /** The whole state machine at {@link #NOW}, one row per status and action. */
  static Stream<Arguments> table() {
    return Stream.of(
        row(HELD, CONFIRM, to(CONFIRMED)),
        row(HELD, CANCEL, to(CANCELLED)),
        row(HELD, SEAT, invalid(HELD, SEAT)),
        row(HELD, FINISH, invalid(HELD, FINISH)),
        row(HELD, NO_SHOW, invalid(HELD, NO_SHOW)),
        row(HELD, EXPIRE, new No(ErrorCode.INVALID_TRANSITION, "cannot expire before")), // not due yet

        row(CONFIRMED, CONFIRM, unchanged()),
        row(CONFIRMED, CANCEL, to(CANCELLED)),
        row(CONFIRMED, SEAT, to(SEATED)),
        row(CONFIRMED, FINISH, invalid(CONFIRMED, FINISH)),
        row(CONFIRMED, NO_SHOW, to(BookingStatus.NO_SHOW)),
        row(CONFIRMED, EXPIRE, invalid(CONFIRMED, EXPIRE)),

        row(SEATED, CONFIRM, invalid(SEATED, CONFIRM)),
        row(SEATED, CANCEL, invalid(SEATED, CANCEL)),
        row(SEATED, SEAT, unchanged()),
        row(SEATED, FINISH, to(FINISHED)),
        row(SEATED, NO_SHOW, invalid(SEATED, NO_SHOW)),
        row(SEATED, EXPIRE, invalid(SEATED, EXPIRE)),

        row(FINISHED, CONFIRM, invalid(FINISHED, CONFIRM)),
        row(FINISHED, CANCEL, invalid(FINISHED, CANCEL)),
        row(FINISHED, SEAT, invalid(FINISHED, SEAT)),
        row(FINISHED, FINISH, unchanged()),
        row(FINISHED, NO_SHOW, invalid(FINISHED, NO_SHOW)),
        row(FINISHED, EXPIRE, invalid(FINISHED, EXPIRE)),

        row(CANCELLED, CONFIRM, invalid(CANCELLED, CONFIRM)),
        row(CANCELLED, CANCEL, unchanged()),
        row(CANCELLED, SEAT, invalid(CANCELLED, SEAT)),
        row(CANCELLED, FINISH, invalid(CANCELLED, FINISH)),
        row(CANCELLED, NO_SHOW, invalid(CANCELLED, NO_SHOW)),
        row(CANCELLED, EXPIRE, invalid(CANCELLED, EXPIRE)),

        row(EXPIRED, CONFIRM, new No(ErrorCode.HOLD_EXPIRED, "booking is expired: the hold expired at")),
        row(EXPIRED, CANCEL, invalid(EXPIRED, CANCEL)),
        row(EXPIRED, SEAT, invalid(EXPIRED, SEAT)),
        row(EXPIRED, FINISH, invalid(EXPIRED, FINISH)),
        row(EXPIRED, NO_SHOW, invalid(EXPIRED, NO_SHOW)),
        row(EXPIRED, EXPIRE, unchanged()),

        row(BookingStatus.NO_SHOW, CONFIRM, invalid(BookingStatus.NO_SHOW, CONFIRM)),
        row(BookingStatus.NO_SHOW, CANCEL, invalid(BookingStatus.NO_SHOW, CANCEL)),
        row(BookingStatus.NO_SHOW, SEAT, invalid(BookingStatus.NO_SHOW, SEAT)),
        row(BookingStatus.NO_SHOW, FINISH, invalid(BookingStatus.NO_SHOW, FINISH)),
        row(BookingStatus.NO_SHOW, NO_SHOW, unchanged()),
        row(BookingStatus.NO_SHOW, EXPIRE, invalid(BookingStatus.NO_SHOW, EXPIRE)));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("table")
  void everyStatusAndAction(BookingStatus from, BookingAction action, Outcome outcome) {
    outcome.check(from, action, Lifecycle.decide(in(from), action, NOW));
  }

  @Test
  void theTableCoversEveryStatusAndActionExactlyOnce() {
    List<Arguments> rows = table().toList();
    Set<String> pairs = new HashSet<>();
    for (Arguments a : rows) {
      assertTrue(pairs.add(a.get()[0] + "+" + a.get()[1]), () -> "twice: " + a.get()[0] + "+" + a.get()[1]);
    }
    assertEquals(BookingStatus.values().length * BookingAction.values().length, pairs.size());
  }

  @Test
  void everyActionLeadsToItsStatusAndEvent() {
    assertEquals(CONFIRMED, CONFIRM.target());
    assertEquals(CANCELLED, CANCEL.target());
    assertEquals(SEATED, SEAT.target());
    assertEquals(FINISHED, FINISH.target());
    assertEquals(BookingStatus.NO_SHOW, NO_SHOW.target());
    assertEquals(EXPIRED, EXPIRE.target());
    assertEquals("booking.no_show", NO_SHOW.eventType());
    assertEquals("booking.expired", EXPIRE.eventType());
  }

  @Nested
  class HoldTime {

    private final Instant expiry = CREATED_PLUS_TEN;
    private final Booking hold = booking().expiresAt(expiry).build();

    @Test
    void confirmingALapsedHoldIsHoldExpiredNamingTheExpiry() {
      Transition t = Lifecycle.decide(hold, CONFIRM, expiry.plusSeconds(1));
      new No(ErrorCode.HOLD_EXPIRED, "the hold expired at " + expiry).check(HELD, CONFIRM, t);
    }

    @Test
    void exactlyAtTheExpiryTheHoldHasLapsed() {
      assertEquals(ErrorCode.HOLD_EXPIRED, assertInstanceOf(Transition.Refused.class,
          Lifecycle.decide(hold, CONFIRM, expiry)).code());
      assertEquals(new Transition.Apply(HELD, EXPIRED), Lifecycle.decide(hold, EXPIRE, expiry));
    }

    @Test
    void aMomentBeforeTheExpiryTheHoldCanBeConfirmedButNotExpired() {
      Instant justBefore = expiry.minusNanos(1);
      assertEquals(new Transition.Apply(HELD, CONFIRMED), Lifecycle.decide(hold, CONFIRM, justBefore));
      Transition t = Lifecycle.decide(hold, EXPIRE, justBefore);
      new No(ErrorCode.INVALID_TRANSITION, "booking is held until " + expiry).check(HELD, EXPIRE, t);
    }

    @Test
    void aLapsedHoldCanBeExpiredLater() {
      assertEquals(new Transition.Apply(HELD, EXPIRED), Lifecycle.decide(hold, EXPIRE, expiry.plus(Duration.ofDays(3))));
    }

    @Test
    void aHoldCanBeCancelledInTimeAndAfterItLapsed() {
      assertEquals(new Transition.Apply(HELD, CANCELLED), Lifecycle.decide(hold, CANCEL, expiry.minusSeconds(1)));
      assertEquals(new Transition.Apply(HELD, CANCELLED), Lifecycle.decide(hold, CANCEL, expiry));
      assertEquals(new Transition.Apply(HELD, CANCELLED), Lifecycle.decide(hold, CANCEL, expiry.plusSeconds(3600)));
    }

    /** The row of a lapsed hold: only cancel and expire remain, confirm says why not. */
    static Stream<Arguments> lapsedHold() {
      return Stream.of(
          row(HELD, CONFIRM, new No(ErrorCode.HOLD_EXPIRED, "the hold expired at")),
          row(HELD, CANCEL, to(CANCELLED)),
          row(HELD, SEAT, invalid(HELD, SEAT)),
          row(HELD, FINISH, invalid(HELD, FINISH)),
          row(HELD, NO_SHOW, invalid(HELD, NO_SHOW)),
          row(HELD, EXPIRE, to(EXPIRED)));
    }

    @ParameterizedTest(name = "lapsed {0} + {1}")
    @MethodSource("lapsedHold")
    void everyActionOnALapsedHold(BookingStatus from, BookingAction action, Outcome outcome) {
      outcome.check(from, action, Lifecycle.decide(hold, action, expiry.plusSeconds(60)));
    }
  }

  private static final Instant CREATED_PLUS_TEN = TestBookings.CREATED.plus(TestBookings.HOLD_TTL);

  @Nested
  class NoShow {

    private final Booking confirmed = booking().status(CONFIRMED).build();

    @Test
    void beforeTheStartANoShowIsRefusedNamingTheStart() {
      Transition t = Lifecycle.decide(confirmed, NO_SHOW, START.minusSeconds(1));
      new No(ErrorCode.INVALID_TRANSITION, "booking is confirmed; a no-show can only be marked once it has started (" + START + ")")
          .check(CONFIRMED, NO_SHOW, t);
    }

    @Test
    void atTheStartAndAfterANoShowIsAllowed() {
      assertEquals(new Transition.Apply(CONFIRMED, BookingStatus.NO_SHOW), Lifecycle.decide(confirmed, NO_SHOW, START));
      assertEquals(new Transition.Apply(CONFIRMED, BookingStatus.NO_SHOW),
          Lifecycle.decide(confirmed, NO_SHOW, START.plus(Duration.ofHours(5))));
    }

    @Test
    void beforeTheStartAConfirmedBookingCanStillBeSeatedAndCancelled() {
      Instant early = START.minus(Duration.ofHours(2));
      assertEquals(new Transition.Apply(CONFIRMED, SEATED), Lifecycle.decide(confirmed, SEAT, early));
      assertEquals(new Transition.Apply(CONFIRMED, CANCELLED), Lifecycle.decide(confirmed, CANCEL, early));
    }
  }

  @Test
  void decideNeedsABookingAnActionAndAClock() {
    Booking b = in(HELD);
    assertThrows(NullPointerException.class, () -> Lifecycle.decide(null, CONFIRM, NOW));
    assertThrows(NullPointerException.class, () -> Lifecycle.decide(b, null, NOW));
    assertThrows(NullPointerException.class, () -> Lifecycle.decide(b, CONFIRM, null));
  }

  @Nested
  class Rescheduling {

    private static final Map<BookingStatus, Outcome> EXPECTED = new EnumMap<>(Map.of(
        HELD, to(HELD),
        CONFIRMED, to(CONFIRMED),
        SEATED, notMovable(SEATED),
        FINISHED, notMovable(FINISHED),
        CANCELLED, notMovable(CANCELLED),
        EXPIRED, new No(ErrorCode.HOLD_EXPIRED, "booking is expired: the hold expired at"),
        BookingStatus.NO_SHOW, notMovable(BookingStatus.NO_SHOW)));

    private static Outcome notMovable(BookingStatus status) {
      return new No(ErrorCode.INVALID_TRANSITION,
          "booking is " + status.wire() + "; only held and confirmed bookings can be rescheduled");
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void everyStatusAtATimeTheHoldIsInTime(BookingStatus status) {
      assertTrue(EXPECTED.containsKey(status), "no expectation for " + status);
      EXPECTED.get(status).check(status, null, Lifecycle.reschedule(in(status), NOW));
    }

    @Test
    void aLapsedHoldCannotMove() {
      Booking hold = in(HELD);
      new No(ErrorCode.HOLD_EXPIRED, "the hold expired at " + HOLD_UNTIL).check(HELD, null,
          Lifecycle.reschedule(hold, HOLD_UNTIL));
      new No(ErrorCode.HOLD_EXPIRED, "the hold expired at " + HOLD_UNTIL).check(HELD, null,
          Lifecycle.reschedule(hold, HOLD_UNTIL.plusSeconds(1)));
      assertEquals(new Transition.Apply(HELD, HELD), Lifecycle.reschedule(hold, HOLD_UNTIL.minusMillis(1)));
    }

    @Test
    void aConfirmedBookingCanMoveEvenAfterItsStart() {
      assertEquals(new Transition.Apply(CONFIRMED, CONFIRMED),
          Lifecycle.reschedule(in(CONFIRMED), START.plus(Duration.ofHours(1))));
    }
  }
}
