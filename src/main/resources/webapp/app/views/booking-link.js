// Opening a booking's details from another screen (the floor, the bookings list): views/booking.js is
// loaded when first needed.
import {toast} from '../dom.js';

/** Opens a booking's details (views/booking.js), saying so when that screen cannot be loaded. */
export function openBooking(ctx, bookingId) {
  return import('./booking.js').then(m => m.openBooking(ctx, bookingId))
    .catch(() => toast('The booking details cannot be opened right now. Try again in a moment.', 'error'));
}
