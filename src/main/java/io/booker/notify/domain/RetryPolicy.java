package io.booker.notify.domain;

import java.time.Duration;

/**
 * How often and how long a failing send is tried again: exponential back-off from
 * {@code initialBackoff}, doubling per attempt up to {@code maxBackoff}, for at most
 * {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(10));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max_attempts must be at least 1, not " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be positive and max_backoff at least initial_backoff");
    }
  }

  /** Whether a message that failed {@code attempts} times (this one included) gets no further try. */
  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /** The wait before the next try after the {@code attempts}-th failed one (1-based). */
  public Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    long millis = initialBackoff.toMillis();
    for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
