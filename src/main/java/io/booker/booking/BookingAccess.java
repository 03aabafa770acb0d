package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.util.UUID;

/**
 * The booking service's own access rules, whatever transport or gateway called it: a booking
 * belongs to its venue, and a caller acts only on the venues they see. A booking (or venue) the
 * caller does not see is NOT_FOUND with the words of a missing one, so nothing tells it exists.
 */
final class BookingAccess {

  private BookingAccess() {
  }

  /** Requires {@code permission} on the booking's venue; else "booking &lt;id&gt; not found". */
  static Booking require(Caller caller, Permission permission, Booking booking) {
    caller.require(permission, booking.venueId().toString(), "booking", booking.id().toString());
    return booking;
  }

  /** Requires {@code permission} on the booking {@code bookingId} of {@code venueId}; else "booking &lt;id&gt; not found". */
  static void requireBooking(Caller caller, Permission permission, UUID venueId, UUID bookingId) {
    caller.require(permission, venueId.toString(), "booking", bookingId.toString());
  }

  /** Requires {@code permission} on a venue: succeeds, or fails with "venue &lt;id&gt; not found". */
  static Future<Void> venue(Caller caller, Permission permission, UUID venueId) {
    try {
      caller.require(permission, venueId.toString(), "venue", venueId.toString());
      return Future.succeededFuture();
    } catch (ServiceException refused) {
      return Future.failedFuture(refused);
    }
  }
}
