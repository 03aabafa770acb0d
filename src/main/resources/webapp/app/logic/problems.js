// A failed call's problem, and the sentence a person at the host stand reads for it. Pure: no DOM, no
// fetch (unit-tested with node --test, src/test/js/problems.test.mjs). api.js throws ApiError and
// re-exports both names.
import {dayName, rangeText} from './hours.js';

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
    this.detail = detail || '';
  }
}

/** A sentence for a failed call, for the person at the host stand rather than a developer. */
export function explain(error, what = 'That') {
  if (!(error instanceof ApiError)) return `${what} did not work: ${error?.message ?? error}`;
  switch (error.code) {
    case 'NETWORK': return error.detail;
    case 'SLOT_TAKEN': return 'Someone else just took that table for this time. Pick another table or time.';
    case 'HOLD_EXPIRED': return 'The hold ran out before it was confirmed; the table has been released. Book again.';
    case 'INVALID_TRANSITION': return `${what} is not possible any more: the booking changed meanwhile. ${error.detail}`;
    case 'DUPLICATE_IN_FLIGHT': case 'CONCURRENT_CHANGE': return 'Someone else is changing this right now. Try again in a moment.';
    case 'HAS_FUTURE_BOOKINGS': return `It still has bookings to come. ${error.detail}`;
    case 'ALREADY_EXISTS': return `That already exists. ${error.detail}`;
    case 'NOT_FOUND': return 'It is not there any more (or not yours to see).';
    case 'PERMISSION_DENIED': return 'Your role does not allow this.';
    case 'RATE_LIMITED': return error.detail || 'Too many attempts. Wait a little and try again.';
    case 'UNAUTHENTICATED': return 'Your session ended. Sign in again.';
    case 'UNAVAILABLE': case 'DEADLINE_EXCEEDED': return 'The service is busy or restarting. Try again in a moment.';
    case 'PACING_LIMIT': return `The kitchen's pacing is full at that time: ${error.detail}. Pick another time, or book anyway if the kitchen agrees.`;
    case 'TABLE_BLOCKED': return `That table is blocked then (${error.detail}). Pick another table or time.`;
    case 'BLOCK_OVERLAPS_BOOKINGS': return 'Bookings already hold these tables at that time. Choose “Block anyway” to block them all the same '
      + '(the bookings stay; move or cancel them yourself), or pick another time.';
    case 'INVALID_ARGUMENT': return bookingWindow(error.detail) ?? (error.detail || 'Some of the values are not valid.');
    default: return error.detail || `${what} did not work (HTTP ${error.status}).`;
  }
}

/** A booking-window refusal (a 400 on slot) in words, or null when the detail is something else. */
function bookingWindow(detail) {
  const m = /^slot: (bookings open at most .*|needs at least .*)$/.exec(detail ?? '');
  if (!m) return null;
  return m[1].startsWith('bookings')
    ? `That date is too far ahead: ${m[1]}.`
    : `That start is too soon: this venue ${m[1]}.`;
}

/**
 * The field path a 400's message starts with, and the rest: "periods[0].last_seating: must be …" is
 * {path: 'periods[0].last_seating', message: 'must be …'}; {path: null, message} when there is none.
 */
export function fieldError(detail) {
  const m = /^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.*)$/s.exec(detail ?? '');
  return m ? {path: m[1], message: m[2]} : {path: null, message: detail ?? ''};
}

/**
 * The server's answer about a weekly schedule, with days[i] (the request's i-th range) turned into the
 * weekday and times it was: "days[3].close_time ..." reads "Thursday 12:00–15:00 ...".
 */
export function explainHours(err, days) {
  if (err.code !== 'INVALID_ARGUMENT' || !err.detail) return explain(err, 'Saving the hours');
  const text = err.detail.replace(/days\[(\d+)\](\.\w+)?/g, (m, i) => {
    const d = days[Number(i)];
    return d ? `${dayName(d.weekday)} ${rangeText({open: d.open_time, close: d.close_time})}` : m;
  });
  return `The hours were not saved: ${text}`;
}
