// The rules by which the store keeps one copy of each booking (app/store.js): a booking is replaced only
// by a version of itself at least as new as the newest seen (events of one booking can arrive out of
// order and twice; an equal version is the same booking again), and it is filed under the date of its
// slot, leaving any other loaded date it was on (a reschedule). Pure: no DOM (unit-tested with
// node --test, src/test/js/versions.test.mjs).

/**
 * Whether booking may replace what is known of it (its version is not older than the newest seen);
 * when it may, records its version. versions: Map of booking id → newest version seen.
 */
export function accept(versions, booking) {
  const known = versions.get(booking.id) ?? 0;
  if (booking.version < known) return false;
  versions.set(booking.id, booking.version);
  return true;
}

/**
 * Files an accepted booking among the loaded days (Map of 'YYYY-MM-DD' → {bookings: Map of id →
 * booking}): under its slot's date when that day is loaded, and out of every other day that had it.
 * Returns the dates whose bookings changed.
 */
export function file(days, booking) {
  const changed = new Set();
  for (const [date, day] of days) {
    if (day.bookings.has(booking.id) && date !== booking.slot.date) {
      day.bookings.delete(booking.id);
      changed.add(date);
    }
  }
  const day = days.get(booking.slot.date);
  if (day) {
    day.bookings.set(booking.id, booking);
    changed.add(booking.slot.date);
  }
  return [...changed];
}
