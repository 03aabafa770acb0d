// Opening hours as the setup screen edits them: a week of ranges (several a day, overnight closing),
// their overlaps, and how they read. Pure: no DOM (unit-tested with node --test,
// src/test/js/hours.test.mjs). A range is {open: 'HH:MM', close: 'HH:MM'}; close <= open closes
// after midnight and open = close is 24 hours.
import {formatClock, minutesOf, timeOf} from './time.js';

/** Monday first on screen; the API counts 0 = Sunday … 6 = Saturday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
/** The most ranges one day may have in the editor. */
export const MAX_RANGES = 12;
export const WEEK_MINUTES = 7 * 1440;

const dayNameFormat = new Intl.DateTimeFormat(undefined, {weekday: 'long', timeZone: 'UTC'});

/** The weekday's name in the browser's language (0 = Sunday). 2023-01-01 was a Sunday. */
export function dayName(weekday) {
  return dayNameFormat.format(Date.UTC(2023, 0, 1 + weekday, 12));
}

/** A range as minutes [open, close) from its day's midnight; close passes 1440 after midnight, open = close is 24 hours. */
export function span(r) {
  const open = minutesOf(r.open);
  let close = minutesOf(r.close);
  if (close <= open) close += 1440;
  return {open, close};
}

/** "12:00–15:00" in the browser's locale. */
export function rangeText(r) {
  return `${formatClock(r.open)}–${formatClock(r.close)}`;
}

/**
 * The first overlap among ranges, as a sentence, or ''. items: [{label, open, close, offset}] where
 * offset is the minutes of the day's start; period is the week's length when the ranges are a week
 * (a circle: Sunday night runs into Monday), 0 for one day.
 */
export function overlap(items, period) {
  const spans = items.map(it => {
    const s = span(it);
    return {it, start: it.offset + s.open, end: it.offset + s.close};
  }).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < spans.length; i++) {
    if (spans[i + 1].start < spans[i].end) return clash(spans[i].it, spans[i + 1].it);
  }
  if (period && spans.length > 1) {
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (first.start + period < last.end) return clash(last.it, first.it);
  }
  return '';
}

function clash(a, b) {
  return `${a.label} ${rangeText(a)} overlaps ${b.label} ${rangeText(b)}. Change one of them so they do not cross.`;
}

/** What the editor writes beside a range: 'open 24 hours', 'closes next day', or ''. */
export function rangeNote(r) {
  if (!r.open || !r.close) return '';
  if (r.open === r.close) return 'open 24 hours';
  return minutesOf(r.close) < minutesOf(r.open) ? 'closes next day' : '';
}

/** The range "Add hours" proposes: three hours from the last range's close, or lunch when there is none. */
export function nextRange(ranges) {
  const last = ranges[ranges.length - 1];
  return last && last.close ? {open: last.close, close: timeOf(minutesOf(last.close) + 180)} : {open: '12:00', close: '15:00'};
}

/** The editor's ranges of weekday from the API's schedule days, earliest first. */
export function rangesOfDay(days, weekday) {
  return days.filter(d => d.weekday === weekday)
    .map(d => ({open: d.open_time, close: d.close_time}))
    .sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
}

/** The schedule request's days from [{weekday, open, close}]: by weekday, then opening time. */
export function scheduleDays(week) {
  return [...week].sort((a, b) => a.weekday - b.weekday || minutesOf(a.open) - minutesOf(b.open))
    .map(r => ({weekday: r.weekday, open_time: r.open, close_time: r.close}));
}

/** A special day's hours as the list shows them: "12:00–15:00, 18:00–01:00 (next day)". */
export function specialRangesText(ranges) {
  return ranges.map(r => {
    const t = rangeText({open: r.open_time, close: r.close_time});
    return minutesOf(r.close_time) <= minutesOf(r.open_time) ? `${t} (next day)` : t;
  }).join(', ');
}
