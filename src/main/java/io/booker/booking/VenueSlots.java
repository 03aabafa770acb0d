package io.booker.booking;

import io.booker.booking.domain.BookingSlot;
import io.booker.booking.domain.Placement;
import io.booker.booking.domain.TableRequest;
import io.booker.booking.domain.VenueTables;
import io.vertx.core.Future;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The venue's side of a booking, in one call: the table(s) (or the combination) exist in the venue
 * (and room), seat the party, and the slot lies within the hours and not in the past. Fails with
 * the venue's error (NOT_FOUND, INVALID_ARGUMENT naming the field, UNAVAILABLE). For blocks: the
 * venue's zone, rooms and tables.
 */
public interface VenueSlots {

  /**
   * @param table the table asked for; null exactly when {@code combinationId} is set
   * @param mergedWith the second table of a pair, or null
   * @param combinationId the venue's table combination to book (its every table), or null
   */
  Future<Placement> resolve(UUID venueId, TableRequest table, TableRequest mergedWith, UUID combinationId, BookingSlot slot,
                            int partySize);

  /** A table, or a mergeable pair. */
  default Future<Placement> resolve(UUID venueId, TableRequest table, TableRequest mergedWith, BookingSlot slot, int partySize) {
    return resolve(venueId, table, mergedWith, null, slot, partySize);
  }

  /** The venue's time zone, rooms and tables (NOT_FOUND for a venue the caller does not see). */
  Future<VenueTables> tables(UUID venueId);

  /** The venue's time zone (NOT_FOUND for a venue the caller does not see). */
  Future<ZoneId> zone(UUID venueId);
}
