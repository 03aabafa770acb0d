package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first answer for an idempotency key. Looked up before a keyed write, so a retry costs one
 * read; and again after a keyed write failed, because a duplicate that lost a race to the first
 * request fails on the database (its tables, or its key, are taken by then) and the first answer
 * is the one to give it.
 *
 * <p>Keys are scoped to the authenticated user, and a stored answer is given again only while the
 * caller still sees its venue: a user whose access to a venue was withdrawn gets that venue's
 * bookings as NOT_FOUND from a replay too.
 */
final class IdempotentAnswers {

  private final BookingStore store;

  IdempotentAnswers(BookingStore store) {
    this.store = store;
  }

  /** Runs {@code write} unless the key already has an answer; a failed write gets a second look. */
  Future<Booking> once(Caller caller, IdempotencyKey key, Supplier<Future<Booking>> write) {
    if (key == null) {
      return write.get();
    }
    return replay(caller, key)
      .compose(prior -> prior.map(Future::succeededFuture).orElseGet(write))
      .recover(t -> reused(t) ? Future.failedFuture(t) : afterFailure(caller, key, t));
  }

  /**
   * The stored answer for the key; empty without one; IDEMPOTENCY_KEY_REUSED when it answered
   * another request; NOT_FOUND when it is a booking of a venue the caller no longer sees.
   */
  private Future<Optional<Booking>> replay(Caller caller, IdempotencyKey key) {
    return store.storedAnswer(key.scope(), key.key())
      .map(stored -> stored.map(key::replay).map(answer -> BookingAccess.require(caller, Permission.WRITE_BOOKINGS, answer)));
  }

  /** The first answer if one exists now, else the write's own failure. */
  private Future<Booking> afterFailure(Caller caller, IdempotencyKey key, Throwable failure) {
    return replay(caller, key).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(reused(ar.cause()) ? ar.cause() : failure);
      }
      return ar.result().map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(failure));
    });
  }

  private static boolean reused(Throwable t) {
    return t instanceof ServiceException se && se.code() == ErrorCode.IDEMPOTENCY_KEY_REUSED;
  }
}
