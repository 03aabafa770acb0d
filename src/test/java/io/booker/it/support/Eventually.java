package io.booker.it.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition that becomes true asynchronously (a node joining, a cache write that is
 * not awaited, a metric appearing): polls {@code probe} until {@code done} holds or the time is up,
 * then fails naming what it waited for and the last value or error it saw.
 */
public final class Eventually {

  private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

  private Eventually() {
  }

  public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
    return await(what, timeout, probe, done, String::valueOf);
  }

  /** As above; {@code describe} renders the last value for the failure message. */
  public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done, Function<T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = "nothing yet";
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.get();
        if (value != null && done.test(value)) {
          return value;
        }
        last = value == null ? null : describe.apply(value);
      } catch (Exception e) {
        last = e;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return fail(what + " did not happen within " + timeout.toMillis() + " ms; last: " + last);
  }
}
