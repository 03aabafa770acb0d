package io.booker.venue;

import io.booker.common.Paging;
import io.booker.platform.outbox.OutboxEvent;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The venues. Every write that emits an event appends it to the outbox in the same transaction;
 * lookups by id answer {@link Optional#empty()} for an unknown id (the caller names what is missing).
 */
public interface VenueStore {

  /** Inserts venue {@code id} with the (already validated) fields; {@code event} describes the venue as stored. */
  Future<Venue> insertVenue(UUID id, VenueFields fields, Function<Venue, OutboxEvent> event);

  Future<Optional<Venue>> findVenue(UUID id);

  /**
   * Replaces the venue's fields, the language included (an empty timezone keeps the current one);
   * empty, and no event, when the venue does not exist.
   */
  Future<Optional<Venue>> updateVenue(UUID id, VenueFields fields, Function<Venue, OutboxEvent> event);

  /**
   * Deletes a venue with its rooms and tables (no room or table can be added meanwhile); answers
   * the ids of the rooms it had, empty (and no event) when the venue does not exist.
   */
  Future<Optional<List<String>>> deleteVenue(UUID id, OutboxEvent event);

  /** A page of the venues in {@code scope}, by creation, with their total: one read whatever the scope. */
  Future<Page<Venue>> listVenues(Paging paging, VenueScope scope);
}
