package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.seating.SeatingRules;
import io.booker.venue.domain.seating.SeatingRulesText;
import io.vertx.core.Future;

import java.util.UUID;

/**
 * A venue's seating rules (turn times, service periods with pacing, booking window): everyone who
 * reads the venue reads them ({@link Permission#READ_VENUE}, hosts included); those who edit its
 * hours replace them ({@link Permission#EDIT_SCHEDULE}: admins, the venue's managers), as one
 * document validated as a whole before anything is written. A change is announced like an hours
 * change (what can be booked changed), so live clients refresh.
 */
final class SeatingUseCases {

  private final SeatingStore store;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  SeatingUseCases(VenueDeps deps) {
    this.store = deps.seating();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
  }

  Future<SeatingStore.Stored> get(Caller caller, String venue) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.READ_VENUE, venueId.toString(), "venue", venue);
    return store.find(venueId).map(found -> found.orElseThrow(() -> ServiceException.notFound("venue", venue)));
  }

  Future<SeatingStore.Stored> replace(Caller caller, String venue, SeatingRulesText document) {
    UUID venueId = Ids.uuid("venue_id", venue);
    caller.require(Permission.EDIT_SCHEDULE, venueId.toString(), "venue", venue);
    SeatingRules rules = SeatingRules.parse(document);
    return store.replace(venueId, rules, events.scheduleUpdated(caller, venueId.toString(), "")).map(written -> {
      SeatingStore.Stored stored = written.orElseThrow(() -> ServiceException.notFound("venue", venue));
      eventsWritten.run();
      return stored;
    });
  }
}
