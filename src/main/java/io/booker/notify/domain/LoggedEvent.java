package io.booker.notify.domain;

import java.util.Objects;

/**
 * An event of notify's log, as a reconnecting live client catches up from it.
 *
 * @param seq notify's arrival order, increasing
 * @param message the live message as it was published (REST-shaped JSON text)
 */
public record LoggedEvent(long seq, String eventId, String venueId, String message) {

  public LoggedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(venueId, "venueId");
    Objects.requireNonNull(message, "message");
  }
}
