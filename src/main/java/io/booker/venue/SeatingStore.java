package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.seating.SeatingRules;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A venue's seating rules, one document per venue. */
public interface SeatingStore {

  /** The rules as stored, and when they last changed (null, with {@link SeatingRules#NONE}, for a venue that never had any). */
  record Stored(SeatingRules rules, Instant updatedAt) {
  }

  /** The venue's rules; empty when the venue does not exist. */
  Future<Optional<Stored>> find(UUID venueId);

  /** Replaces the venue's rules and appends {@code event} in the same transaction; empty (nothing written) when the venue does not exist. */
  Future<Optional<Stored>> replace(UUID venueId, SeatingRules rules, OutboxEvent event);
}
