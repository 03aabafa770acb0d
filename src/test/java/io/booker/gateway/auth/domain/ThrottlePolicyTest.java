package io.booker.gateway.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

  static final ThrottlePolicy P = ThrottlePolicy.DEFAULT;

  @Test
  void theDefaultsAreOwaspStyle() {
    assertEquals(900, P.windowSeconds());
    assertEquals(5, P.slowAfter());
    assertEquals(10, P.lockAfter());
    assertEquals(900, P.lockSeconds());
    assertEquals(50, P.addressMaxFailures());
  }

  @Test
  void noDelayBeforeTheFifthFailureThenDoublingUpToTheCap() {
    for (int f = 0; f < 5; f++) {
      assertEquals(0, P.delayMillis(f), "failures " + f);
    }
    assertEquals(250, P.delayMillis(5));
    assertEquals(500, P.delayMillis(6));
    assertEquals(1000, P.delayMillis(7));
    assertEquals(2000, P.delayMillis(8));
    assertEquals(3000, P.delayMillis(9));
    assertEquals(3000, P.delayMillis(10_000), "capped, no overflow");
    assertEquals(3000, P.delayMillis(Long.MAX_VALUE));
  }

  @Test
  void theTenthFailureLocksTheAccountUntilItsCountExpires() {
    ThrottlePolicy.Verdict ninth = P.judge(9, 600_000, 9, 600_000);
    assertFalse(ninth.refused());
    assertEquals(3000, ninth.delayMs());

    ThrottlePolicy.Verdict locked = P.judge(10, 899_001, 10, 600_000);
    assertTrue(locked.refused());
    assertEquals(0, locked.delayMs());
    assertEquals(900, locked.retryAfterSeconds(), "rounded up to whole seconds");
  }

  @Test
  void anAddressWithTooManyFailuresIsRefusedWhateverTheAccount() {
    ThrottlePolicy.Verdict v = P.judge(0, -2, 50, 120_000);
    assertTrue(v.refused());
    assertEquals(120, v.retryAfterSeconds());
    assertFalse(P.judge(0, -2, 49, 120_000).refused());
  }

  @Test
  void bothLimitsHitWaitForTheLater() {
    assertEquals(700, P.judge(12, 300_000, 60, 700_000).retryAfterSeconds());
  }

  @Test
  void aCountWithoutExpiryFallsBackToTheConfiguredTimes() {
    assertEquals(900, P.judge(10, -1, 0, -2).retryAfterSeconds());
    assertEquals(900, P.judge(0, -2, 50, -1).retryAfterSeconds());
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    assertEquals(1, ThrottlePolicy.retryAfterSeconds(1));
    assertEquals(1, ThrottlePolicy.retryAfterSeconds(1000));
    assertEquals(2, ThrottlePolicy.retryAfterSeconds(1001));
  }

  @Test
  void nonsenseLimitsAreRefusedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(900, 10, 5, 900, 250, 3000, 50));
    assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(0, 5, 10, 900, 250, 3000, 50));
    assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(900, 5, 10, 900, 500, 250, 50));
    assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(900, 5, 10, 900, 250, 60_000, 50));
    assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(900, 5, 10, 900, 250, 3000, 0));
  }
}
