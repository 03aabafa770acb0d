// Booking statuses and the bookings list's search. Pure: no DOM (unit-tested with node --test,
// src/test/js/bookings.test.mjs).

/** The statuses that hold a table. */
export const ACTIVE = new Set(['held', 'confirmed', 'seated']);

/** Lower case, without accents or other marks: "Zoë Ångström" matches "zoe angstrom". */
export function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function digits(text) {
  return String(text ?? '').replace(/\D/g, '');
}

/** Whether a booking matches the search: its guest's name contains it, or its phone's digits contain the search's digits. */
export function matches(booking, query) {
  const q = fold(query).trim();
  if (!q) return true;
  if (fold(booking.customer_name).includes(q)) return true;
  const d = digits(query);
  return d.length > 0 && d.length === q.replace(/[\s()+\-./]/g, '').length && digits(booking.customer_phone).includes(d);
}

/** Whether a booking passes the list's status filter: 'all' (or none), 'active', or one status. */
export function statusMatches(booking, status) {
  if (!status || status === 'all') return true;
  if (status === 'active') return ACTIVE.has(booking.status);
  return booking.status === status;
}
