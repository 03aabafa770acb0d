// What is happening at a table at a moment, as the floor view shows it: seated, held, booked soon or
// free, and which bookings of the night are still on today's floor. Pure: no DOM, the moment is a
// parameter (unit-tested with node --test, src/test/js/table-state.test.mjs). Bookings are the API's:
// starts_at, ends_at and expires_at in Unix seconds.

/** A booking starting within this time of now makes its table "booked soon". */
export const SOON_MS = 60 * 60_000;
/** How long past its end a seated booking of yesterday still marks its table (guests who stay on). */
export const OVERSTAY_SECONDS = 3 * 3600;

/** The states, in the order a table's state is decided, with what the screen calls them. */
export const STATES = {
  seated: 'Seated',
  held: 'Held',
  soon: 'Booked soon',
  free: 'Free',
};

/**
 * What is happening at table now: {state, booking (the current or next one), bookings (its active
 * bookings of the day, by start)}. Seated beats held beats booked soon; a hold past its expiry no
 * longer counts, and a free table's booking is its next one (or null).
 */
export function tableState(tableId, bookings, nowMs) {
  const now = nowMs / 1000;
  const soon = (nowMs + SOON_MS) / 1000;
  const mine = bookings
    .filter(b => (b.tables ?? [b.table]).some(t => t.table_id === tableId))
    .filter(b => b.status === 'seated' || b.status === 'confirmed'
      || b.status === 'held' && !(b.expires_at && b.expires_at < now))
    .sort((a, b) => a.starts_at - b.starts_at);
  const seated = mine.find(b => b.status === 'seated');
  if (seated) return {state: 'seated', booking: seated, bookings: mine};
  const held = mine.find(b => b.status === 'held' && b.ends_at > now && b.starts_at <= soon);
  if (held) return {state: 'held', booking: held, bookings: mine};
  const booked = mine.find(b => b.status === 'confirmed' && b.ends_at > now && b.starts_at <= soon);
  if (booked) return {state: 'soon', booking: booked, bookings: mine};
  const next = mine.find(b => b.starts_at > now);
  return {state: 'free', booking: next ?? null, bookings: mine};
}

/**
 * The bookings on the floor today at nowSeconds: today's, and yesterday's still running past midnight
 * (the overnight service), or seated until a little past their end.
 */
export function onTheFloor(today, yesterday, nowSeconds) {
  return [...today, ...yesterday.filter(b => b.ends_at > nowSeconds
    || (b.status === 'seated' && b.ends_at > nowSeconds - OVERSTAY_SECONDS))];
}
