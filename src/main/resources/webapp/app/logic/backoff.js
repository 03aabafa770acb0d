// The live feed's reconnect back-off. Pure: the random draw is a parameter (unit-tested with
// node --test, src/test/js/backoff.test.mjs).

export const FIRST_RETRY_MS = 500;
export const LAST_RETRY_MS = 15_000;
/** The attempt count stops growing here (500 ms × 2⁶ is past the cap). */
export const MAX_ATTEMPT = 6;

/**
 * The wait before reconnect attempt number attempt (0 first): 0.5 s doubling up to 15 s, times a
 * jitter of 0.75 to 1.25 from random (0 ≤ random < 1), so tabs dropped together do not return together.
 */
export function retryDelay(attempt, random) {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.75 + random * 0.5);
}

/** The attempt number after one more failure. */
export function nextAttempt(attempt) {
  return Math.min(attempt + 1, MAX_ATTEMPT);
}
