// logic/table-state.js: what the floor view shows at a table at a moment, and which bookings of last
// night are still on today's floor.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {OVERSTAY_SECONDS, SOON_MS, STATES, onTheFloor, tableState}
  from '../../main/resources/webapp/app/logic/table-state.js';

const NOW = Date.UTC(2024, 5, 1, 19, 0);
const now = NOW / 1000;
const MIN = 60;
let n = 0;
/** A booking at table (or tables) from start to end, in minutes relative to now. */
function booking(status, start, end, table = 't1', extra = {}) {
  const tables = (Array.isArray(table) ? table : [table]).map(id => ({table_id: id}));
  return {id: `b${++n}`, status, starts_at: now + start * MIN, ends_at: now + end * MIN, tables, ...extra};
}

test('a table with no bookings is free with nothing next', () => {
  assert.deepEqual(tableState('t1', [], NOW), {state: 'free', booking: null, bookings: []});
});

test('a seated booking makes the table seated, even past its end and beside a hold', () => {
  const seated = booking('seated', -120, -10);
  const held = booking('held', 5, 90);
  const s = tableState('t1', [held, seated], NOW);
  assert.equal(s.state, 'seated');
  assert.equal(s.booking, seated);
  assert.deepEqual(s.bookings, [seated, held], 'its active bookings, by start');
});

test('a hold beats a confirmed booking starting soon', () => {
  const confirmed = booking('confirmed', 10, 100);
  const held = booking('held', 30, 120);
  assert.equal(tableState('t1', [confirmed, held], NOW).state, 'held');
});

test('a hold past its expiry no longer counts', () => {
  const held = booking('held', 0, 90, 't1', {expires_at: now - 1});
  assert.deepEqual(tableState('t1', [held], NOW), {state: 'free', booking: null, bookings: []});
});

test('a confirmed booking within the hour makes the table booked soon; later it is free with that booking next', () => {
  const soon = booking('confirmed', SOON_MS / 60_000, 120);
  assert.equal(tableState('t1', [soon], NOW).state, 'soon');
  const later = booking('confirmed', SOON_MS / 60_000 + 1, 150);
  const s = tableState('t1', [later], NOW);
  assert.equal(s.state, 'free');
  assert.equal(s.booking, later);
});

test('a confirmed booking that already ended leaves the table free', () => {
  const over = booking('confirmed', -120, 0);
  assert.equal(tableState('t1', [over], NOW).state, 'free');
});

test('finished, cancelled, expired and no-show bookings are not the table\'s', () => {
  const gone = ['finished', 'cancelled', 'expired', 'no_show'].map(s => booking(s, -10, 80));
  assert.deepEqual(tableState('t1', gone, NOW), {state: 'free', booking: null, bookings: []});
});

test('a booking on merged tables counts at each of them, and at no other', () => {
  const merged = booking('seated', -30, 60, ['t1', 't2']);
  assert.equal(tableState('t1', [merged], NOW).state, 'seated');
  assert.equal(tableState('t2', [merged], NOW).state, 'seated');
  assert.equal(tableState('t3', [merged], NOW).state, 'free');
});

test('an older booking shape with one table (no tables list) is read too', () => {
  const single = {id: 'old', status: 'confirmed', starts_at: now + 600, ends_at: now + 5400, table: {table_id: 't1'}};
  assert.equal(tableState('t1', [single], NOW).state, 'soon');
});

test('every state has a label', () => {
  assert.deepEqual(Object.keys(STATES), ['seated', 'held', 'soon', 'free']);
});

test('after midnight, last night\'s bookings still running are on today\'s floor', () => {
  const today = [booking('confirmed', 60, 150)];
  const running = booking('confirmed', -120, 30);
  const over = booking('finished', -240, -60);
  assert.deepEqual(onTheFloor(today, [running, over], now), [...today, running]);
});

test('a seated booking of last night stays on the floor until three hours past its end', () => {
  const lingering = booking('seated', -240, -(OVERSTAY_SECONDS / MIN) + 1);
  const gone = booking('seated', -300, -(OVERSTAY_SECONDS / MIN));
  const confirmedOver = booking('confirmed', -240, -1);
  assert.deepEqual(onTheFloor([], [lingering, gone, confirmedOver], now), [lingering]);
});
