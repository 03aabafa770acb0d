package io.booker.venue;

import io.booker.common.Ids;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.booker.proto.venue.*;
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

  Future<Venue> createVenue(Caller caller, CreateVenueRequest r) {
    return attempt(() -> {
      caller.require(Permission.MANAGE_VENUES);
      CreateVenueRequest clean = CreateVenueRequest.newBuilder()
        .setName(required("name", r.getName(), VENUE_NAME_MAX))
        .setTimezone(r.getTimezone().isBlank() ? "UTC" : zone(r.getTimezone()))
        .setAddress(multiline("address", r.getAddress(), ADDRESS_MAX))
        .setPhone(phone(r.getPhone()))
        .setEmail(email(r.getEmail()))
        .setDescription(multiline("description", r.getDescription(), DESCRIPTION_MAX))
        .setLanguage(language(r.getLanguage()))
        .build();
      return venues.insertVenue(UUID.randomUUID(), clean, v -> events.venueCreated(caller, v)).andThen(written(eventsWritten));
    });
  }

  Future<Venue> getVenue(Caller caller, GetVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.READ_VENUE, id.toString(), "venue", r.getId());
      return venues.findVenue(id).map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", r.getId())));
    });
  }

  /** Admins list every venue; anyone else only theirs, with the total of theirs (one read either way). */
  Future<ListVenuesResponse> listVenues(Caller caller, ListVenuesRequest r) {
    return attempt(() -> {
      caller.require(Permission.READ_VENUE);
      return venues.listVenues(Paging.of(r.getLimit(), r.getOffset()), VenueScope.of(caller));
    });
  }

  Future<Venue> updateVenue(Caller caller, UpdateVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.EDIT_STRUCTURE, id.toString(), "venue", r.getId());
      UpdateVenueRequest clean = UpdateVenueRequest.newBuilder()
        .setId(r.getId())
        .setName(required("name", r.getName(), VENUE_NAME_MAX))
        .setAddress(multiline("address", r.getAddress(), ADDRESS_MAX))
        .setPhone(phone(r.getPhone()))
        .setEmail(email(r.getEmail()))
        .setDescription(multiline("description", r.getDescription(), DESCRIPTION_MAX))
        .setTimezone(r.getTimezone().isBlank() ? "" : zone(r.getTimezone())) // empty keeps the current zone
        .setLanguage(language(r.getLanguage())) // replaced like the description: empty clears it
        .build();
      return venues.updateVenue(id, clean, v -> events.venueUpdated(caller, v))
        .map(v -> v.orElseThrow(() -> ServiceException.notFound("venue", r.getId())))
        .andThen(written(eventsWritten));
    });
  }

  Future<DeleteVenueResponse> deleteVenue(Caller caller, DeleteVenueRequest r) {
    return attempt(() -> {
      UUID id = Ids.uuid("id", r.getId());
      caller.require(Permission.MANAGE_VENUES, id.toString(), "venue", r.getId());
      return venues.findVenue(id)
        .compose(v -> v.isPresent() ? refuseIfBooked(bookings, id.toString(), List.of(), "venue " + id)
          : Future.failedFuture(ServiceException.notFound("venue", r.getId())))
        // Bookings are counted by venue, so rooms or tables added meanwhile are covered too.
        .compose(v -> venues.deleteVenue(id, events.venueDeleted(caller, id.toString())))
        .map(rooms -> rooms.orElseThrow(() -> ServiceException.notFound("venue", r.getId())))
        .andThen(written(eventsWritten))
        .compose(layouts::invalidate)
        .map(v -> DeleteVenueResponse.newBuilder().setSuccess(true).build());
    });
  }
}
