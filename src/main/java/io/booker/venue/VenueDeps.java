package io.booker.venue;

import io.booker.proto.booking.BookingServiceClient;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * What the venue use cases need from the outside world.
 *
 * @param eventsWritten called after a transaction that appended outbox events has committed
 */
public record VenueDeps(Pool pool, Redis redis, BookingServiceClient bookings, VenueEvents events, Runnable eventsWritten, Clock clock) {
}
