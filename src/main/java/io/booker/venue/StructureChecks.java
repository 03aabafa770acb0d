package io.booker.venue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the structure use cases (venues, rooms, tables) share: access answers, the booking check, the relay kick. */
final class StructureChecks {

  private StructureChecks() {
  }

  /** Validation throws; the service contract is a failed future. */
  static <T> Future<T> attempt(Supplier<Future<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The answer to a caller whose role lacks {@code permission} (checked by the caller of this
   * method) for a write by room or table id: NOT_FOUND when it does not exist or belongs to a
   * venue they do not see, exactly a missing one's answer, else PERMISSION_DENIED. One read;
   * nothing is written.
   */
  static <T> Future<T> refused(Caller caller, Permission permission, Future<Optional<String>> venueOf, String what, String id) {
    return venueOf.map(venue -> {
      venue.ifPresent(v -> caller.require(permission, v, what, id)); // the role lacks it: always throws
      throw ServiceException.notFound(what, id);
    });
  }

  /**
   * Fails with HAS_FUTURE_BOOKINGS when the booking service counts future active bookings on these
   * tables ({@code tableIds} empty: the whole venue), and with the booking service's own error
   * when it cannot answer. A booking made after this check and before the delete commits is not
   * seen; the booking service validates its tables against this service when it books.
   */
  static Future<Void> refuseIfBooked(BookingOccupancy bookings, String venueId, List<String> tableIds, String what) {
    return bookings.futureBookings(venueId, tableIds)
      .compose(total -> total > 0
        ? Future.failedFuture(new ServiceException(ErrorCode.HAS_FUTURE_BOOKINGS,
          what + " has " + total + " future booking(s); cancel or finish them first"))
        : Future.succeededFuture());
  }

  /** After a transaction that wrote outbox events committed: have the relay publish them now. */
  static <T> Handler<AsyncResult<T>> written(Runnable eventsWritten) {
    return ar -> {
      if (ar.succeeded()) {
        eventsWritten.run();
      }
    };
  }
}
