// logic/problems.js: the sentence a person reads for a failed call.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ApiError, explain, explainHours} from '../../main/resources/webapp/app/logic/problems.js';
import {dayName, rangeText} from '../../main/resources/webapp/app/logic/hours.js';
import * as api from '../../main/resources/webapp/app/api.js';

test('ApiError keeps status, code and detail, and reads as its detail', () => {
  const e = new ApiError(409, 'SLOT_TAKEN', 'table t1 is taken');
  assert.equal(e.status, 409);
  assert.equal(e.code, 'SLOT_TAKEN');
  assert.equal(e.detail, 'table t1 is taken');
  assert.equal(e.message, 'table t1 is taken');
  assert.equal(new ApiError(502).message, 'HTTP 502');
  assert.equal(new ApiError(502).code, '');
});

test('api.js hands out the same ApiError and explain', () => {
  assert.equal(api.ApiError, ApiError);
  assert.equal(api.explain, explain);
});

test('known codes get a sentence for the host stand', () => {
  assert.equal(explain(new ApiError(409, 'SLOT_TAKEN', 'x')),
    'Someone else just took that table for this time. Pick another table or time.');
  assert.equal(explain(new ApiError(404, 'NOT_FOUND', 'booking b1')), 'It is not there any more (or not yours to see).');
  assert.equal(explain(new ApiError(403, 'PERMISSION_DENIED')), 'Your role does not allow this.');
  assert.equal(explain(new ApiError(401, 'UNAUTHENTICATED')), 'Your session ended. Sign in again.');
  assert.equal(explain(new ApiError(503, 'UNAVAILABLE')), explain(new ApiError(504, 'DEADLINE_EXCEEDED')));
  assert.equal(explain(new ApiError(409, 'CONCURRENT_CHANGE')), explain(new ApiError(409, 'DUPLICATE_IN_FLIGHT')));
});

test('sentences that carry the server\'s detail or the action', () => {
  assert.equal(explain(new ApiError(409, 'INVALID_TRANSITION', 'booking is seated'), 'Confirming'),
    'Confirming is not possible any more: the booking changed meanwhile. booking is seated');
  assert.equal(explain(new ApiError(409, 'HAS_FUTURE_BOOKINGS', '3 bookings')), 'It still has bookings to come. 3 bookings');
  assert.equal(explain(new ApiError(0, 'NETWORK', 'The server cannot be reached.')), 'The server cannot be reached.');
  assert.equal(explain(new ApiError(400, 'INVALID_ARGUMENT', 'party_size must be at least 1')), 'party_size must be at least 1');
  assert.equal(explain(new ApiError(400, 'INVALID_ARGUMENT')), 'Some of the values are not valid.');
  assert.equal(explain(new ApiError(429, 'RATE_LIMITED')), 'Too many attempts. Wait a little and try again.');
  assert.equal(explain(new ApiError(429, 'RATE_LIMITED', 'Try again in 30 s.')), 'Try again in 30 s.');
});

test('an unknown code says the detail, or that the action did not work with its status', () => {
  assert.equal(explain(new ApiError(418, 'TEAPOT', 'short and stout')), 'short and stout');
  assert.equal(explain(new ApiError(418, 'TEAPOT'), 'Brewing'), 'Brewing did not work (HTTP 418).');
  assert.equal(explain(new ApiError(500, ''), 'Saving'), 'Saving did not work (HTTP 500).');
  assert.equal(explain(new ApiError(500)), 'That did not work (HTTP 500).');
});

test('an error that is not from the API says what failed and its message', () => {
  assert.equal(explain(new TypeError('x is undefined'), 'Loading'), 'Loading did not work: x is undefined');
  assert.equal(explain('boom'), 'That did not work: boom');
  assert.equal(explain(undefined, 'Loading'), 'Loading did not work: undefined');
});

test('explainHours turns days[i] into the weekday and times of the request\'s i-th range', () => {
  const days = [{weekday: 1, open_time: '12:00', close_time: '15:00'}, {weekday: 5, open_time: '18:00', close_time: '02:00'}];
  const err = new ApiError(400, 'INVALID_ARGUMENT', 'days[1].close_time overlaps days[0]');
  assert.equal(explainHours(err, days), `The hours were not saved: ${dayName(5)} ${rangeText({open: '18:00', close: '02:00'})}`
    + ` overlaps ${dayName(1)} ${rangeText({open: '12:00', close: '15:00'})}`);
});

test('explainHours leaves an index it does not know, and explains other problems as usual', () => {
  assert.equal(explainHours(new ApiError(400, 'INVALID_ARGUMENT', 'days[7] is wrong'), []), 'The hours were not saved: days[7] is wrong');
  assert.equal(explainHours(new ApiError(403, 'PERMISSION_DENIED', 'no'), []), 'Your role does not allow this.');
  assert.equal(explainHours(new ApiError(400, 'INVALID_ARGUMENT'), []), 'Some of the values are not valid.');
});

test('seating rules: pacing, blocked tables, overlapping bookings and the booking window in words', async () => {
  const {fieldError} = await import('../../main/resources/webapp/app/logic/problems.js');
  const pacing = 'at most 6 parties may start between 19:00 and 19:15 in Dinner (6 already booked)';
  assert.equal(explain(new ApiError(409, 'PACING_LIMIT', pacing)),
    `The kitchen's pacing is full at that time: ${pacing}. Pick another time, or book anyway if the kitchen agrees.`);
  assert.equal(explain(new ApiError(409, 'TABLE_BLOCKED', 'table T1 is blocked from 19:00 to 21:00')),
    'That table is blocked then (table T1 is blocked from 19:00 to 21:00). Pick another table or time.');
  assert.match(explain(new ApiError(409, 'BLOCK_OVERLAPS_BOOKINGS', 'the block overlaps 1 active booking: b1')), /Block anyway/);
  assert.equal(explain(new ApiError(400, 'INVALID_ARGUMENT', 'slot: bookings open at most 90 days ahead (until 2026-04-01)')),
    'That date is too far ahead: bookings open at most 90 days ahead (until 2026-04-01).');
  assert.equal(explain(new ApiError(400, 'INVALID_ARGUMENT', "slot: needs at least 60 minutes' notice")),
    "That start is too soon: this venue needs at least 60 minutes' notice.");
  assert.equal(explain(new ApiError(400, 'INVALID_ARGUMENT', 'slot: is required')), 'slot: is required', 'other slot problems as they are');

  assert.deepEqual(fieldError('periods[0].last_seating: must be within the period'),
    {path: 'periods[0].last_seating', message: 'must be within the period'});
  assert.deepEqual(fieldError('periods[1]: on Saturday overlaps periods[0] (Dinner 18:00-02:00 on Friday)'),
    {path: 'periods[1]', message: 'on Saturday overlaps periods[0] (Dinner 18:00-02:00 on Friday)'});
  assert.deepEqual(fieldError('periods[0].pacing.max_parties: must be between 1 and 1000'),
    {path: 'periods[0].pacing.max_parties', message: 'must be between 1 and 1000'});
  assert.deepEqual(fieldError('turn_times[1].weekdays[0]: must be 0 to 6'), {path: 'turn_times[1].weekdays[0]', message: 'must be 0 to 6'});
  assert.deepEqual(fieldError('request body must be a JSON object'), {path: null, message: 'request body must be a JSON object'});
});
