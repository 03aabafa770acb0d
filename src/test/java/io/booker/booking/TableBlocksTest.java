package io.booker.booking;

import io.booker.booking.domain.Block;
import io.booker.booking.domain.BlockTime;
import io.booker.booking.domain.Booking;
import io.booker.booking.domain.BookingStatus;
import io.booker.booking.domain.Guest;
import io.booker.booking.domain.Move;
import io.booker.booking.domain.NewBlock;
import io.booker.booking.domain.NewBooking;
import io.booker.booking.domain.Period;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.TestBookings;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.booker.booking.Fakes.ADMIN;
import static io.booker.booking.Fakes.HOST;
import static io.booker.booking.Fakes.MANAGER;
import static io.booker.booking.Fakes.STRANGER;
import static io.booker.booking.Fakes.failed;
import static io.booker.booking.Fakes.succeeded;
import static io.booker.booking.domain.TestBookings.OTHER_ROOM;
import static io.booker.booking.domain.TestBookings.ROOM;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.TABLE_C;
import static io.booker.booking.domain.TestBookings.TABLE_D;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.booking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocked tables over the fakes: who may make, read and remove them, the tables and time a request
 * resolves to, and the overlap flag.
 */
class TableBlocksTest {

  private static final LocalDate DAY = TestBookings.SLOT.date();
  /** 19:00-21:00 in Berlin on the test day: the very time of the default booking. */
  private static final BlockTime EVENING = new BlockTime.Local(DAY, LocalTime.of(19, 0), LocalTime.of(21, 0));
  /** The afternoon before it: overlaps nothing. */
  private static final BlockTime AFTERNOON = new BlockTime.Local(DAY, LocalTime.of(14, 0), LocalTime.of(17, 0));

  private final Fakes f = new Fakes();

  private static NewBlock tables(BlockTime time, boolean allowOverlap, UUID... tables) {
    return new NewBlock(VENUE, null, List.of(tables), time, "private event", allowOverlap);
  }

  private Block stored(BlockTime time, UUID... tables) {
    return f.blocks.put(Block.of(UUID.randomUUID(), tables(time, false, tables), List.of(tables), time.in(TestBookings.ZONE),
      "manager-3", TestBookings.CREATED));
  }

  @Nested
  class Create {

    @Test
    void aManagerBlocksTablesOfTheVenueAtItsLocalTime() {
      BlockStore.Created created = succeeded(f.tableBlocks.create(MANAGER, tables(AFTERNOON, false, TABLE_B, TABLE_A)));

      Block k = created.block().orElseThrow();
      assertEquals(VENUE, k.venueId());
      assertNull(k.roomId());
      assertEquals(List.of(TABLE_A, TABLE_B), k.tableIds());
      assertEquals(new Period(Instant.parse("2025-06-03T12:00:00Z"), Instant.parse("2025-06-03T15:00:00Z")), k.period());
      assertEquals("private event", k.reason());
      assertEquals("manager-3", k.createdBy(), "the author is the caller");
      assertEquals(f.store.now, k.createdAt(), "stamped by the store's clock");
      assertEquals(List.of(), created.overlapping());
      assertEquals(1, f.eventsWritten.get(), "its event was written: the relay is kicked");
      assertEquals(List.of(new FakeBlockStore.CreateCall(f.blocks.creates.get(0).draft(), false)), f.blocks.creates);
    }

    @Test
    void aRoomTakesItsTablesAndIsRemembered() {
      Block k = succeeded(f.tableBlocks.create(ADMIN, new NewBlock(VENUE, ROOM, null, AFTERNOON, "wedding", false))).block().orElseThrow();
      assertEquals(ROOM, k.roomId());
      assertEquals(List.of(TABLE_A, TABLE_B, TABLE_C), k.tableIds());
      Block other = succeeded(f.tableBlocks.create(ADMIN, new NewBlock(VENUE, OTHER_ROOM, null, AFTERNOON, "painting", false)))
        .block().orElseThrow();
      assertEquals(List.of(TABLE_D), other.tableIds());
    }

    @Test
    void overActiveBookingsItIsRefusedNamingThemAndNothingIsWritten() {
      Booking held = f.store.put(booking().build());
      Booking confirmed = f.store.put(booking().tables(TestBookings.B).status(BookingStatus.CONFIRMED).version(2).build());
      f.store.put(booking().tables(TestBookings.C).status(BookingStatus.CANCELLED).version(2).build());

      ServiceException e = failed(ErrorCode.BLOCK_OVERLAPS_BOOKINGS, f.tableBlocks.create(MANAGER, tables(EVENING, false, TABLE_A, TABLE_B, TABLE_C)));

      List<UUID> ids = List.of(held.id(), confirmed.id()).stream().sorted().toList();
      assertEquals("the block overlaps 2 active bookings: " + ids.get(0) + ", " + ids.get(1) + "; send allow_overlap: true to block anyway",
        e.getMessage());
      assertTrue(f.store.blocks.isEmpty());
      assertEquals(0, f.eventsWritten.get());
    }

    @Test
    void withTheFlagItIsMadeAndListsTheBookingsItOverlaps() {
      Booking held = f.store.put(booking().build());
      f.store.put(booking().tables(TestBookings.B).status(BookingStatus.FINISHED).version(3).build());

      BlockStore.Created created = succeeded(f.tableBlocks.create(MANAGER, tables(EVENING, true, TABLE_A, TABLE_B)));

      assertTrue(created.block().isPresent());
      assertEquals(List.of(held.id()), created.overlapping(), "a finished booking is not active");
      assertEquals(1, f.store.blocks.size());
      assertTrue(f.blocks.creates.get(0).allowOverlap());
      assertEquals(held, f.store.get(held.id()), "the bookings stay as they are");
    }

    @Test
    void aLapsedHoldIsNoOverlap() {
      Booking lapsed = f.store.put(booking().build());
      f.store.now = lapsed.expiresAt().plusSeconds(1);

      assertEquals(List.of(), succeeded(f.tableBlocks.create(MANAGER, tables(EVENING, false, TABLE_A))).overlapping());
    }

    @Test
    void aHostMayNotAndAStrangerFindsNoVenueBeforeAnythingIsAsked() {
      assertEquals("your role (host) may not do this",
        failed(ErrorCode.PERMISSION_DENIED, f.tableBlocks.create(HOST, tables(AFTERNOON, false, TABLE_A))).getMessage());
      assertEquals("venue " + VENUE + " not found",
        failed(ErrorCode.NOT_FOUND, f.tableBlocks.create(STRANGER, tables(AFTERNOON, false, TABLE_A))).getMessage());
      assertTrue(f.venues.tablesAsked.isEmpty());
      assertTrue(f.blocks.creates.isEmpty());
    }

    @Test
    void aTableOfAnotherVenueIsNotFoundAndTheVenuesRefusalIsPassedOn() {
      UUID elsewhere = UUID.randomUUID();
      failed(ErrorCode.NOT_FOUND, f.tableBlocks.create(MANAGER, tables(AFTERNOON, false, TABLE_A, elsewhere)));
      f.venues.failure = new ServiceException(ErrorCode.UNAVAILABLE, "venue service unavailable");
      failed(ErrorCode.UNAVAILABLE, f.tableBlocks.create(MANAGER, tables(AFTERNOON, false, TABLE_A)));
      assertTrue(f.blocks.creates.isEmpty());
    }
  }

  @Nested
  class Read {

    @Test
    void aHostReadsTheVenuesBlocksOfADayInItsZone() {
      Block evening = stored(EVENING, TABLE_A);
      stored(new BlockTime.Local(DAY.plusDays(1), LocalTime.of(19, 0), LocalTime.of(21, 0)), TABLE_A);

      assertEquals(List.of(evening), succeeded(f.tableBlocks.listDay(HOST, VENUE, DAY)));
      assertEquals(List.of(new Period(Instant.parse("2025-06-02T22:00:00Z"), Instant.parse("2025-06-03T22:00:00Z"))), f.blocks.lists);
    }

    @Test
    void withoutARangeTheStoreAnswersTheBlocksToCome() {
      Block evening = stored(EVENING, TABLE_A);
      assertEquals(List.of(evening), succeeded(f.tableBlocks.list(HOST, VENUE, null)));
      assertEquals(1, f.blocks.lists.size());
      assertNull(f.blocks.lists.get(0));
      assertEquals(List.of(VENUE), f.venues.tablesAsked, "the venue is asked whether it exists");
    }

    @Test
    void aVenueThatDoesNotExistIsNotFoundNotEmpty() {
      UUID gone = UUID.randomUUID();
      assertEquals("venue " + gone + " not found", failed(ErrorCode.NOT_FOUND, f.tableBlocks.list(ADMIN, gone, null)).getMessage());
      assertTrue(f.blocks.lists.isEmpty());
    }

    @Test
    void aStrangerFindsNoVenue() {
      stored(EVENING, TABLE_A);
      failed(ErrorCode.NOT_FOUND, f.tableBlocks.list(STRANGER, VENUE, null));
      failed(ErrorCode.NOT_FOUND, f.tableBlocks.listDay(STRANGER, VENUE, DAY));
      assertTrue(f.blocks.lists.isEmpty());
      assertTrue(f.venues.tablesAsked.isEmpty());
    }
  }

  @Nested
  class Delete {

    @Test
    void aManagerRemovesABlockForGood() {
      Block k = stored(EVENING, TABLE_A);
      succeeded(f.tableBlocks.delete(MANAGER, k.id()));
      assertTrue(f.store.blocks.isEmpty());
      assertEquals(List.of(new FakeBlockStore.DeleteCall(k.id(), "manager-3")), f.blocks.deletes);
      assertEquals(1, f.eventsWritten.get());
      assertEquals("block " + k.id() + " not found", failed(ErrorCode.NOT_FOUND, f.tableBlocks.delete(MANAGER, k.id())).getMessage());
    }

    @Test
    void aHostMayNotAndToAStrangerTheBlockDoesNotExist() {
      Block k = stored(EVENING, TABLE_A);
      failed(ErrorCode.PERMISSION_DENIED, f.tableBlocks.delete(HOST, k.id()));
      assertEquals("block " + k.id() + " not found", failed(ErrorCode.NOT_FOUND, f.tableBlocks.delete(STRANGER, k.id())).getMessage());
      assertTrue(f.blocks.deletes.isEmpty());
      assertFalse(f.store.blocks.isEmpty());
      assertEquals(0, f.eventsWritten.get());
    }
  }

  @Nested
  class Enforcement {

    @Test
    void aBookingOfABlockedTableIsRefusedNeutrallyAndItsHoldGivenBack() {
      stored(new BlockTime.Local(DAY, LocalTime.of(20, 0), LocalTime.of(23, 0)), TABLE_A);

      ServiceException e = failed(ErrorCode.TABLE_BLOCKED, f.create.create(HOST, tableA(), null));

      assertEquals("table A1 is blocked from 20:00 to 23:00", e.getMessage());
      assertFalse(e.getMessage().contains("private event"), "the reason is for staff only");
      assertTrue(f.holds.redis.isEmpty(), "the hold taken is given back");
      assertEquals(1, f.holds.releases.size());
      assertEquals(0, f.eventsWritten.get());
      assertTrue(f.store.bookings.isEmpty());
    }

    @Test
    void aMoveOntoABlockedTableIsRefusedAndTheBookingStaysAsItWas() {
      Booking b = f.store.put(booking().status(BookingStatus.CONFIRMED).version(2).build());
      stored(EVENING, TABLE_B);

      ServiceException e = failed(ErrorCode.TABLE_BLOCKED, f.reschedule.reschedule(HOST, b.id(),
        new Move(null, new TableRequest(TABLE_B, null), null), null));

      assertEquals("table B2 is blocked from 19:00 to 21:00", e.getMessage());
      assertEquals(b, f.store.get(b.id()));
      assertEquals(0, f.eventsWritten.get());
    }

    @Test
    void availabilitySaysABlockedTableIsNotFreeAndABookedOneIsBooked() {
      stored(EVENING, TABLE_B);
      f.store.put(booking().status(BookingStatus.CONFIRMED).version(2).build());
      Period slot = TestBookings.periodOf(TestBookings.SLOT);

      assertEquals(Map.of(TABLE_A, BookingStore.Occupancy.BOOKED, TABLE_B, BookingStore.Occupancy.BLOCKED),
        succeeded(f.queries.occupied(HOST, VENUE, new UUID[] {TABLE_A, TABLE_B, TABLE_C}, slot.start(), slot.end())));
      assertEquals(Map.of(), succeeded(f.queries.occupied(HOST, VENUE, new UUID[] {TABLE_B},
        slot.end(), slot.end().plusSeconds(3600))), "after the block, the table is free");
    }
  }

  /** Table A1 for the test slot, four guests. */
  private static NewBooking tableA() {
    return new NewBooking(VENUE, new TableRequest(TABLE_A, null), null, TestBookings.SLOT, 4, new Guest("Ada Lovelace", "", ""), "", "");
  }
}
