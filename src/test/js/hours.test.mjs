// logic/hours.js: a week of opening ranges as the setup screen edits them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MAX_RANGES, WEEK_MINUTES, WEEK_ORDER, dayName, nextRange, overlap, rangeNote, rangeText, rangesOfDay,
  scheduleDays, span, specialRangesText} from '../../main/resources/webapp/app/logic/hours.js';

const item = (label, weekday, open, close) => ({label, open, close, offset: weekday * 1440});

test('the week is shown Monday first and counted 0 = Sunday', () => {
  assert.deepEqual(WEEK_ORDER, [1, 2, 3, 4, 5, 6, 0]);
  assert.equal(WEEK_MINUTES, 10080);
  assert.equal(MAX_RANGES, 12);
  assert.equal(dayName(0), new Intl.DateTimeFormat(undefined, {weekday: 'long', timeZone: 'UTC'}).format(Date.UTC(2024, 2, 31, 12)));
  assert.notEqual(dayName(1), dayName(0));
});

test('span: an overnight range closes past 1440, open = close is 24 hours', () => {
  assert.deepEqual(span({open: '12:00', close: '15:00'}), {open: 720, close: 900});
  assert.deepEqual(span({open: '18:00', close: '02:00'}), {open: 1080, close: 1560});
  assert.deepEqual(span({open: '09:00', close: '09:00'}), {open: 540, close: 1980});
});

test('overlap is empty for ranges that only touch', () => {
  assert.equal(overlap([item('Monday', 1, '12:00', '15:00'), item('Monday', 1, '15:00', '22:00')], WEEK_MINUTES), '');
});

test('overlap names the two ranges that cross within a day', () => {
  const lunch = item('Monday', 1, '12:00', '15:30');
  const dinner = item('Monday', 1, '15:00', '22:00');
  assert.equal(overlap([dinner, lunch], WEEK_MINUTES),
    `Monday ${rangeText(lunch)} overlaps Monday ${rangeText(dinner)}. Change one of them so they do not cross.`);
});

test('overlap sees an overnight range running into the next day\'s first range', () => {
  const late = item('Friday', 5, '20:00', '03:00');
  const brunch = item('Saturday', 6, '02:00', '05:00');
  assert.match(overlap([brunch, late], WEEK_MINUTES), /^Friday .* overlaps Saturday /);
  assert.equal(overlap([late, item('Saturday', 6, '03:00', '05:00')], WEEK_MINUTES), '');
});

test('overlap wraps the week: Saturday night runs into Sunday morning, the week\'s first day', () => {
  const sunday = item('Sunday', 0, '20:00', '02:00');
  const saturday = item('Saturday', 6, '22:00', '04:00');
  // Sunday (offset 0) into Monday is a plain crossing of two days.
  assert.match(overlap([sunday, item('Monday', 1, '01:00', '03:00')], WEEK_MINUTES), /^Sunday .* overlaps Monday /);
  // Saturday (the week's last day) overnight into Sunday (the week's first): the circle closes.
  assert.match(overlap([item('Sunday', 0, '03:00', '10:00'), saturday], WEEK_MINUTES), /^Saturday .* overlaps Sunday /);
  assert.equal(overlap([item('Sunday', 0, '04:00', '10:00'), saturday], WEEK_MINUTES), '');
});

test('overlap of one day does not wrap (period 0)', () => {
  const day = [{label: 'The range', open: '20:00', close: '04:00', offset: 0}, {label: 'The range', open: '03:00', close: '10:00', offset: 0}];
  assert.equal(overlap(day, 0), '');
  assert.equal(overlap([...day, {label: 'The range', open: '09:00', close: '11:00', offset: 0}], 0).startsWith('The range'), true);
});

test('a range open 24 hours overlaps any other range of its day', () => {
  assert.notEqual(overlap([item('Monday', 1, '00:00', '00:00'), item('Monday', 1, '12:00', '13:00')], WEEK_MINUTES), '');
});

test('rangeNote says when a range closes the next day or never closes', () => {
  assert.equal(rangeNote({open: '18:00', close: '01:00'}), 'closes next day');
  assert.equal(rangeNote({open: '08:00', close: '08:00'}), 'open 24 hours');
  assert.equal(rangeNote({open: '12:00', close: '15:00'}), '');
  assert.equal(rangeNote({open: '12:00', close: ''}), '');
});

test('nextRange proposes three hours from the last close, wrapping past midnight, or lunch', () => {
  assert.deepEqual(nextRange([]), {open: '12:00', close: '15:00'});
  assert.deepEqual(nextRange([{open: '12:00', close: '15:00'}]), {open: '15:00', close: '18:00'});
  assert.deepEqual(nextRange([{open: '18:00', close: '23:00'}]), {open: '23:00', close: '02:00'});
  assert.deepEqual(nextRange([{open: '18:00', close: ''}]), {open: '12:00', close: '15:00'});
});

test('rangesOfDay reads the API\'s days of one weekday, earliest first', () => {
  const days = [
    {weekday: 1, open_time: '18:00', close_time: '23:00'},
    {weekday: 2, open_time: '10:00', close_time: '11:00'},
    {weekday: 1, open_time: '12:00', close_time: '15:00'},
  ];
  assert.deepEqual(rangesOfDay(days, 1), [{open: '12:00', close: '15:00'}, {open: '18:00', close: '23:00'}]);
  assert.deepEqual(rangesOfDay(days, 0), []);
});

test('scheduleDays sorts by weekday then opening, in the API\'s shape, without changing its input', () => {
  const week = [
    {weekday: 2, open: '18:00', close: '22:00', label: 'x', offset: 0},
    {weekday: 0, open: '12:00', close: '15:00', label: 'x', offset: 0},
    {weekday: 2, open: '11:00', close: '14:00', label: 'x', offset: 0},
  ];
  assert.deepEqual(scheduleDays(week), [
    {weekday: 0, open_time: '12:00', close_time: '15:00'},
    {weekday: 2, open_time: '11:00', close_time: '14:00'},
    {weekday: 2, open_time: '18:00', close_time: '22:00'},
  ]);
  assert.equal(week[0].weekday, 2);
});

test('specialRangesText marks the ranges that close the next day', () => {
  const text = specialRangesText([{open_time: '12:00', close_time: '15:00'}, {open_time: '18:00', close_time: '01:00'}]);
  assert.equal(text, `${rangeText({open: '12:00', close: '15:00'})}, ${rangeText({open: '18:00', close: '01:00'})} (next day)`);
  assert.equal(specialRangesText([]), '');
});
