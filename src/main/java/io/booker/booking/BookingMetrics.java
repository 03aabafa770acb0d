package io.booker.booking;

import io.booker.booking.domain.BookingStatus;
import io.booker.platform.metrics.Metrics;

import java.util.Collection;

/**
 * What the booking use cases count once a change has committed: {@code booking_transitions_total}
 * by status before and after ({@code none} for a new booking), and {@code booking_holds_total} by
 * how a hold began or ended. Labels are statuses only, never ids.
 */
final class BookingMetrics {

  /** The {@code from} label of a booking that did not exist before. */
  static final String NONE = "none";

  private BookingMetrics() {
  }

  /** A booking was created, held. */
  static void created() {
    Metrics.bookingTransition(NONE, BookingStatus.HELD.wire());
    Metrics.bookingHold("taken");
  }

  /** A booking moved from {@code from} to {@code to} (nothing is counted when they are the same). */
  static void changed(BookingStatus from, BookingStatus to) {
    if (from == to) {
      return;
    }
    Metrics.bookingTransition(from.wire(), to.wire());
    String outcome = holdOutcome(from, to);
    if (outcome != null) {
      Metrics.bookingHold(outcome);
    }
  }

  /** Lapsed holds expired by the sweeper or by a write that needed their tables. */
  static void expired(Collection<?> bookings) {
    for (int i = 0; i < bookings.size(); i++) {
      changed(BookingStatus.HELD, BookingStatus.EXPIRED);
    }
  }

  /**
   * How a hold ended when a booking moves from {@code from} to {@code to}: the new status
   * ({@code confirmed}, {@code cancelled}, {@code expired}...), or null when no hold ended.
   */
  static String holdOutcome(BookingStatus from, BookingStatus to) {
    return from == BookingStatus.HELD && to != BookingStatus.HELD ? to.wire() : null;
  }
}
