package io.booker.gateway.auth.domain;

/**
 * How failed sign-ins are throttled. Failures are counted per account (whether or not it exists)
 * and per client address, each in a window of {@code windowSeconds} from its first failure.
 * <ul>
 *   <li>after {@code slowAfter} failures of an account, every further attempt waits before it is
 *       checked: {@code baseDelayMs}, doubling with each failure, at most {@code maxDelayMs};</li>
 *   <li>the {@code lockAfter}-th failure locks the account for {@code lockSeconds};</li>
 *   <li>an address with {@code addressMaxFailures} failures is refused until its window ends.</li>
 * </ul>
 * A success clears the account's count (not the address's: one good password must not reset the
 * count of an address that tries many accounts).
 */
public record ThrottlePolicy(long windowSeconds, int slowAfter, int lockAfter, long lockSeconds,
                             long baseDelayMs, long maxDelayMs, int addressMaxFailures) {

  /** OWASP-style defaults: 15-minute window, slow after 5, lock after 10 for 15 minutes, 50 per address. */
  public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(900, 5, 10, 900, 250, 3000, 50);

  public ThrottlePolicy {
    if (windowSeconds < 1 || lockSeconds < 1) {
      throw new IllegalArgumentException("login throttle: window_seconds and lock_seconds must be at least 1");
    }
    if (slowAfter < 1 || lockAfter < slowAfter) {
      throw new IllegalArgumentException("login throttle: need 1 <= slow_after <= lock_after");
    }
    if (baseDelayMs < 0 || maxDelayMs < baseDelayMs || maxDelayMs > 30_000) {
      throw new IllegalArgumentException("login throttle: need 0 <= base_delay_ms <= max_delay_ms <= 30000");
    }
    if (addressMaxFailures < 1) {
      throw new IllegalArgumentException("login throttle: address_max_failures must be at least 1");
    }
  }

  /** The wait before checking an attempt on an account that already failed {@code failures} times. */
  public long delayMillis(long failures) {
    if (failures < slowAfter) {
      return 0;
    }
    long doublings = failures - slowAfter;
    if (doublings >= 30) {
      return maxDelayMs;
    }
    return Math.min(maxDelayMs, baseDelayMs << doublings);
  }

  /**
   * What to do with an attempt, given the failures counted before it: refuse it (account locked or
   * address blocked; the client is told when to retry), or check it after a delay (0 = at once).
   *
   * @param accountTtlMs how long the account's count lives on (its lock, once locked)
   * @param addressTtlMs how long the address's count lives on
   */
  public Verdict judge(long accountFailures, long accountTtlMs, long addressFailures, long addressTtlMs) {
    long wait = 0;
    if (accountFailures >= lockAfter) {
      wait = accountTtlMs > 0 ? accountTtlMs : lockSeconds * 1000;
    }
    if (addressFailures >= addressMaxFailures) {
      wait = Math.max(wait, addressTtlMs > 0 ? addressTtlMs : windowSeconds * 1000);
    }
    if (wait > 0) {
      return new Verdict(true, 0, retryAfterSeconds(wait));
    }
    return new Verdict(false, delayMillis(accountFailures), 0);
  }

  /** The whole seconds a client is told to wait ({@code Retry-After}) for {@code remainingMs}, at least 1. */
  public static long retryAfterSeconds(long remainingMs) {
    return Math.max(1, (remainingMs + 999) / 1000);
  }

  /** An attempt refused (retry after {@code retryAfterSeconds}) or let through after {@code delayMs}. */
  public record Verdict(boolean refused, long delayMs, long retryAfterSeconds) {

    /** Let through at once: what an attempt gets when the counts cannot be read. */
    public static final Verdict OPEN = new Verdict(false, 0, 0);
  }
}
