package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.ResolvedSlot;
import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.TableOffer;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.seating.BookingWindowText;
import io.booker.venue.domain.seating.PacingText;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.booker.venue.domain.seating.ServicePeriodText;
import io.booker.venue.domain.seating.TurnTimeText;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The seating rules where a booking is checked: a slot without a duration lasts the party's turn
 * time, the booking window is a 400 naming its limit, and a start in a paced period carries its
 * pacing window to the booking service. A venue without rules behaves as before.
 */
class SeatingAtWorkTest {

  private final Fakes f = new Fakes();

  /** Turn times 2 → 90, 4 → 120, larger → 180; dinner 18:00-23:00 paced by 15 minutes; bookable 30 days ahead with 60 minutes' notice. */
  private void dinnerRules() {
    SeatingRules rules = SeatingRules.parse(new SeatingRulesText(
      List.of(new TurnTimeText(2, 90, List.of(), null), new TurnTimeText(4, 120, List.of(), null), new TurnTimeText(null, 180, List.of(), null)),
      List.of(new ServicePeriodText("Dinner", List.of(0, 1, 2, 3, 4, 5, 6), "18:00", "23:00", "21:30", 15, new PacingText(15, 6, 24))),
      new BookingWindowText(60, 60)));
    UUID a = UUID.fromString(A);
    AvailabilitySnapshot plain = f.availability.venues.get(a);
    f.availability.venues.put(a, new AvailabilitySnapshot(plain.zone(), plain.weekly(), plain.specialDays(), plain.tables(), rules));
  }

  private Future<ResolvedSlot> resolve(String date, String start, int minutes, int party) {
    return f.free.resolveBookingSlot(ADMIN, A, new TableRefText(TABLE, ""), null, new SlotText(date, start, minutes), party);
  }

  private Future<List<TableOffer>> check(String date, String start, int minutes, int party) {
    return f.free.checkAvailability(ADMIN, A, new SlotText(date, start, minutes), party, false, 0);
  }

  @Test
  void withoutRulesASlotWithoutDurationLastsTheDefaultAndCarriesNoPacing() {
    ResolvedSlot r = succeeded(resolve(DATE, "19:00", 0, 4));
    assertEquals(120, r.durationMinutes());
    assertNull(r.pacing());
  }

  @Test
  void aSlotWithoutDurationLastsThePartysTurnTimeAndAnExplicitDurationWins() {
    dinnerRules();
    assertEquals(90, succeeded(resolve(DATE, "19:00", 0, 2)).durationMinutes());
    assertEquals(120, succeeded(resolve(DATE, "19:00", 0, 3)).durationMinutes());
    assertEquals(60, succeeded(resolve(DATE, "19:00", 60, 2)).durationMinutes());
    assertTrue(f.bookings.frees.isEmpty(), "resolving asks the booking service nothing");

    succeeded(check(DATE, "19:00", 0, 2));
    assertEquals(90, f.bookings.frees.get(0).durationMinutes(), "availability asks for the turn time");
  }

  @Test
  void aStartInAPacedPeriodCarriesItsWindowAndOneOutsideCarriesNone() {
    dinnerRules();
    ResolvedSlot r = succeeded(resolve(DATE, "19:05", 0, 2));
    assertNotNull(r.pacing());
    // Paris is UTC+2 on 1 June: the 19:00-19:15 window.
    assertEquals(Instant.parse("2031-06-01T17:00:00Z"), r.pacing().from());
    assertEquals(Instant.parse("2031-06-01T17:15:00Z"), r.pacing().to());
    assertEquals(6, r.pacing().pacing().maxParties());
    assertNull(succeeded(resolve(DATE, "13:00", 0, 2)).pacing(), "lunch time is in no period");
  }

  @Test
  void outsideTheBookingWindowIsA400NamingTheLimit() {
    dinnerRules();
    // NOW is 2031-05-01T10:00Z (12:00 in Paris): 60 days ahead is 30 June.
    ServiceException far = failed(ErrorCode.INVALID_ARGUMENT, resolve("2031-07-01", "19:00", 0, 2));
    assertTrue(far.getMessage().startsWith("slot: "), far.getMessage());
    assertTrue(far.getMessage().contains("60 days"), far.getMessage());
    ServiceException soon = failed(ErrorCode.INVALID_ARGUMENT, resolve("2031-05-01", "12:30", 0, 2));
    assertTrue(soon.getMessage().contains("60 minutes"), soon.getMessage());
    failed(ErrorCode.INVALID_ARGUMENT, check("2031-07-01", "19:00", 0, 2));
    succeeded(resolve("2031-06-30", "19:00", 0, 2));
  }
}
