package io.booker.gateway.auth;

import io.booker.gateway.auth.domain.ThrottlePolicy;
import io.vertx.core.Future;

/**
 * Counts sign-in attempts per account and per client address. An attempt is counted as a failure
 * when it starts (so that many attempts at once cannot slip past the limits) and taken back by
 * {@link #succeeded}. Never fails: when the counts cannot be kept, attempts go through
 * ({@link ThrottlePolicy.Verdict#OPEN}).
 */
public interface LoginThrottle {

  /**
   * Counts an attempt on {@code account} (the folded login name, whether or not it exists) from
   * {@code address} and says whether to refuse it or how long to wait before checking it.
   */
  Future<ThrottlePolicy.Verdict> attempt(String account, String address);

  /** The attempt succeeded: clears the account's count and takes this attempt off the address's. */
  Future<Void> succeeded(String account, String address);
}
