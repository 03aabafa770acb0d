package io.booker.venue;

import java.time.Clock;

/**
 * What the venue use cases need from the outside world: a store per aggregate (the rooms' table combinations too), the availability
 * read, the layout cache, the booking service's occupancy look-up, and the event builder.
 *
 * @param eventsWritten called after a transaction that appended outbox events has committed
 */
record VenueDeps(VenueStore venues, RoomStore rooms, TableStore tables, CombinationStore combinations, ScheduleStore schedule, SeatingStore seating, AvailabilityReads availability,
                 CachedLayouts layouts, BookingOccupancy bookings, VenueEvents events, Runnable eventsWritten, Clock clock) {
}
