package io.booker.booking;

import io.booker.common.ServiceException;
import io.vertx.core.Future;

import java.util.UUID;

/** Reading one booking for a use case: NOT_FOUND when there is none. */
final class Bookings {

  private Bookings() {
  }

  static Future<BookingStore.Loaded> load(BookingStore store, UUID id) {
    return store.load(id).map(found -> found.orElseThrow(() -> ServiceException.notFound("booking", id.toString())));
  }
}
