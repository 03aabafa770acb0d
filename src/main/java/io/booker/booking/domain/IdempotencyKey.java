package io.booker.booking.domain;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A client's idempotency key for one write, scoped to the caller: the same key with the same
 * request gets the first answer again; the same key with another request (or operation) is
 * IDEMPOTENCY_KEY_REUSED.
 *
 * @param fingerprint a hash of the request, without the key itself
 */
public record IdempotencyKey(String scope, String key, String operation, byte[] fingerprint) {

  public IdempotencyKey {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The answer stored for this key is the one to give again; fails if it answered another request. */
  public Booking replay(StoredAnswer stored) {
    if (!stored.operation().equals(operation) || !Arrays.equals(stored.fingerprint(), fingerprint)) {
      throw new ServiceException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "idempotency key " + key + " was used for another request; use a new key for a new request");
    }
    return stored.answer();
  }

  /** What was stored with a key: the operation, the request's fingerprint and the answer given. */
  public record StoredAnswer(String operation, byte[] fingerprint, Booking answer) {
  }
}
