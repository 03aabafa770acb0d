package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.booker.booking.domain.TestBookings.OTHER_ROOM;
import static io.booker.booking.domain.TestBookings.ROOM;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.TABLE_C;
import static io.booker.booking.domain.TestBookings.TABLE_D;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of blocked tables: their time, their request, the tables they take, and the message of a refusal. */
class BlockTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 3);
  private static final BlockTime EVENING = new BlockTime.Local(DAY, LocalTime.of(19, 0), LocalTime.of(21, 0));

  private static ServiceException invalid(String message, org.junit.jupiter.api.function.Executable e) {
    ServiceException ex = assertThrows(ServiceException.class, e);
    assertEquals(ErrorCode.INVALID_ARGUMENT, ex.code(), ex::getMessage);
    assertEquals(message, ex.getMessage());
    return ex;
  }

  @Nested
  class Time {

    @Test
    void aLocalRangeIsPlacedInTheVenuesZone() {
      assertEquals(new Period(Instant.parse("2025-06-03T17:00:00Z"), Instant.parse("2025-06-03T19:00:00Z")), EVENING.in(ZONE));
      assertEquals(new Period(Instant.parse("2025-06-03T19:00:00Z"), Instant.parse("2025-06-03T21:00:00Z")),
        EVENING.in(ZoneId.of("UTC")));
    }

    @Test
    void anEndAtOrBeforeTheStartIsOnTheNextDay() {
      Period overnight = new BlockTime.Local(DAY, LocalTime.of(18, 0), LocalTime.of(2, 0)).in(ZONE);
      assertEquals(Instant.parse("2025-06-03T16:00:00Z"), overnight.start());
      assertEquals(Instant.parse("2025-06-04T00:00:00Z"), overnight.end());
      Period wholeDay = new BlockTime.Local(DAY, LocalTime.of(12, 0), LocalTime.of(12, 0)).in(ZONE);
      assertEquals(Duration.ofHours(24), Duration.between(wholeDay.start(), wholeDay.end()));
    }

    @Test
    void aNightWhenTheClocksGoBackLastsAnHourLonger() {
      // Berlin leaves summer time on 26 October 2025 at 03:00: 22:00-06:00 is nine hours.
      Period night = new BlockTime.Local(LocalDate.of(2025, 10, 25), LocalTime.of(22, 0), LocalTime.of(6, 0)).in(ZONE);
      assertEquals(Duration.ofHours(9), Duration.between(night.start(), night.end()));
    }

    @Test
    void aRealRangeMustEndAfterItStartsAndLastAtMost31Days() {
      Instant from = Instant.parse("2025-06-03T17:00:00Z");
      invalid("to: must be after from", () -> new BlockTime.Absolute(from, from));
      invalid("to: must be after from", () -> new BlockTime.Absolute(from, from.minusSeconds(1)));
      invalid("to: must be at most 31 days after from", () -> new BlockTime.Absolute(from, from.plus(Duration.ofDays(31)).plusSeconds(1)));
      BlockTime month = new BlockTime.Absolute(from, from.plus(Duration.ofDays(31)));
      assertEquals(new Period(from, from.plus(Duration.ofDays(31))), month.in(ZONE), "the zone does not move a real range");
    }
  }

  @Nested
  class Request {

    @Test
    void namesTablesOrARoomNeverBothNorNeither() {
      invalid("table_ids: give table_ids or room_id, not both", () -> new NewBlock(VENUE, ROOM, List.of(TABLE_A), EVENING, "x", false));
      invalid("table_ids: table_ids or room_id is required", () -> new NewBlock(VENUE, null, List.of(), EVENING, "x", false));
      invalid("table_ids: must not name a table twice", () -> new NewBlock(VENUE, null, List.of(TABLE_A, TABLE_A), EVENING, "x", false));
      assertEquals(ROOM, new NewBlock(VENUE, ROOM, null, EVENING, "x", false).roomId());
    }

    @Test
    void theReasonIsOneTo200CharactersOnOneLineTrimmed() {
      assertEquals("broken chair", new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "  broken chair \t", false).reason());
      invalid("reason: is required", () -> new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "   ", false));
      assertEquals(200, new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "r".repeat(200), false).reason().length());
      ServiceException tooLong = assertThrows(ServiceException.class,
        () -> new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "r".repeat(201), false));
      assertTrue(tooLong.getMessage().startsWith("reason: "), tooLong.getMessage());
      ServiceException control = assertThrows(ServiceException.class,
        () -> new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "private\u0000event", false));
      assertTrue(control.getMessage().startsWith("reason: "), control.getMessage());
    }
  }

  @Nested
  class Tables {

    private final VenueTables venue = new VenueTables(ZONE, Set.of(ROOM, OTHER_ROOM, EMPTY),
      Map.of(TABLE_C, ROOM, TABLE_A, ROOM, TABLE_B, ROOM, TABLE_D, OTHER_ROOM));

    private static final UUID EMPTY = UUID.fromString("20000000-0000-4000-8000-000000000003");

    @Test
    void namedTablesMustBeTheVenuesAndAreTakenInIdOrder() {
      assertEquals(List.of(TABLE_A, TABLE_D), venue.tablesFor(new NewBlock(VENUE, null, List.of(TABLE_D, TABLE_A), EVENING, "x", false)));
      UUID elsewhere = UUID.randomUUID();
      ServiceException e = assertThrows(ServiceException.class,
        () -> venue.tablesFor(new NewBlock(VENUE, null, List.of(TABLE_A, elsewhere), EVENING, "x", false)));
      assertEquals(ErrorCode.NOT_FOUND, e.code());
      assertEquals("table " + elsewhere + " not found", e.getMessage());
    }

    @Test
    void aRoomTakesEveryTableItHasNow() {
      assertEquals(List.of(TABLE_A, TABLE_B, TABLE_C), venue.tablesFor(new NewBlock(VENUE, ROOM, null, EVENING, "x", false)));
      assertEquals(List.of(TABLE_D), venue.tablesFor(new NewBlock(VENUE, OTHER_ROOM, null, EVENING, "x", false)));
    }

    @Test
    void anotherVenuesRoomIsNotFoundAndAnEmptyRoomHasNothingToBlock() {
      UUID elsewhere = UUID.randomUUID();
      ServiceException e = assertThrows(ServiceException.class,
        () -> venue.tablesFor(new NewBlock(VENUE, elsewhere, null, EVENING, "x", false)));
      assertEquals(ErrorCode.NOT_FOUND, e.code());
      assertEquals("room " + elsewhere + " not found", e.getMessage());
      invalid("room_id: the room has no tables to block", () -> venue.tablesFor(new NewBlock(VENUE, EMPTY, null, EVENING, "x", false)));
    }
  }

  @Nested
  class Refusal {

    private final Placement evening = TestBookings.placement(TestBookings.SLOT, TestBookings.B);

    @Test
    void namesTheTableAndTheBlocksTimeInTheVenuesClockNeverItsReason() {
      Period blocked = new BlockTime.Local(DAY, LocalTime.of(20, 0), LocalTime.of(22, 30)).in(ZONE);
      TableBlocked e = TableBlocked.of(evening, TABLE_B, blocked);
      assertEquals(ErrorCode.TABLE_BLOCKED, e.code());
      assertEquals("table B2 is blocked from 20:00 to 22:30", e.getMessage());
      assertEquals(TABLE_B, e.tableId());
      assertEquals(blocked, e.blocked());
    }

    @Test
    void aBlockBeyondTheSlotsDayIsToldWithItsDates() {
      Period overnight = new BlockTime.Local(DAY, LocalTime.of(18, 0), LocalTime.of(2, 0)).in(ZONE);
      assertEquals("table B2 is blocked from 2025-06-03 18:00 to 2025-06-04 02:00",
        TableBlocked.of(evening, TABLE_B, overnight).getMessage());
    }
  }

  @Test
  void aBlockOverlapsAPeriodThatSharesTimeWithIt() {
    Block k = Block.of(UUID.randomUUID(), new NewBlock(VENUE, null, List.of(TABLE_A), EVENING, "x", false), List.of(TABLE_A),
      EVENING.in(ZONE), "manager-3", Instant.EPOCH);
    Period slot = TestBookings.periodOf(TestBookings.SLOT);
    assertTrue(k.overlaps(slot));
    assertFalse(k.overlaps(new Period(k.period().end(), k.period().end().plusSeconds(60))), "[start, end): touching is not overlapping");
    assertFalse(k.overlaps(new Period(k.period().start().minusSeconds(60), k.period().start())));
  }
}
