// logic/plan.js: positions on a room's 1000 × 1000 floor plan.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PLAN, defaultSize, freeSpot, keyMove, normalise, overlaps, reshape, tableBody}
  from '../../main/resources/webapp/app/logic/plan.js';

const at = (x, y, width = 100, height = 100, extra = {}) => ({x, y, width, height, rotation: 0, shape: 'square', ...extra});

test('normalise snaps to the 10-unit grid', () => {
  assert.deepEqual(normalise(at(14, 16, 84, 96)), at(10, 20, 80, 100));
});

test('normalise keeps the whole table on the plan', () => {
  assert.deepEqual(normalise(at(-50, 980, 100, 100)), at(0, 900, 100, 100));
  assert.deepEqual(normalise(at(0, 0, 5000, 0)), at(0, 0, PLAN, 10));
});

test('normalise turns rotation into 0..359 and an unknown shape into a square', () => {
  assert.equal(normalise(at(0, 0, 100, 100, {rotation: -15})).rotation, 345);
  assert.equal(normalise(at(0, 0, 100, 100, {rotation: 720})).rotation, 0);
  assert.equal(normalise({x: 0, y: 0, width: 100, height: 100}).rotation, 0);
  assert.equal(normalise(at(0, 0, 100, 100, {shape: 'hexagon'})).shape, 'square');
  assert.equal(normalise(at(0, 0, 100, 100, {shape: 'round'})).shape, 'round');
});

test('defaultSize suits the capacity', () => {
  assert.deepEqual(defaultSize(2), {width: 80, height: 80, shape: 'round'});
  assert.deepEqual(defaultSize(4), {width: 100, height: 100, shape: 'square'});
  assert.deepEqual(defaultSize(6), {width: 180, height: 90, shape: 'rectangle'});
  assert.deepEqual(defaultSize(40), {width: 300, height: 90, shape: 'rectangle'});
});

test('overlaps: sharing an area overlaps, touching edges does not', () => {
  assert.equal(overlaps(at(0, 0), at(50, 50)), true);
  assert.equal(overlaps(at(0, 0), at(100, 0)), false);
  assert.equal(overlaps(at(0, 0), at(0, 100)), false);
});

test('freeSpot is the top-left corner on an empty plan', () => {
  assert.deepEqual(freeSpot({width: 100, height: 100}, []), {x: 20, y: 20});
});

test('freeSpot keeps a margin from placed tables', () => {
  const spot = freeSpot({width: 100, height: 100}, [at(20, 20)]);
  assert.deepEqual(spot, {x: 140, y: 20}, 'the first spot of the scan 20 units clear of it');
  assert.equal(overlaps({x: spot.x - 20, y: spot.y - 20, width: 140, height: 140}, at(20, 20)), false);
});

test('freeSpot falls back to the corner when the plan is full', () => {
  assert.deepEqual(freeSpot({width: 100, height: 100}, [at(0, 0, PLAN, PLAN)]), {x: 20, y: 20});
});

test('keyMove: arrows move a grid step, Shift five; R turns 15°, Shift+R back; other keys do nothing', () => {
  const p = at(100, 100);
  assert.deepEqual(keyMove(p, 'ArrowRight', false), at(110, 100));
  assert.deepEqual(keyMove(p, 'ArrowUp', true), at(100, 50));
  assert.deepEqual(keyMove(p, 'r', false), at(100, 100, 100, 100, {rotation: 15}));
  assert.deepEqual(keyMove(p, 'R', true), at(100, 100, 100, 100, {rotation: 345}));
  assert.deepEqual(keyMove(at(0, 0), 'ArrowLeft', true), at(0, 0), 'stays on the plan');
  assert.equal(keyMove(p, 'Enter', false), null);
});

test('reshape makes round and square tables as deep as wide, rectangles keep their depth', () => {
  assert.deepEqual(reshape(at(0, 0, 200, 90, {shape: 'rectangle'}), 'round'), at(0, 0, 200, 200, {shape: 'round'}));
  assert.deepEqual(reshape(at(0, 0, 100, 100), 'rectangle'), at(0, 0, 100, 100, {shape: 'rectangle'}));
});

test('tableBody is a whole table for PUT, with defaults for missing fields', () => {
  const position = at(10, 20);
  assert.deepEqual(tableBody({id: 't1', name: 'T1', capacity: 4, room_id: 'r1'}, position),
    {name: 'T1', capacity: 4, can_merge: false, zone: '', position});
  assert.deepEqual(tableBody({name: 'T2', capacity: 2, can_merge: true, zone: 'window'}, null),
    {name: 'T2', capacity: 2, can_merge: true, zone: 'window', position: null});
});
