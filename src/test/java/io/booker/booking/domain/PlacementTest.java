package io.booker.booking.domain;

import static io.booker.booking.domain.TestBookings.A;
import static io.booker.booking.domain.TestBookings.B;
import static io.booker.booking.domain.TestBookings.SLOT;
import static io.booker.booking.domain.TestBookings.TABLE_A;
import static io.booker.booking.domain.TestBookings.TABLE_B;
import static io.booker.booking.domain.TestBookings.VENUE;
import static io.booker.booking.domain.TestBookings.placement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Placement, and the SLOT_TAKEN message made from it. */
class PlacementTest {

  private final Placement pair = placement(SLOT, A, B);

  @Test
  void tablesAreNamedByTheirNames() {
    assertEquals(List.of(TABLE_A, TABLE_B), pair.tableIds());
    assertEquals("A1", pair.nameOf(TABLE_A));
    assertEquals("B2", pair.nameOf(TABLE_B));
    UUID stranger = UUID.randomUUID();
    assertEquals(stranger.toString(), pair.nameOf(stranger));
  }

  @Test
  void oneNamePerTable() {
    assertThrows(IllegalArgumentException.class,
        () -> new Placement(VENUE, List.of(A, B), List.of("A1"), SLOT, TestBookings.periodOf(SLOT)));
    assertThrows(IllegalArgumentException.class,
        () -> new Placement(VENUE, List.of(), List.of(), SLOT, TestBookings.periodOf(SLOT)));
  }

  @Test
  void slotTakenNamesTheTableByNameAndTheSlot() {
    SlotTaken e = SlotTaken.of(pair, TABLE_B);
    assertEquals(ErrorCode.SLOT_TAKEN, e.code());
    assertEquals(TABLE_B, e.tableId());
    assertEquals("table B2 is already booked at 2025-06-03 19:00 for an overlapping time", e.getMessage());
    assertFalse(e.getMessage().contains(TABLE_B.toString()));
  }

  @Test
  void slotTakenWithoutATableNamesEveryTableOfThePlacement() {
    SlotTaken e = SlotTaken.of(pair, null);
    assertTrue(e.getMessage().startsWith("table A1 or B2 is already booked"), e.getMessage());
    assertEquals(null, e.tableId());
  }
}
