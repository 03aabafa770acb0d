package io.booker.venue;

import io.booker.venue.domain.AvailabilitySnapshot;
import io.vertx.core.Future;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** What an availability check reads about a venue: one read, whatever the size of the venue. */
public interface AvailabilityReads {

  /** The venue as availability sees it for {@code date}, with every table and combination; empty when the venue does not exist. */
  Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date);

  /** As {@link #snapshot(UUID, LocalDate)}, with only the tables among {@code tableIds} (another venue's never) and no combination. */
  Future<Optional<AvailabilitySnapshot>> snapshot(UUID venueId, LocalDate date, UUID[] tableIds);

  /**
   * As {@link #snapshot(UUID, LocalDate)}, with only combination {@code combinationId} and its
   * tables; no combination (and no table) when it is not one of the venue's.
   */
  Future<Optional<AvailabilitySnapshot>> combinationSnapshot(UUID venueId, LocalDate date, UUID combinationId);
}
