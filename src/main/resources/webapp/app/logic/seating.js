// A venue's seating rules as the staff app reads them (the document of GET /venues/{id}/seating,
// docs/seating.md): the turn time a new booking will get when its duration is left to the server,
// the service period of a start, and the pacing intervals of a day with what is already booked in
// them. Pure: no DOM (unit-tested with node --test, src/test/js/seating.test.mjs). The server decides;
// this is what the screens show beforehand. Times are venue-local 'HH:MM' and dates 'YYYY-MM-DD'.
import {minutesFrom, minutesOf, timeOf, weekday, addDays} from './time.js';

/** The duration a booking gets when no turn time fits (the server's default). */
export const DEFAULT_MINUTES = 120;

/** A period's [start, end) in minutes from its own day's midnight; an end not after the start is the next day. */
export function periodSpan(period) {
  const start = minutesOf(period.start_time);
  let end = minutesOf(period.end_time);
  if (end <= start) end += 1440;
  return {start, end};
}

/**
 * The period a start at date + time belongs to: {period, serviceDate}, a period of date holding the
 * time, or the after-midnight part of the previous date's overnight period (serviceDate is then the
 * previous date); null outside every period.
 */
export function periodAt(rules, date, time) {
  const periods = rules?.periods ?? [];
  const t = minutesOf(time);
  const day = weekday(date);
  for (const p of periods) {
    const {start, end} = periodSpan(p);
    if (p.weekdays.includes(day) && start <= t && t < end) return {period: p, serviceDate: date};
  }
  const before = (day + 6) % 7;
  for (const p of periods) {
    const {start, end} = periodSpan(p);
    if (end > 1440 && p.weekdays.includes(before) && t + 1440 >= start && t + 1440 < end) {
      return {period: p, serviceDate: addDays(date, -1)};
    }
  }
  return null;
}

/**
 * SeatingRules.turnMinutes: among the rows that hold on weekday in period (their weekdays contain it
 * or are empty; their period is this one or none) and seat the party, the most specific one (period
 * and weekday, then period, then weekday, then general), within that the smallest max_party_size (a
 * row without one last). Null when no row fits.
 */
export function turnMinutes(turnTimes, partySize, day, periodName) {
  const wanted = periodName ? periodName.toLowerCase() : null;
  let best = null;
  let bestKey = null;
  for (const row of turnTimes ?? []) {
    const days = row.weekdays ?? [];
    if (days.length && !days.includes(day)) continue;
    if (row.period && row.period.toLowerCase() !== wanted) continue;
    const max = row.max_party_size ?? null;
    if (max !== null && max < partySize) continue;
    const rank = (row.period ? 0 : 2) + (days.length ? 0 : 1);
    const key = [rank, max ?? Infinity];
    if (!bestKey || key[0] < bestKey[0] || key[0] === bestKey[0] && key[1] < bestKey[1]) {
      best = row;
      bestKey = key;
    }
  }
  return best ? best.minutes : null;
}

/** The turn time of a party starting at date + time (its period's service day and name), or null. */
export function turnTimeAt(rules, partySize, date, time) {
  if (!rules || !partySize || !date || !/^\d\d:\d\d$/.test(time ?? '')) return null;
  const at = periodAt(rules, date, time);
  return turnMinutes(rules.turn_times, partySize, weekday(at ? at.serviceDate : date), at?.period.name ?? null);
}

/** What the new-booking form says about a duration left empty: "from the venue's turn times (90 min for 2)". */
export function durationHint(rules, partySize, date, time) {
  const minutes = turnTimeAt(rules, partySize, date, time);
  if (minutes === null) return `Duration: the default of ${DEFAULT_MINUTES} min (no turn time fits this party)`;
  return `Duration: from the venue's turn times (${minutes} min for ${partySize})`;
}

const COUNTED = new Set(['held', 'confirmed', 'seated', 'finished']);

/** Whether a booking counts against pacing at nowSeconds: held in time, confirmed, seated or finished. */
export function countsForPacing(b, nowSeconds) {
  if (!COUNTED.has(b.status)) return false;
  return !(b.status === 'held' && b.expires_at && b.expires_at < nowSeconds);
}

/**
 * The pacing intervals of the periods that start on date, with the parties and covers whose booking
 * starts in each: [{period, from, to (minutes from date's midnight, past 1440 after midnight), label
 * 'HH:MM–HH:MM', parties, covers, maxParties, maxCovers (null: no cap), full}]. The intervals are laid
 * from the period's start and the last is cut at its end. Wall-clock minutes: on the night clocks
 * change the server's instants decide (docs/seating.md), this display follows the wall clock.
 */
export function pacingIntervals(rules, date, bookings, zone, nowSeconds) {
  const day = weekday(date);
  const rows = [];
  for (const p of rules?.periods ?? []) {
    if (!p.pacing || !p.weekdays.includes(day)) continue;
    const {start, end} = periodSpan(p);
    const step = p.pacing.interval_minutes ?? 15;
    for (let from = start; from < end; from += step) {
      const to = Math.min(from + step, end);
      rows.push({period: p.name, from, to, label: `${timeOf(from)}–${timeOf(to)}`, parties: 0, covers: 0,
        maxParties: p.pacing.max_parties ?? null, maxCovers: p.pacing.max_covers ?? null, full: false});
    }
  }
  for (const b of bookings) {
    if (!countsForPacing(b, nowSeconds)) continue;
    const m = minutesFrom(date, b.starts_at, zone);
    const row = rows.find(r => r.from <= m && m < r.to);
    if (!row) continue;
    row.parties += 1;
    row.covers += b.party_size;
  }
  for (const r of rows) {
    r.full = r.maxParties !== null && r.parties >= r.maxParties || r.maxCovers !== null && r.covers >= r.maxCovers;
  }
  return rows;
}

/** "4/6 parties, 10/24 covers" (only the capped counts). */
export function pacingCount(row) {
  return [row.maxParties !== null ? `${row.parties}/${row.maxParties} parties` : null,
    row.maxCovers !== null ? `${row.covers}/${row.maxCovers} covers` : null].filter(Boolean).join(', ');
}

/** "Starts 19:00–19:15 (Dinner): 4/6 parties, full" — the sentence of one interval. */
export function pacingSentence(row) {
  return `Starts ${row.label} (${row.period}): ${pacingCount(row)}${row.full ? ', full' : ''}`;
}
