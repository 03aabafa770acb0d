package io.booker.gateway;

import io.booker.common.ServiceException;
import io.booker.gateway.auth.RouteAccess;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.CheckTableAvailabilityRequest;
import io.booker.proto.venue.CheckAvailabilityRequest;
import io.booker.proto.venue.DeleteSpecialHoursRequest;
import io.booker.proto.venue.GetOpeningHoursRequest;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.ListSpecialHoursRequest;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.ext.web.Router;

import static io.booker.common.access.Permission.EDIT_SCHEDULE;
import static io.booker.common.access.Permission.READ_BOOKINGS;
import static io.booker.common.access.Permission.READ_VENUE;

/** REST routes for opening hours, special hours and availability (paths of the original Booker, plus additions). */
final class ScheduleRoutes {

  /** The most tables one /availability/tables request may name. */
  static final int MAX_TABLE_IDS = 500;

  private final VenueServiceClient venues;
  private final BookingServiceClient bookings;

  ScheduleRoutes(VenueServiceClient venues, BookingServiceClient bookings) {
    this.venues = venues;
    this.bookings = bookings;
  }

  void mount(Router api) {
    api.get("/venues/:venueId/schedule").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(ctx -> Rest.reply(ctx, 200,
      venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId")).build())));
    api.post("/venues/:venueId/schedule").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(ctx -> Rest.reply(ctx, 200,
      venues.setOpeningHours(ProtoJson.merge(Rest.body(ctx), SetOpeningHoursRequest.newBuilder())
        .setVenueId(ctx.pathParam("venueId")).build())));

    api.get("/venues/:venueId/special-hours").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(ctx -> Rest.reply(ctx, 200,
      venues.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId"))
        .setFromDate(Rest.query(ctx, "from")).setToDate(Rest.query(ctx, "to")).build())));
    api.post("/venues/:venueId/special-hours").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(ctx -> Rest.reply(ctx, 200,
      venues.setSpecialHours(ProtoJson.merge(Rest.body(ctx), SetSpecialHoursRequest.newBuilder())
        .setVenueId(ctx.pathParam("venueId")).build())));
    api.delete("/venues/:venueId/special-hours/:date").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId"))
        .setDate(ctx.pathParam("date")).build())));

    api.post("/availability/check").handler(ctx -> {
      CheckAvailabilityRequest request = ProtoJson.merge(Rest.body(ctx), CheckAvailabilityRequest.newBuilder()).build();
      RouteAccess.require(ctx, READ_VENUE, request.getVenueId());
      Rest.reply(ctx, 200, venues.checkAvailability(request));
    });
    api.post("/availability/tables").handler(ctx -> {
      CheckTableAvailabilityRequest.Builder request = ProtoJson.merge(Rest.body(ctx), CheckTableAvailabilityRequest.newBuilder());
      if (request.getVenueId().isBlank()) {
        throw ServiceException.invalid("venue_id", "is required");
      }
      if (request.getTableIdsCount() > MAX_TABLE_IDS) {
        throw ServiceException.invalid("table_ids", "at most " + MAX_TABLE_IDS + " tables per request");
      }
      RouteAccess.require(ctx, READ_BOOKINGS, request.getVenueId());
      // The slot is in the venue's local time: the venue's zone places it, whatever the body said.
      Rest.reply(ctx, 200, venues.getVenue(GetVenueRequest.newBuilder().setId(request.getVenueId()).build())
        .compose(venue -> bookings.checkTableAvailability(request.setVenueId(venue.getId()).setTimezone(venue.getTimezone()).build())));
    });
  }
}
