package io.booker.booking;

import java.time.Duration;

/**
 * What the booking use cases need from the outside world.
 *
 * @param eventsWritten called after a transaction that appended outbox events has committed
 * @param holdTtl how long a hold keeps its tables (HOLD_TTL_MINUTES)
 * @param blocks the blocked tables (the same database as {@code store})
 */
record BookingDeps(BookingStore store, HoldStore holds, VenueSlots venues, Runnable eventsWritten, Duration holdTtl, BlockStore blocks) {
}
