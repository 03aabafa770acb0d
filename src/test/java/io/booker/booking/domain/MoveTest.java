package io.booker.booking.domain;

import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.ROOM;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.TABLE_C;
import static io.booker.booking.domain.TestBookings.booking;
import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoveTest {

  private static final BookingSlot LATER = TestBookings.slot("2025-06-03", "21:00", 90);
  private final Booking single = booking().tables(A).build();
  private final Booking pair = booking().tables(A, B).build();

  @Test
  void aMoveNeedsANewSlotOrTable() {
    assertInvalid("slot", () -> new Move(null, null, null));
  }

  @Test
  void aMergedTableNeedsTheTableItIsMergedWith() {
    assertInvalid("table", () -> new Move(SLOT, null, new TableRequest(TABLE_B, null)));
    assertInvalid("table", () -> new Move(null, null, new TableRequest(TABLE_B, null)));
  }

  @Test
  void aNewSlotKeepsTheTablesAsTheyAre() {
    Move move = new Move(LATER, null, null);
    assertEquals(LATER, move.slotFor(pair));
    assertEquals(new TableRequest(TABLE_A, ROOM), move.tableFor(pair));
    assertEquals(new TableRequest(TABLE_B, ROOM), move.mergedFor(pair), "a merged pair stays a pair");
    assertEquals(new TableRequest(TABLE_A, ROOM), move.tableFor(single));
    assertNull(move.mergedFor(single), "a single table stays single");
  }

  @Test
  void aNewTableKeepsTheSlot() {
    Move move = new Move(null, new TableRequest(TABLE_C, null), null);
    assertEquals(SLOT, move.slotFor(pair));
    assertEquals(new TableRequest(TABLE_C, null), move.tableFor(pair));
    assertNull(move.mergedFor(pair), "a table without merged_with_table books that table alone");
  }

  @Test
  void aNewPairReplacesTheTables() {
    Move move = new Move(LATER, new TableRequest(TABLE_C, null), new TableRequest(TABLE_B, ROOM));
    assertEquals(LATER, move.slotFor(single));
    assertEquals(new TableRequest(TABLE_C, null), move.tableFor(single));
    assertEquals(new TableRequest(TABLE_B, ROOM), move.mergedFor(single));
  }

  private static final UUID COMBINATION = UUID.fromString("40000000-0000-4000-8000-000000000001");

  @Test
  void aCombinationReplacesTheTablesAndExcludesATable() {
    Move move = new Move(null, null, null, COMBINATION);
    assertEquals(COMBINATION, move.combinationFor(pair));
    assertNull(move.tableFor(pair));
    assertNull(move.mergedFor(pair));
    assertEquals(SLOT, move.slotFor(pair));
    assertInvalid("combination_id", () -> new Move(LATER, new TableRequest(TABLE_C, null), null, COMBINATION));
  }

  @Test
  void aNewSlotKeepsABookingsCombinationAndANewTableLeavesIt() {
    Booking onCombination = booking().tables(A, B).build();
    onCombination = new Booking(onCombination.id(), onCombination.venueId(), onCombination.tables(), onCombination.slot(),
        onCombination.period(), onCombination.partySize(), onCombination.guest(), onCombination.comment(), onCombination.status(),
        onCombination.version(), onCombination.adminId(), onCombination.expiresAt(), onCombination.createdAt(),
        onCombination.updatedAt(), onCombination.cancelReason(), COMBINATION);
    Move later = new Move(LATER, null, null);
    assertEquals(COMBINATION, later.combinationFor(onCombination));
    assertNull(later.tableFor(onCombination), "the venue places the combination's tables again");
    Move elsewhere = new Move(null, new TableRequest(TABLE_C, null), null);
    assertNull(elsewhere.combinationFor(onCombination));
    assertEquals(new TableRequest(TABLE_C, null), elsewhere.tableFor(onCombination));
    assertNull(later.combinationFor(pair), "a pair is no combination");
  }
}
