// logic/blocks.js: blocked tables for the timeline, the floor and setup.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {applyBlockEvent, blockAt, blocksOf, clip, nextBlock, overlaps, upcoming} from '../../main/resources/webapp/app/logic/blocks.js';

const block = (id, tables, from, to, reason = 'private event') => ({id, table_ids: tables, starts_at: from, ends_at: to, reason});
const A = block('a', ['t1', 't2'], 1000, 2000);
const B = block('b', ['t2'], 1500, 3000, 'broken chair');
const C = block('c', ['t3'], 4000, 5000);

test('overlap is half-open: touching ends do not overlap', () => {
  assert.equal(overlaps(A, 1999, 2500), true);
  assert.equal(overlaps(A, 2000, 2500), false);
  assert.equal(overlaps(A, 500, 1000), false);
  assert.equal(overlaps(A, 500, 1001), true);
  assert.equal(overlaps(A, 1200, 1300), true, 'inside');
});

test('the blocks of a table in a range, by start', () => {
  assert.deepEqual(blocksOf([B, A, C], 't2', 0, 10_000).map(b => b.id), ['a', 'b']);
  assert.deepEqual(blocksOf([B, A, C], 't1', 2000, 10_000), []);
  assert.deepEqual(blocksOf([B, A, C], 't9', 0, 10_000), []);
});

test('the block in force now, and the next one', () => {
  assert.equal(blockAt([A, B, C], 't2', 1600).id, 'b', 'of two in force, the one ending last');
  assert.equal(blockAt([A, B, C], 't1', 2000), null, 'over at its end');
  assert.equal(blockAt([A, B, C], 't1', 1000).id, 'a', 'in force from its start');
  assert.equal(nextBlock([A, B, C], 't3', 1000, 10_000).id, 'c');
  assert.equal(nextBlock([A, B, C], 't3', 1000, 3000), null, 'not before the limit');
  assert.equal(nextBlock([A, B, C], 't1', 1500, 10_000), null, 'one in force is not next');
});

test('upcoming blocks are those not over, by start', () => {
  assert.deepEqual(upcoming([C, B, A], 1800).map(b => b.id), ['a', 'b', 'c']);
  assert.deepEqual(upcoming([C, B, A], 2000).map(b => b.id), ['b', 'c']);
  assert.deepEqual(upcoming([C, B, A], 5000), []);
});

test('clipping a block to the axis', () => {
  assert.deepEqual(clip(600, 900, 720, 1440), {from: 720, length: 180});
  assert.deepEqual(clip(1380, 1600, 720, 1500), {from: 1380, length: 120}, 'past midnight, cut at the axis end');
  assert.equal(clip(100, 700, 720, 1440), null, 'before the axis');
  assert.equal(clip(1440, 1500, 720, 1440), null, 'after it');
});

test('live events add and remove blocks; a deleted block never comes back', () => {
  const map = new Map();
  const deleted = new Set();
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.created', block: A}), true);
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.created', block: A}), false, 'the same event twice');
  assert.deepEqual([...map.keys()], ['a']);
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.deleted', block: A}), true);
  assert.equal(map.size, 0);
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.created', block: A}), false, 'replayed after its deletion');
  assert.equal(map.size, 0);
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.deleted', block: B}), false, 'an unknown block');
  assert.equal(applyBlockEvent(map, deleted, {type: 'block.created'}), false, 'no block');
  assert.equal(applyBlockEvent(map, deleted, {type: 'booking.held', block: C}), false, 'another type');
});

test('the store loads a day\'s blocks once and follows block events of its venue', async () => {
  const {VenueStore} = await import('../../main/resources/webapp/app/store.js');
  const asked = [];
  const api = {async get(path, query) {
    asked.push([path, query]);
    return {blocks: [A]};
  }};
  const live = new EventTarget();
  const store = new VenueStore(api, live, 'v1');
  let told = 0;
  store.addEventListener('blocks', () => told++);
  assert.deepEqual((await store.blocksOn('2026-12-07')).map(b => b.id), ['a']);
  await store.blocksOn('2026-12-07');
  assert.deepEqual(asked, [['/api/v1/venues/v1/blocks', {date: '2026-12-07'}]], 'asked once');
  const send = (type, b, venue = 'v1') => live.dispatchEvent(new CustomEvent('event', {detail: {type, venue_id: venue, block: b}}));
  send('block.created', C, 'v2');
  assert.equal(told, 0, 'another venue\'s block');
  send('block.created', C);
  send('block.deleted', A);
  assert.equal(told, 2);
  assert.deepEqual((await store.blocksOn('2026-12-07')).map(b => b.id), ['c']);
  store.putBlock(C, true);
  assert.deepEqual(await store.upcomingBlocks(), [], 'upcoming loads skip what was deleted here');
  assert.deepEqual(asked[1], ['/api/v1/venues/v1/blocks', undefined]);
  store.dispose();
});
