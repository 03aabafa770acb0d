// logic/versions.js and the store that applies it (app/store.js): one copy of each booking, replaced
// only by a version at least as new, filed under its slot's date.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {accept, file} from '../../main/resources/webapp/app/logic/versions.js';
import {ACTIVE, VenueStore} from '../../main/resources/webapp/app/store.js';

const booking = (id, version, date, extra = {}) => ({id, version, slot: {date}, status: 'confirmed', ...extra});
const day = (...bookings) => ({bookings: new Map(bookings.map(b => [b.id, b]))});

test('accept takes a first version and records it', () => {
  const versions = new Map();
  assert.equal(accept(versions, booking('b1', 1, '2024-06-01')), true);
  assert.equal(versions.get('b1'), 1);
});

test('accept takes a newer version, refuses an older one and keeps the newest seen', () => {
  const versions = new Map([['b1', 3]]);
  assert.equal(accept(versions, booking('b1', 5, '2024-06-01')), true);
  assert.equal(accept(versions, booking('b1', 4, '2024-06-01')), false);
  assert.equal(versions.get('b1'), 5);
});

test('accept takes the same version again (a duplicate event is the same booking)', () => {
  const versions = new Map([['b1', 2]]);
  assert.equal(accept(versions, booking('b1', 2, '2024-06-01')), true);
  assert.equal(versions.get('b1'), 2);
});

test('accept keeps versions per booking', () => {
  const versions = new Map([['b1', 9]]);
  assert.equal(accept(versions, booking('b2', 1, '2024-06-01')), true);
  assert.deepEqual([...versions], [['b1', 9], ['b2', 1]]);
});

test('file puts a booking under its loaded date and reports that date', () => {
  const days = new Map([['2024-06-01', day()]]);
  const b = booking('b1', 1, '2024-06-01');
  assert.deepEqual(file(days, b), ['2024-06-01']);
  assert.equal(days.get('2024-06-01').bookings.get('b1'), b);
});

test('file moves a rescheduled booking from its old date to its new one', () => {
  const old = booking('b1', 1, '2024-06-01');
  const days = new Map([['2024-06-01', day(old)], ['2024-06-02', day()]]);
  const moved = booking('b1', 2, '2024-06-02');
  assert.deepEqual(file(days, moved).sort(), ['2024-06-01', '2024-06-02']);
  assert.equal(days.get('2024-06-01').bookings.has('b1'), false);
  assert.equal(days.get('2024-06-02').bookings.get('b1'), moved);
});

test('file takes a booking off a loaded date when it moved to a date not loaded', () => {
  const days = new Map([['2024-06-01', day(booking('b1', 1, '2024-06-01'))]]);
  assert.deepEqual(file(days, booking('b1', 2, '2024-07-01')), ['2024-06-01']);
  assert.equal(days.get('2024-06-01').bookings.size, 0);
  assert.equal(days.has('2024-07-01'), false, 'a date is not loaded by a booking arriving for it');
});

test('file changes nothing for a booking of a date not loaded', () => {
  const days = new Map([['2024-06-01', day()]]);
  assert.deepEqual(file(days, booking('b9', 1, '2024-06-05')), []);
});

// ---------------------------------------------------------------- the store

/** A REST client answering the bookings of a date from pages, after release() when gated. */
function fakeApi(pages) {
  let release;
  const gate = new Promise(r => release = r);
  return {
    gated: false,
    release,
    async get(path, query) {
      if (this.gated) await gate;
      assert.equal(path, '/api/v1/bookings');
      const all = pages[query.date] ?? [];
      return {bookings: all.slice(query.offset, query.offset + query.limit), total: all.length};
    },
  };
}

function storeWith(pages) {
  const api = fakeApi(pages);
  const live = new EventTarget();
  const store = new VenueStore(api, live, 'v1');
  const events = [];
  store.addEventListener('bookings', e => events.push(e.detail));
  return {api, live, store, events};
}

const event = (type, b, venue = 'v1') => new CustomEvent('event', {detail: {type, venue_id: venue, booking: b}});

test('the store ignores an event older than the booking it has, and a duplicate changes nothing', async () => {
  const {live, store} = storeWith({'2024-06-01': [booking('b1', 1, '2024-06-01')]});
  await store.bookingsOn('2024-06-01');
  live.dispatchEvent(event('booking.seated', booking('b1', 3, '2024-06-01', {status: 'seated'})));
  live.dispatchEvent(event('booking.confirmed', booking('b1', 2, '2024-06-01', {status: 'confirmed'})));
  live.dispatchEvent(event('booking.seated', booking('b1', 3, '2024-06-01', {status: 'seated'})));
  const [b] = await store.bookingsOn('2024-06-01');
  assert.equal(b.version, 3);
  assert.equal(b.status, 'seated');
});

test('the store upsert says whether it took the booking and tells the screens which dates changed', async () => {
  const {store, events} = storeWith({'2024-06-01': []});
  await store.bookingsOn('2024-06-01');
  assert.equal(store.upsert(booking('b1', 2, '2024-06-01')), true);
  assert.equal(store.upsert(booking('b1', 1, '2024-06-01')), false);
  assert.equal(events.length, 1, 'an older version emits nothing');
  assert.deepEqual(events[0].dates, ['2024-06-01']);
  assert.equal(events[0].booking.version, 2);
});

test('the store keeps a newer event that arrived while the day was still loading over the older page', async () => {
  const {api, live, store} = storeWith({'2024-06-01': [booking('b1', 1, '2024-06-01', {status: 'held'})]});
  api.gated = true;
  const loading = store.bookingsOn('2024-06-01');
  live.dispatchEvent(event('booking.confirmed', booking('b1', 2, '2024-06-01', {status: 'confirmed'})));
  api.release();
  const [b] = await loading;
  assert.equal(b.version, 2);
  assert.equal(b.status, 'confirmed');
});

test('the store pages through a day with more bookings than one page', async () => {
  const many = Array.from({length: 1203}, (_, i) => booking(`b${i}`, 1, '2024-06-01'));
  const {store} = storeWith({'2024-06-01': many});
  assert.equal((await store.bookingsOn('2024-06-01')).length, 1203);
});

test('the store ignores events of another venue', async () => {
  const {live, store, events} = storeWith({'2024-06-01': []});
  await store.bookingsOn('2024-06-01');
  live.dispatchEvent(event('booking.held', booking('b1', 1, '2024-06-01'), 'v2'));
  assert.deepEqual(await store.bookingsOn('2024-06-01'), []);
  assert.equal(events.length, 0);
});

test('the store moves a rescheduled booking between loaded dates', async () => {
  const {live, store, events} = storeWith({'2024-06-01': [booking('b1', 1, '2024-06-01')], '2024-06-02': []});
  await store.bookingsOn('2024-06-01');
  await store.bookingsOn('2024-06-02');
  live.dispatchEvent(event('booking.rescheduled', booking('b1', 2, '2024-06-02')));
  assert.deepEqual(await store.bookingsOn('2024-06-01'), []);
  assert.deepEqual((await store.bookingsOn('2024-06-02')).map(b => b.version), [2]);
  assert.deepEqual(events.at(-1).dates.sort(), ['2024-06-01', '2024-06-02']);
});

test('ACTIVE is the statuses that hold a table', () => {
  assert.deepEqual([...ACTIVE].sort(), ['confirmed', 'held', 'seated']);
});
