package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.venue.domain.Page;
import io.booker.venue.domain.Venue;
import io.booker.venue.domain.VenueFields;
import io.booker.venue.domain.VenueScope;
import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

import static io.booker.venue.StructureChecks.attempt;
import static io.booker.venue.StructureChecks.refuseIfBooked;
import static io.booker.venue.StructureChecks.written;
import static io.booker.venue.domain.StructureFields.*;

/**
 * Venues: create, read, list, update, delete. Every change commits its outbox event with it and,
 * once committed, kicks the relay; a delete first asks the booking service whether the venue
 * still has future bookings (if it cannot answer, nothing is deleted) and, once committed, drops
 * the cached layouts of the venue's rooms.
 *
 * <p>Access, checked before anything is read or written: creating and deleting venues is for
 * admins ({@link Permission#MANAGE_VENUES}), changing one needs {@link Permission#EDIT_STRUCTURE}
 * on it, reading {@link Permission#READ_VENUE}. A venue the caller does not see answers NOT_FOUND
 * exactly as a missing one does.
 */
final class VenueUseCases {

  private final VenueStore venues;
  private final CachedLayouts layouts;
  private final BookingOccupancy bookings;
  private final VenueEvents events;
  private final Runnable eventsWritten;

  VenueUseCases(VenueDeps deps) {
    this.venues = deps.venues();
    this.layouts = deps.layouts();
    this.bookings = deps.bookings();
    this.events = deps.events();
    this.eventsWritten = deps.eventsWritten();
  }

  Future<Venue> createVenue(Caller caller, VenueFields r) {
    return attempt(() -> {
      caller.require(Permission.MANAGE_VENUES);
      String name = required("name", r.name(), VENUE_NAME_MAX);
      String timezone = r.timezone().isBlank() ? "UTC" : zone(r.timezone());
      String address = multiline("address", r.address(), ADDRESS_MAX);
      String phone = phone(r.phone());
      String email = email(r.email());
      String description = multiline("description", r.description(), DESCRIPTION_MAX);
      VenueFields clean = new VenueFields(name, timezone, address, phone, email, description, language(r.language()));
      return venues.insertVenue(UUID.randomUUID(), clean, v -> events.venueCreated(caller, v)).andThen(written(eventsWritten));
    });
  }

  Future<Venue> getVenue(Caller caller, String venueId) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", venueId);
      caller.require(Permission.READ_VENUE, id.toString(), "venue", venueId);
      return venues.findVenue(id).map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", venueId)));
    });
  }

  /** Admins list every venue; anyone else only theirs, with the total of theirs (one read either way). */
  Future<Page<Venue>> listVenues(Caller caller, int limit, int offset) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      return venues.listVenues(Paging.of(limit, offset), VenueScope.of(caller));
    });
  }

  Future<Venue> updateVenue(Caller caller, String venueId, VenueFields r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", venueId);
      caller.require(Permission.EDIT_STRUCTURE, id.toString(), "venue", venueId);
      String name = required("name", r.name(), VENUE_NAME_MAX);
      String address = multiline("address", r.address(), ADDRESS_MAX);
      String phone = phone(r.phone());
      String email = email(r.email());
      String description = multiline("description", r.description(), DESCRIPTION_MAX);
      String timezone = r.timezone().isBlank() ? "" : zone(r.timezone()); // empty keeps the current zone
      String language = language(r.language()); // replaced like the description: empty clears it
      VenueFields clean = new VenueFields(name, timezone, address, phone, email, description, language);
      return venues.updateVenue(id, clean, v -> events.venueUpdated(caller, v))
        .map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", venueId)))
        .andThen(written(eventsWritten));
    });
  }

  Future<Void> deleteVenue(Caller caller, String venueId) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", venueId);
      caller.require(Permission.MANAGE_VENUES, id.toString(), "venue", venueId);
      return venues.findVenue(id)
        .compose(v -> v.isPresent() ? refuseIfBooked(bookings, id.toString(), List.of(), "venue " + id)
          : Future.failedFuture(ServiceException.notFound("venue", venueId)))
        // Bookings are counted by venue, so rooms or tables added meanwhile are covered too.
        .compose(v -> venues.deleteVenue(id, events.venueDeleted(caller, id.toString())))
        .map(rooms -> rooms.orElseThrow(() -> ServiceException.notFound("venue", venueId)))
        .andThen(written(eventsWritten))
        .compose(layouts::invalidate);
    });
  }
}
