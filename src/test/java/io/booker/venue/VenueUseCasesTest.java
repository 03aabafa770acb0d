package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Venue;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.booker.venue.Fakes.*;
import static org.junit.jupiter.api.Assertions.*;

class VenueUseCasesTest {

  private final Fakes f = new Fakes();

  private static Inputs.VenueInput newVenue() {
    return Inputs.venue().setName("  Chez C ").setTimezone("Europe/Berlin").setAddress("1 Main St")
      .setPhone("+49 30 123456").setEmail("c@example.com").setDescription("Small").setLanguage("de");
  }

  // ---- create

  @Test
  void createsAVenueWithItsCleanFieldsAndCommitsVenueCreated() {
    Venue v = succeeded(f.venues.createVenue(ADMIN, newVenue().build()));

    assertEquals("Chez C", v.name(), "trimmed");
    assertEquals("Europe/Berlin", v.timezone());
    assertEquals("de", v.language());
    assertEquals(v, f.structure.venues.get(v.id()));
    assertEquals(1, f.outbox().size());
    JsonObject p = assertEvent(VenueEvents.VENUE_CREATED, v.id(), ADMIN, f.outbox().get(0));
    assertEquals(new JsonObject().put("name", "Chez C").put("timezone", "Europe/Berlin").put("language", "de"), p.getJsonObject("venue_created"));
    assertEquals(1, f.eventsWritten.get(), "the relay is kicked once the event is committed");
  }

  @Test
  void aVenueWithoutZoneIsInUtc() {
    Venue v = succeeded(f.venues.createVenue(ADMIN, Inputs.venue().setName("Plain").build()));
    assertEquals("UTC", v.timezone());
  }

  @Test
  void aNewVenueGetsAFreshId() {
    Venue one = succeeded(f.venues.createVenue(ADMIN, newVenue().build()));
    Venue two = succeeded(f.venues.createVenue(ADMIN, newVenue().build()));
    assertNotEquals(one.id(), two.id());
  }

  @Test
  void aBlankNameIsInvalidAndNothingIsWritten() {
    ServiceException e = failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setName("   ").build()));
    assertTrue(e.getMessage().startsWith("name"), e.getMessage());
    assertEquals(List.of(), f.structure.calls);
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void anUnknownZoneIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setTimezone("Mars/Olympus").build()));
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aMalformedEmailPhoneOrLanguageIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setEmail("not-an-email").build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setPhone("call me").build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setLanguage("klingon!").build()));
    assertEquals(List.of(), f.structure.calls);
  }

  @Test
  void aTooLongNameIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.createVenue(ADMIN, newVenue().setName("x".repeat(201)).build()));
  }

  // ---- read

  @Test
  void getsAVenue() {
    assertEquals("Chez A", succeeded(f.venues.getVenue(HOST_A, A)).name());
  }

  @Test
  void aMissingVenueIsNotFound() {
    ServiceException e = failed(ErrorCode.NOT_FOUND, f.venues.getVenue(ADMIN, MISSING));
    assertEquals("venue " + MISSING + " not found", e.getMessage());
  }

  @Test
  void aMalformedIdIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.getVenue(ADMIN, "42"));
  }

  @Test
  void anAdminListsEveryVenue() {
    Page<Venue> page = succeeded(f.venues.listVenues(ADMIN, 0, 0));
    assertEquals(List.of(A, B), page.items().stream().map(Venue::id).toList());
    assertEquals(2, page.total());
  }

  @Test
  void anyoneElseListsOnlyTheirVenuesWithTheirTotal() {
    Page<Venue> page = succeeded(f.venues.listVenues(HOST_B, 0, 0));
    assertEquals(List.of(B), page.items().stream().map(Venue::id).toList());
    assertEquals(1, page.total());
  }

  @Test
  void listsAPage() {
    Page<Venue> page = succeeded(f.venues.listVenues(ADMIN, 1, 1));
    assertEquals(List.of(B), page.items().stream().map(Venue::id).toList());
    assertEquals(2, page.total(), "the total of all, not of the page");
  }

  @Test
  void aNegativeOffsetIsInvalid() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.listVenues(ADMIN, 0, -1));
  }

  // ---- update

  @Test
  void updatesEveryFieldAndCommitsVenueUpdated() {
    Venue v = succeeded(f.venues.updateVenue(MANAGER_A, A, Inputs.venue().setName("Chez A2")
      .setTimezone("Europe/London").setLanguage("en-GB").setAddress("2 High St").build()));

    assertEquals("Chez A2", v.name());
    assertEquals("Europe/London", v.timezone());
    assertEquals("2 High St", f.structure.venues.get(A).address());
    JsonObject p = assertEvent(VenueEvents.VENUE_UPDATED, A, MANAGER_A, f.outbox().get(0));
    assertEquals(new JsonObject().put("name", "Chez A2").put("timezone", "Europe/London").put("language", "en-GB"),
      p.getJsonObject("venue_updated"));
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void anEmptyZoneKeepsTheCurrentOneAndAnEmptyLanguageClearsIt() {
    Venue a = f.structure.venues.get(A);
    f.structure.venues.put(A, new Venue(a.id(), a.name(), a.timezone(), a.address(), a.phone(), a.email(), a.description(), "fr",
      a.createdAt(), a.updatedAt()));
    Venue v = succeeded(f.venues.updateVenue(ADMIN, A, Inputs.venue().setName("Chez A").build()));
    assertEquals(ZONE, v.timezone());
    assertEquals("", v.language());
  }

  @Test
  void updatingAMissingVenueIsNotFoundWithoutEvent() {
    failed(ErrorCode.NOT_FOUND, f.venues.updateVenue(ADMIN, MISSING, Inputs.venue().setName("X").build()));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get(), "nothing committed, nothing to relay");
  }

  @Test
  void anInvalidUpdateWritesNothing() {
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.updateVenue(ADMIN, A, Inputs.venue().setName("").build()));
    failed(ErrorCode.INVALID_ARGUMENT, f.venues.updateVenue(ADMIN, A, Inputs.venue().setName("A").setTimezone("Nowhere").build()));
    assertEquals("Chez A", f.structure.venues.get(A).name());
    assertEquals(List.of(), f.structure.calls);
  }

  // ---- delete

  @Test
  void deletesAVenueWithItsRoomsCommitsVenueDeletedAndDropsTheRoomsLayouts() {
    f.structure.putRoom(A, MISSING, "Terrace");
    succeeded(f.venues.deleteVenue(ADMIN, A));

    assertFalse(f.structure.venues.containsKey(A));
    assertTrue(f.structure.rooms.isEmpty());
    assertTrue(f.structure.tables.isEmpty());
    assertEquals(List.of(new FakeBookingOccupancy.CountCall(A, List.of())), f.bookings.counts, "bookings counted for the whole venue");
    JsonObject p = assertEvent(VenueEvents.VENUE_DELETED, A, ADMIN, f.outbox().get(0));
    assertTrue(p.containsKey("venue_deleted"));
    assertEquals(List.of(List.of(ROOM, MISSING)), f.layouts.invalidations);
    assertEquals(1, f.eventsWritten.get());
  }

  @Test
  void aVenueWithFutureBookingsIsNotDeleted() {
    f.bookings.futureByVenue.put(A, 3);
    ServiceException e = failed(ErrorCode.HAS_FUTURE_BOOKINGS, f.venues.deleteVenue(ADMIN, A));
    assertEquals("venue " + A + " has 3 future booking(s); cancel or finish them first", e.getMessage());
    assertTrue(f.structure.venues.containsKey(A));
    assertFalse(f.structure.calls.contains("deleteVenue"));
    assertEquals(List.of(), f.outbox());
    assertEquals(List.of(), f.layouts.invalidations);
  }

  @Test
  void whenTheBookingServiceCannotAnswerNothingIsDeleted() {
    f.bookings.failure = new ServiceException(ErrorCode.UNAVAILABLE, "booking service unavailable");
    failed(ErrorCode.UNAVAILABLE, f.venues.deleteVenue(ADMIN, A));
    assertTrue(f.structure.venues.containsKey(A));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
  }

  @Test
  void deletingAMissingVenueIsNotFoundWithoutAskingTheBookingService() {
    failed(ErrorCode.NOT_FOUND, f.venues.deleteVenue(ADMIN, MISSING));
    assertTrue(f.bookings.untouched());
    assertEquals(List.of(), f.outbox());
  }

  @Test
  void aVenueDeletedMeanwhileIsNotFoundWithoutEvent() {
    f.bookings.beforeAnswer = () -> f.structure.venues.remove(A); // another request deletes it during the check
    failed(ErrorCode.NOT_FOUND, f.venues.deleteVenue(ADMIN, A));
    assertEquals(List.of(), f.outbox());
    assertEquals(0, f.eventsWritten.get());
    assertEquals(List.of(), f.layouts.invalidations);
  }
}
