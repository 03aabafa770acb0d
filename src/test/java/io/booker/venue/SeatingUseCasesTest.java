package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.seating.BookingWindowText;
import io.booker.venue.domain.seating.PacingText;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.booker.venue.domain.seating.ServicePeriodText;
import io.booker.venue.domain.seating.TurnTimeText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

/** The seating rules document: who reads and replaces it, validation before any write, the event of a change. */
class SeatingUseCasesTest {

  private static final UUID VENUE_A = UUID.fromString(A);

  private final Fakes f = new Fakes();

  static SeatingRulesText dinner(int maxParties) {
    return new SeatingRulesText(
      List.of(new TurnTimeText(2, 90, List.of(), null), new TurnTimeText(4, 120, List.of(), null), new TurnTimeText(null, 180, List.of(), null)),
      List.of(new ServicePeriodText("Dinner", List.of(0, 1, 2, 3, 4, 5, 6), "18:00", "23:00", "21:30", 15,
        new PacingText(15, maxParties, 24))),
      new BookingWindowText(90, 0));
  }

  @Test
  void aVenueWithoutRulesAnswersNone() {
    SeatingStore.Stored stored = succeeded(f.seatingRules.get(HOST_A, A));
    assertEquals(SeatingRules.NONE, stored.rules());
    assertNull(stored.updatedAt());
  }

  @Test
  void aManagerReplacesTheRulesAndTheChangeIsAnnounced() {
    SeatingStore.Stored written = succeeded(f.seatingRules.replace(MANAGER_A, A, dinner(6)));
    assertEquals(NOW, written.updatedAt());
    assertEquals(OptionalInt.of(120), written.rules().turnMinutes(3, 5, null));
    assertEquals(written, succeeded(f.seatingRules.get(HOST_A, A)));
    assertEquals(1, f.seating.outbox.size());
    assertEquals(VenueEvents.SCHEDULE_UPDATED, f.seating.outbox.get(0).eventType());
    assertEquals(A, f.seating.outbox.get(0).aggregateId());
    assertEquals(1, f.eventsWritten.get(), "the relay is told once the change committed");
  }

  @Test
  void hostsReadButDoNotEditAndOtherVenuesStaffDoNotKnowTheVenue() {
    ServiceException denied = failed(ErrorCode.PERMISSION_DENIED, () -> f.seatingRules.replace(HOST_A, A, dinner(6)));
    assertFalse(denied.getMessage().isBlank());
    ServiceException missing = failed(ErrorCode.NOT_FOUND, () -> f.seatingRules.replace(MANAGER_B, A, dinner(6)));
    assertEquals(ServiceException.notFound("venue", A).getMessage(), missing.getMessage());
    failed(ErrorCode.NOT_FOUND, () -> f.seatingRules.get(HOST_B, A));
    assertEquals(List.of(), f.seating.calls, "access is decided before the store is asked");
  }

  @Test
  void anInvalidDocumentIsRefusedNamingTheFieldAndWritesNothing() {
    SeatingRulesText late = new SeatingRulesText(List.of(),
      List.of(new ServicePeriodText("Dinner", List.of(5), "18:00", "23:00", "23:30", 15, null)), null);
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, () -> f.seatingRules.replace(ADMIN, A, late));
    assertTrue(e.getMessage().startsWith("periods[0].last_seating"), e.getMessage());
    assertEquals(List.of(), f.seating.calls);
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void anUnknownVenueIsNotFoundAndABadIdIsInvalid() {
    String unknown = UUID.randomUUID().toString();
    failed(ErrorCode.NOT_FOUND, () -> f.seatingRules.get(ADMIN, unknown));
    failed(ErrorCode.NOT_FOUND, () -> f.seatingRules.replace(ADMIN, unknown, dinner(6)));
    failed(ErrorCode.INVALID_ARGUMENT, () -> f.seatingRules.get(ADMIN, "not-a-uuid"));
    assertEquals(0, f.eventsWritten.get());
    assertFalse(f.seating.rules.containsKey(VENUE_A));
  }
}
