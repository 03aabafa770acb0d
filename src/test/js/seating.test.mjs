// logic/seating.js: turn times as docs/seating.md states them, the period of a start, pacing intervals.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {DEFAULT_MINUTES, durationHint, pacingCount, pacingIntervals, pacingSentence, periodAt, turnMinutes, turnTimeAt}
  from '../../main/resources/webapp/app/logic/seating.js';
import {instant} from '../../main/resources/webapp/app/logic/time.js';

// The example document of docs/seating.md.
const RULES = {
  turn_times: [{max_party_size: 2, minutes: 90}, {max_party_size: 4, minutes: 120}, {max_party_size: null, minutes: 180},
    {max_party_size: 2, minutes: 75, weekdays: [6]}, {max_party_size: 4, minutes: 135, period: 'Dinner'}],
  periods: [{name: 'Dinner', weekdays: [0, 1, 2, 3, 4, 5, 6], start_time: '18:00', end_time: '23:00', last_seating: '21:30',
    slot_interval_minutes: 15, pacing: {interval_minutes: 15, max_parties: 6, max_covers: 24}}],
  booking_window: {max_days_ahead: 90, min_notice_minutes: 0},
};
const SATURDAY = '2026-12-05';
const MONDAY = '2026-12-07';

test('turn times: the examples of docs/seating.md', () => {
  assert.equal(turnMinutes(RULES.turn_times, 2, 6, null), 75, 'a party of 2 on Saturday');
  assert.equal(turnMinutes(RULES.turn_times, 3, 6, null), 120, 'a party of 3 on Saturday: the Saturday rows stop at 2');
  assert.equal(turnMinutes(RULES.turn_times, 3, 1, 'Dinner'), 135, 'a party of 3 at dinner');
  assert.equal(turnMinutes(RULES.turn_times, 9, 1, 'Dinner'), 180, 'a party of 9');
  assert.equal(turnMinutes(RULES.turn_times, 2, 1, null), 90, 'a party of 2 on Monday outside dinner');
});

test('turn times: period and weekday beat period, which beats weekday, which beats a general row', () => {
  const rows = [{minutes: 60}, {minutes: 70, weekdays: [1]}, {minutes: 80, period: 'Lunch'},
    {minutes: 90, period: 'Lunch', weekdays: [1]}];
  assert.equal(turnMinutes(rows, 4, 1, 'Lunch'), 90);
  assert.equal(turnMinutes(rows, 4, 2, 'lunch'), 80, 'a period named in any case');
  assert.equal(turnMinutes(rows, 4, 1, null), 70);
  assert.equal(turnMinutes(rows, 4, 2, 'Dinner'), 60, 'a row of another period does not hold');
});

test('turn times: the smallest seating row within a scope; none fitting is null', () => {
  const rows = [{max_party_size: 2, minutes: 60}, {max_party_size: 6, minutes: 90}];
  assert.equal(turnMinutes(rows, 1, 0, null), 60);
  assert.equal(turnMinutes(rows, 3, 0, null), 90);
  assert.equal(turnMinutes(rows, 7, 0, null), null, 'larger than every row');
  assert.equal(turnMinutes([], 2, 0, null), null);
  assert.equal(turnMinutes(undefined, 2, 0, null), null);
});

test('the period of a start, overnight periods counted on their own day', () => {
  const rules = {periods: [{name: 'Late', weekdays: [5], start_time: '18:00', end_time: '02:00', last_seating: '01:00'}]};
  assert.equal(periodAt(rules, '2026-12-04', '18:00').period.name, 'Late', 'Friday at the start');
  assert.equal(periodAt(rules, '2026-12-04', '17:59'), null);
  const after = periodAt(rules, SATURDAY, '00:30');
  assert.equal(after.period.name, 'Late');
  assert.equal(after.serviceDate, '2026-12-04', 'Saturday 00:30 follows Friday');
  assert.equal(periodAt(rules, SATURDAY, '02:00'), null, 'the end is not in it');
  assert.equal(periodAt(rules, '2026-12-05', '18:30'), null, 'no period on Saturday');
});

test('the turn time of a start uses its period and its service day', () => {
  assert.equal(turnTimeAt(RULES, 3, MONDAY, '19:00'), 135, 'in Dinner');
  assert.equal(turnTimeAt(RULES, 3, MONDAY, '12:00'), 120, 'outside every period');
  assert.equal(turnTimeAt(RULES, 2, SATURDAY, '12:00'), 75);
  assert.equal(turnTimeAt(RULES, 2, MONDAY, ''), null, 'no time yet');
  assert.equal(turnTimeAt(null, 2, MONDAY, '19:00'), null, 'no rules');
});

test('the form says where an empty duration comes from', () => {
  assert.equal(durationHint(RULES, 2, MONDAY, '12:00'), "Duration: from the venue's turn times (90 min for 2)");
  assert.equal(durationHint({}, 2, MONDAY, '12:00'), `Duration: the default of ${DEFAULT_MINUTES} min (no turn time fits this party)`);
});

const ZONE = 'Europe/Paris';
const at = (date, time) => instant(date, time, ZONE) / 1000;
const booking = (time, party, status = 'confirmed', extra = {}) => ({starts_at: at(MONDAY, time), party_size: party, status, ...extra});

test('pacing: intervals laid from the period start, the last cut at its end', () => {
  const rules = {periods: [{name: 'Dinner', weekdays: [1], start_time: '18:10', end_time: '19:00', last_seating: '18:40',
    pacing: {interval_minutes: 20, max_parties: 2}}]};
  const rows = pacingIntervals(rules, MONDAY, [], ZONE, 0);
  assert.deepEqual(rows.map(r => r.label), ['18:10–18:30', '18:30–18:50', '18:50–19:00']);
  assert.deepEqual(rows.map(r => [r.maxParties, r.maxCovers]), [[2, null], [2, null], [2, null]]);
  assert.deepEqual(pacingIntervals(rules, '2026-12-08', [], ZONE, 0), [], 'no period that day');
  assert.deepEqual(pacingIntervals({periods: [{...rules.periods[0], pacing: null}]}, MONDAY, [], ZONE, 0), [], 'a period without pacing');
});

test('pacing: parties and covers starting in each interval; only active bookings count', () => {
  const now = at(MONDAY, '17:00');
  const bookings = [booking('19:00', 2), booking('19:14', 4, 'seated'), booking('19:15', 3, 'finished'),
    booking('19:05', 6, 'cancelled'), booking('19:05', 2, 'held', {expires_at: now - 1}),
    booking('19:10', 2, 'held', {expires_at: now + 300}), booking('17:00', 2)];
  const rows = pacingIntervals(RULES, MONDAY, bookings, ZONE, now);
  const seven = rows.find(r => r.label === '19:00–19:15');
  assert.equal(seven.parties, 3, 'confirmed, seated and a hold in time; not cancelled nor a lapsed hold');
  assert.equal(seven.covers, 8);
  assert.equal(seven.full, false);
  assert.equal(pacingCount(seven), '3/6 parties, 8/24 covers');
  assert.equal(rows.find(r => r.label === '19:15–19:30').parties, 1);
  assert.equal(rows.reduce((n, r) => n + r.parties, 0), 4, 'the 17:00 booking is outside the period');
});

test('pacing: an interval at a cap is full, by parties or by covers', () => {
  const rules = {periods: [{name: 'Dinner', weekdays: [1], start_time: '18:00', end_time: '20:00', last_seating: '19:30',
    pacing: {interval_minutes: 30, max_parties: 2, max_covers: 6}}]};
  const rows = pacingIntervals(rules, MONDAY, [booking('18:00', 1), booking('18:10', 1), booking('18:30', 6)], ZONE, 0);
  assert.equal(rows[0].full, true, 'two parties of two allowed');
  assert.equal(rows[1].full, true, 'six covers of six');
  assert.equal(rows[2].full, false);
  assert.equal(pacingSentence(rows[0]), 'Starts 18:00–18:30 (Dinner): 2/2 parties, 2/6 covers, full');
  assert.equal(pacingSentence(rows[2]), 'Starts 19:00–19:30 (Dinner): 0/2 parties, 0/6 covers');
});

test('pacing: an overnight period counts starts after midnight on its own day', () => {
  const rules = {periods: [{name: 'Late', weekdays: [1], start_time: '23:00', end_time: '01:00', last_seating: '00:30',
    pacing: {interval_minutes: 60, max_covers: 10}}]};
  const late = {starts_at: instant('2026-12-08', '00:20', ZONE) / 1000, party_size: 4, status: 'confirmed'};
  const rows = pacingIntervals(rules, MONDAY, [late], ZONE, 0);
  assert.deepEqual(rows.map(r => [r.label, r.covers]), [['23:00–00:00', 0], ['00:00–01:00', 4]]);
  assert.equal(pacingCount(rows[1]), '4/10 covers');
});
