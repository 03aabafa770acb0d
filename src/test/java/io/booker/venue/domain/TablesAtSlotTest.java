package io.booker.venue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TablesAtSlotTest {

  static final List<TableCandidate> VENUE = List.of(
      new TableCandidate("t1", "r1", "A1", 2, false), new TableCandidate("t2", "r1", "A2", 4, true));
  static final Instant AT = Instant.parse("2030-01-01T12:00:00Z");
  static final SlotCheck OPEN = new SlotCheck(SlotCheck.Verdict.OPEN, "", AT, AT.plusSeconds(3600));

  @Test
  void everyAskedTableMustBeOneOfTheVenues() {
    TablesAtSlot.requireKnown(List.of("t2", "t1", "t2"), VENUE);
    ServiceException e = assertThrows(ServiceException.class, () -> TablesAtSlot.requireKnown(List.of("t1", "x9"), VENUE));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals("table x9 not found in this venue", e.getMessage());
  }

  @Test
  void anOpenSlotAnswersFreeOrBookedInTheAskedOrder() {
    assertEquals(List.of(new TablesAtSlot.Answer("t2", true, ""), new TablesAtSlot.Answer("t1", false, TablesAtSlot.BOOKED)),
        TablesAtSlot.answer(List.of("t2", "t1"), OPEN, Set.of("t2")));
  }

  @Test
  void aSlotTheHoursOrTheClockRefuseMakesEveryTableUnavailableWithItsReason() {
    SlotCheck past = new SlotCheck(SlotCheck.Verdict.IN_THE_PAST, "in the past", AT, AT.plusSeconds(3600));
    assertEquals(List.of(new TablesAtSlot.Answer("t1", false, "in the past"), new TablesAtSlot.Answer("t2", false, "in the past")),
        TablesAtSlot.answer(List.of("t1", "t2"), past, Set.of("t1", "t2")));
    SlotCheck gap = new SlotCheck(SlotCheck.Verdict.TIME_DOES_NOT_EXIST, "time 02:30 does not exist", null, null);
    assertEquals(List.of(new TablesAtSlot.Answer("t1", false, "time 02:30 does not exist")),
        TablesAtSlot.answer(List.of("t1"), gap, Set.of("t1")));
  }
}
