package io.booker.booking.domain;

import java.time.Instant;

/**
 * One line of a booking's audit trail.
 *
 * @param fromStatus empty for the creation
 * @param payloadJson the details of the change, a JSON object
 */
public record HistoryEntry(long id, String eventType, String actorId, String fromStatus, String toStatus, long version,
    String payloadJson, Instant createdAt) {
}
