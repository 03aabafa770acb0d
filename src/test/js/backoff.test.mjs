// logic/backoff.js: how long the live feed waits before reconnecting.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MAX_ATTEMPT, nextAttempt, retryDelay} from '../../main/resources/webapp/app/logic/backoff.js';

test('the wait starts at half a second and doubles (middle of the jitter)', () => {
  assert.deepEqual([0, 1, 2, 3, 4].map(a => retryDelay(a, 0.5)), [500, 1000, 2000, 4000, 8000]);
});

test('the wait stops at 15 seconds', () => {
  assert.equal(retryDelay(5, 0.5), 15_000);
  assert.equal(retryDelay(MAX_ATTEMPT, 0.5), 15_000);
});

test('the jitter spreads the wait from 75 % to 125 %', () => {
  assert.equal(retryDelay(0, 0), 375);
  assert.equal(retryDelay(0, 0.999999) < 625, true);
  assert.equal(retryDelay(6, 0), 11_250);
  assert.equal(retryDelay(6, 1), 18_750);
});

test('the attempt count grows by one and stops at the cap', () => {
  assert.equal(nextAttempt(0), 1);
  assert.equal(nextAttempt(MAX_ATTEMPT - 1), MAX_ATTEMPT);
  assert.equal(nextAttempt(MAX_ATTEMPT), MAX_ATTEMPT);
});
