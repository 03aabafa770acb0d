// logic/time.js: wall clocks and instants in a venue's zone, across DST changes and midnight.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {addDays, formatCountdown, instant, minutesFrom, minutesOf, rangesOn, timeOf, wallClock, weekday}
  from '../../main/resources/webapp/app/logic/time.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const seconds = ms => ms / 1000;

test('wallClock shows an instant in the venue zone, whatever the process zone', () => {
  const w = wallClock(Date.UTC(2024, 5, 1, 22, 15, 7), BERLIN);
  assert.deepEqual(w, {date: '2024-06-02', time: '00:15', minutes: 15, seconds: 7, weekday: 0});
  assert.equal(wallClock(Date.UTC(2024, 5, 1, 22, 15), NEW_YORK).date, '2024-06-01');
  assert.equal(wallClock(Date.UTC(2024, 5, 1, 22, 15), NEW_YORK).time, '18:15');
});

test('wallClock writes midnight as 00:00, not 24:00', () => {
  const w = wallClock(Date.UTC(2024, 0, 1, 23, 0), BERLIN);
  assert.equal(w.date, '2024-01-02');
  assert.equal(w.time, '00:00');
  assert.equal(w.minutes, 0);
});

test('instant is the inverse of wallClock in winter and in summer', () => {
  assert.equal(instant('2024-01-15', '19:30', BERLIN), Date.UTC(2024, 0, 15, 18, 30));
  assert.equal(instant('2024-07-15', '19:30', BERLIN), Date.UTC(2024, 6, 15, 17, 30));
  assert.equal(instant('2024-07-15', '19:30', NEW_YORK), Date.UTC(2024, 6, 15, 23, 30));
});

test('instant moves a time in the spring-forward gap forward by the gap', () => {
  // 2024-03-31 in Berlin: 02:00 CET jumps to 03:00 CEST, so 02:30 never shows on a clock.
  const ms = instant('2024-03-31', '02:30', BERLIN);
  assert.equal(ms, Date.UTC(2024, 2, 31, 1, 30));
  assert.equal(wallClock(ms, BERLIN).time, '03:30');
});

test('instant takes the later, standard-time 02:30 of the fall-back night', () => {
  // 2024-10-27 in Berlin: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
  const ms = instant('2024-10-27', '02:30', BERLIN);
  assert.equal(ms, Date.UTC(2024, 9, 27, 1, 30));
  assert.equal(wallClock(ms, BERLIN).time, '02:30');
  assert.equal(wallClock(ms - 3600_000, BERLIN).time, '02:30', 'an hour earlier the clock showed 02:30 too');
});

test('the day of a DST change is 23 or 25 hours long between venue midnights', () => {
  const hours = date => (instant(addDays(date, 1), '00:00', BERLIN) - instant(date, '00:00', BERLIN)) / 3600_000;
  assert.equal(hours('2024-03-31'), 23);
  assert.equal(hours('2024-10-27'), 25);
  assert.equal(hours('2024-06-01'), 24);
});

test('addDays crosses months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2025-01-01', -1), '2024-12-31');
  assert.equal(addDays('2024-03-31', 0), '2024-03-31');
});

test('weekday counts 0 = Sunday as the schedule API does', () => {
  assert.equal(weekday('2024-03-31'), 0);
  assert.equal(weekday('2024-04-01'), 1);
  assert.equal(weekday('2024-04-06'), 6);
});

test('minutesOf and timeOf convert both ways and timeOf wraps around the day', () => {
  assert.equal(minutesOf('00:00'), 0);
  assert.equal(minutesOf('23:59'), 1439);
  assert.equal(timeOf(90), '01:30');
  assert.equal(timeOf(1440 + 30), '00:30');
  assert.equal(timeOf(-30), '23:30');
});

test('minutesFrom counts a booking past midnight as the same evening', () => {
  const date = '2024-06-01';
  const starts = seconds(instant(date, '22:00', BERLIN));
  const ends = seconds(instant('2024-06-02', '00:30', BERLIN));
  assert.equal(minutesFrom(date, starts, BERLIN), 22 * 60);
  assert.equal(minutesFrom(date, ends, BERLIN), 1440 + 30);
  assert.equal(minutesFrom(date, seconds(instant('2024-05-31', '23:00', BERLIN)), BERLIN), 23 * 60 - 1440);
});

test('minutesFrom is wall-clock minutes across the spring-forward night', () => {
  // 22:00 to 03:30 on the night the clocks jump: 5½ hours on the wall, 4½ hours elapsed.
  const date = '2024-03-30';
  const starts = seconds(instant(date, '22:00', BERLIN));
  const ends = seconds(instant('2024-03-31', '03:30', BERLIN));
  assert.equal(minutesFrom(date, ends, BERLIN) - minutesFrom(date, starts, BERLIN), 330);
  assert.equal((ends - starts) / 60, 270);
});

test('rangesOn takes the weekly hours of the date, earliest first, with overnight closing past 1440', () => {
  const hours = [
    {weekday: 6, open_time: '18:00', close_time: '02:00'},
    {weekday: 6, open_time: '12:00', close_time: '15:00'},
    {weekday: 5, open_time: '12:00', close_time: '22:00'},
  ];
  assert.deepEqual(rangesOn('2024-06-01', hours, []), [{open: 720, close: 900}, {open: 1080, close: 1560}]);
  assert.deepEqual(rangesOn('2024-06-02', hours, []), []);
});

test('rangesOn: open = close is 24 hours', () => {
  assert.deepEqual(rangesOn('2024-06-01', [{weekday: 6, open_time: '08:00', close_time: '08:00'}], []),
    [{open: 480, close: 1920}]);
});

test('rangesOn: a special day replaces the week, and a closed one has no ranges', () => {
  const hours = [{weekday: 6, open_time: '12:00', close_time: '22:00'}];
  const specials = [
    {date: '2024-06-01', is_closed: false, ranges: [{open_time: '17:00', close_time: '01:00'}]},
    {date: '2024-06-08', is_closed: true, ranges: []},
  ];
  assert.deepEqual(rangesOn('2024-06-01', hours, specials), [{open: 1020, close: 1500}]);
  assert.deepEqual(rangesOn('2024-06-08', hours, specials), []);
  assert.deepEqual(rangesOn('2024-06-15', hours, specials), [{open: 720, close: 1320}]);
});

test('formatCountdown shows minutes and seconds, never below zero', () => {
  assert.equal(formatCountdown(299.9), '4:59');
  assert.equal(formatCountdown(60), '1:00');
  assert.equal(formatCountdown(5), '0:05');
  assert.equal(formatCountdown(-3), '0:00');
});
