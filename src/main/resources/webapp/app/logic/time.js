// Times in the venue's zone, formatted in the browser's locale. A venue's dates and times travel as
// venue-local strings (YYYY-MM-DD, HH:MM) and as Unix seconds; nothing here assumes the browser is in
// the venue's zone. Pure: no DOM (unit-tested with node --test, src/test/js/time.test.mjs).

const partsFormats = new Map();

function partsFormat(zone) {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short'});
    partsFormats.set(zone, f);
  }
  return f;
}

/** The wall clock of instant ms in zone: {date: 'YYYY-MM-DD', time: 'HH:MM', minutes, weekday (0 = Sunday)}. */
export function wallClock(ms, zone) {
  const p = Object.fromEntries(partsFormat(zone).formatToParts(new Date(ms)).map(x => [x.type, x.value]));
  const hour = p.hour === '24' ? '00' : p.hour;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${hour}:${p.minute}`,
    minutes: Number(hour) * 60 + Number(p.minute),
    seconds: Number(p.second),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday),
  };
}

function offsetMs(ms, zone) {
  const w = wallClock(ms, zone);
  const [y, m, d] = w.date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, Math.floor(w.minutes / 60), w.minutes % 60, w.seconds) - Math.floor(ms / 1000) * 1000;
}

/** The instant (ms) at which the wall clock in zone shows date + time ('HH:MM'); DST gaps move forward. */
export function instant(date, time, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let ms = guess - offsetMs(guess, zone);
  const second = guess - offsetMs(ms, zone);
  if (second !== ms) ms = second;
  return ms;
}

export function today(zone) {
  return wallClock(Date.now(), zone).date;
}

export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as the schedule API counts. */
export function weekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * Minutes from date's midnight (venue-local) to the instant of Unix seconds: the wall clock's minutes,
 * plus 1440 when the instant falls on a later day (a booking past midnight), minus 1440 on an earlier one.
 */
export function minutesFrom(date, seconds, zone) {
  const w = wallClock(seconds * 1000, zone);
  const days = w.date === date ? 0 : w.date > date ? 1 : -1;
  return w.minutes + days * 1440;
}

export function minutesOf(time) {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

export function timeOf(minutes) {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const formats = new Map();

function format(key, options) {
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, f);
  }
  return f;
}

/** A time of day of instant ms, in zone, in the browser's locale ("7:30 PM", "19:30"). */
export function formatTime(ms, zone) {
  return format(`t|${zone}`, {timeZone: zone, hour: 'numeric', minute: '2-digit'}).format(ms);
}

/** A venue-local 'HH:MM' in the browser's locale. */
export function formatClock(time) {
  const [hh, mm] = time.split(':').map(Number);
  return format('clock', {timeZone: 'UTC', hour: 'numeric', minute: '2-digit'}).format(Date.UTC(2000, 0, 1, hh, mm));
}

/** A venue-local date ('YYYY-MM-DD') in the browser's locale, with its weekday. */
export function formatDate(date, style = 'long') {
  const [y, m, d] = date.split('-').map(Number);
  const options = style === 'short' ? {weekday: 'short', day: 'numeric', month: 'short'}
    : {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'};
  return format(`d|${style}`, {timeZone: 'UTC', ...options}).format(Date.UTC(y, m - 1, d, 12));
}

/** Date and time of instant ms in zone ("Mon, 30 Nov, 19:30"). */
export function formatDateTime(ms, zone) {
  return format(`dt|${zone}`, {timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric',
    minute: '2-digit'}).format(ms);
}

/** "4:59" for a countdown of seconds. */
export function formatCountdown(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The opening ranges of date at a venue, as [{open, close}] in minutes from date's midnight (close may
 * pass 1440 for an overnight range). A special day replaces the weekly hours; a closed one has none.
 */
export function rangesOn(date, hours, specials) {
  const special = specials.find(s => s.date === date);
  const toRange = r => {
    const open = minutesOf(r.open_time);
    let close = minutesOf(r.close_time);
    if (close <= open) close += 1440;
    return {open, close};
  };
  if (special) return special.is_closed ? [] : special.ranges.map(toRange);
  const day = weekday(date);
  return hours.filter(d => d.weekday === day).map(toRange).sort((a, b) => a.open - b.open);
}
