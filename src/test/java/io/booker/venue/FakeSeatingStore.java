package io.booker.venue;

import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.seating.SeatingRules;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The venues' seating rules in memory. A venue exists when it was {@link #putVenue put}; writes for
 * another venue write nothing. Committed events go to {@link #outbox}; every call is recorded in
 * {@link #calls}.
 */
final class FakeSeatingStore implements SeatingStore {

  final Set<UUID> venues = new HashSet<>();
  final Map<UUID, Stored> rules = new HashMap<>();
  final List<OutboxEvent> outbox = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  private final Clock clock;

  FakeSeatingStore(Clock clock) {
    this.clock = clock;
  }

  void putVenue(UUID venueId) {
    venues.add(venueId);
  }

  @Override
  public Future<Optional<Stored>> find(UUID venueId) {
    calls.add("find");
    if (!venues.contains(venueId)) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.succeededFuture(Optional.of(rules.getOrDefault(venueId, new Stored(SeatingRules.NONE, null))));
  }

  @Override
  public Future<Optional<Stored>> replace(UUID venueId, SeatingRules document, OutboxEvent event) {
    calls.add("replace");
    if (!venues.contains(venueId)) {
      return Future.succeededFuture(Optional.empty());
    }
    Stored stored = new Stored(document, clock.instant());
    rules.put(venueId, stored);
    outbox.add(event);
    return Future.succeededFuture(Optional.of(stored));
  }
}
