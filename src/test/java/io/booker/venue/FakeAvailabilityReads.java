package io.booker.venue;

import io.booker.venue.domain.AvailabilitySnapshot;
import io.booker.venue.domain.seating.Combination;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Availability's view of the venues: one snapshot per venue, narrowed to the tables (or the combination) asked for; every read recorded. */
final class FakeAvailabilityReads implements AvailabilityReads {

  /** @param tableIds the tables asked for, or null for every table */
  record Read(UUID venueId, LocalDate date, Set<String> tableIds) {
  }

  final Map<UUID, AvailabilitySnapshot> venues = new HashMap<>();
  final List<Read> reads = new ArrayList<>();

  @Override
  public Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date) {
    reads.add(new Read(venueId, date, null));
    return Future.succeededFuture(Optional.ofNullable(venues.get(venueId)));
  }

  @Override
  public Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date, UUID[] tableIds) {
    Set<String> asked = Arrays.stream(tableIds).map(UUID::toString).collect(Collectors.toSet());
    reads.add(new Read(venueId, date, asked));
    return Future.succeededFuture(Optional.ofNullable(venues.get(venueId)).map(v -> new AvailabilitySnapshot(v.zone(), v.weekly(),
      v.specialDays(), v.tables().stream().filter(t -> asked.contains(t.tableId())).toList(), v.seating())));
  }

  @Override
  public Future<Optional<AvailabilitySnapshot>> combinationSnapshot(UUID venueId, LocalDate date, UUID combinationId) {
    reads.add(new Read(venueId, date, Set.of("combination " + combinationId)));
    return Future.succeededFuture(Optional.ofNullable(venues.get(venueId)).map(v -> {
      List<Combination> asked = v.combinations().stream().filter(c -> c.id().equals(combinationId)).toList();
      Set<String> tables = asked.stream().flatMap(c -> c.tableIds().stream()).map(UUID::toString).collect(Collectors.toSet());
      return new AvailabilitySnapshot(v.zone(), v.weekly(), v.specialDays(),
        v.tables().stream().filter(t -> tables.contains(t.tableId())).toList(), asked);
    }));
  }
}
