package io.booker.booking.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A validated request for a booking: which venue, table (and the table merged with it, or null)
 * or table combination, slot, party and guest. Where the tables are and whether the slot is open
 * is the venue's to say.
 *
 * @param table null exactly when {@code combinationId} is set
 * @param overridePacing staff book past the service period's pacing (recorded in the history)
 * @param combinationId the venue's table combination to book, or null
 * @param adminId the author: the authenticated caller's user id ({@link #authoredBy}), never a
 *     value taken from the request
 */
public record NewBooking(UUID venueId, TableRequest table, TableRequest mergedWith, BookingSlot slot, int partySize,
    Guest guest, String comment, String adminId, boolean overridePacing, UUID combinationId) {

  /** A request for a table or a pair that keeps to the venue's pacing. */
  public NewBooking(UUID venueId, TableRequest table, TableRequest mergedWith, BookingSlot slot, int partySize,
      Guest guest, String comment, String adminId) {
    this(venueId, table, mergedWith, slot, partySize, guest, comment, adminId, false, null);
  }

  /** A request for a table or a pair. */
  public NewBooking(UUID venueId, TableRequest table, TableRequest mergedWith, BookingSlot slot, int partySize,
      Guest guest, String comment, String adminId, boolean overridePacing) {
    this(venueId, table, mergedWith, slot, partySize, guest, comment, adminId, overridePacing, null);
  }

  public NewBooking {
    Objects.requireNonNull(venueId, "venueId");
    if ((table == null) == (combinationId == null)) {
      throw new IllegalArgumentException("a table or a combination, exactly one");
    }
    if (combinationId != null && mergedWith != null) {
      throw new IllegalArgumentException("a combination is not merged with another table");
    }
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(guest, "guest");
    BookingFields.partySize(partySize);
    comment = comment == null ? "" : comment;
    adminId = adminId == null ? "" : adminId;
  }

  /** The same request, made by user {@code userId}. */
  public NewBooking authoredBy(String userId) {
    return new NewBooking(venueId, table, mergedWith, slot, partySize, guest, comment, userId, overridePacing, combinationId);
  }
}
