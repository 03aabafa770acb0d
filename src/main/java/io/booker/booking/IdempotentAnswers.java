package io.booker.booking;

import io.booker.booking.domain.Booking;
import io.booker.booking.domain.IdempotencyKey;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first answer for an idempotency key. Looked up before a keyed write, so a retry costs one
 * read; and again after a keyed write failed, because a duplicate that lost a race to the first
 * request fails on the database (its tables, or its key, are taken by then) and the first answer
 * is the one to give it.
 */
final class IdempotentAnswers {

  private final BookingStore store;

  IdempotentAnswers(BookingStore store) {
    this.store = store;
  }

  /** Runs {@code write} unless the key already has an answer; a failed write gets a second look. */
  Future<Booking> once(IdempotencyKey key, Supplier<Future<Booking>> write) {
    if (key == null) {
      return write.get();
    }
    return replay(key)
      .compose(prior -> prior.map(Future::succeededFuture).orElseGet(write))
      .recover(t -> reused(t) ? Future.failedFuture(t) : afterFailure(key, t));
  }

  /** The stored answer for the key; empty without one; IDEMPOTENCY_KEY_REUSED when it answered another request. */
  private Future<Optional<Booking>> replay(IdempotencyKey key) {
    return store.storedAnswer(key.scope(), key.key()).map(stored -> stored.map(key::replay));
  }

  /** The first answer if one exists now, else the write's own failure. */
  private Future<Booking> afterFailure(IdempotencyKey key, Throwable failure) {
    return replay(key).transform(ar -> {
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
