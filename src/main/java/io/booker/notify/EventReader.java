package io.booker.notify;

import java.time.Instant;

/**
 * Reads the value of a record of the booking and venue topics into the event notify handles.
 * A record that cannot be read throws (an {@link io.booker.notify.domain.UnreadableEvent} as a
 * rule; any runtime exception counts): the consumer records it as poisoned and skips it.
 */
@FunctionalInterface
public interface EventReader {

  /** @param received stands in for a missing event timestamp */
  ParsedEvent read(String topic, String value, Instant received);
}
