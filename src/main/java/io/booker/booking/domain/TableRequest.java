package io.booker.booking.domain;

import java.util.UUID;

/**
 * The table a request names: its id, and the room when the caller said which (null otherwise).
 * Whether it exists, and where, is the venue's to check.
 */
public record TableRequest(UUID tableId, UUID roomId) {
}
