package io.booker.gateway;

import io.booker.common.ServiceException;
import io.booker.gateway.auth.RouteAccess;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.venue.CheckAvailabilityRequest;
import io.booker.proto.venue.CheckTablesRequest;
import io.booker.proto.venue.DeleteSpecialHoursRequest;
import io.booker.proto.venue.GetOpeningHoursRequest;
import io.booker.proto.venue.GetSeatingRulesRequest;
import io.booker.proto.venue.PutSeatingRulesRequest;
import io.booker.proto.venue.SearchAvailabilityRequest;
import io.booker.proto.venue.SeatingRules;
import io.booker.proto.venue.ListSpecialHoursRequest;
import io.booker.proto.venue.SetOpeningHoursRequest;
import io.booker.proto.venue.SetSpecialHoursRequest;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static io.booker.common.access.Permission.EDIT_SCHEDULE;
import static io.booker.common.access.Permission.READ_BOOKINGS;
import static io.booker.common.access.Permission.READ_VENUE;

/** REST routes for opening hours, special hours and availability (paths of the original Booker, plus additions). */
final class ScheduleRoutes {

  private final VenueServiceClient venues;

  ScheduleRoutes(VenueServiceClient venues) {
    this.venues = venues;
  }

  void mount(Router api, Handler<RoutingContext> validate) {
    api.get("/venues/:venueId/schedule").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.getOpeningHours(GetOpeningHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId")).build())));
    api.post("/venues/:venueId/schedule").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(validate).handler(ctx -> {
      JsonObject body = Rest.body(ctx);
      SetOpeningHoursRequest.Builder request = ProtoJson.merge(body, SetOpeningHoursRequest.newBuilder());
      // JSON can say what proto3 cannot: "days": [] closes the week, a body without "days" is a 400.
      if (body.getValue("days") instanceof JsonArray days && days.isEmpty()) {
        request.setClosedAllWeek(true);
      }
      Rest.reply(ctx, 200, venues.setOpeningHours(request.setVenueId(ctx.pathParam("venueId")).build()));
    });

    api.get("/venues/:venueId/special-hours").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.listSpecialHours(ListSpecialHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId"))
        .setFromDate(Rest.query(ctx, "from")).setToDate(Rest.query(ctx, "to")).build())));
    api.post("/venues/:venueId/special-hours").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.setSpecialHours(ProtoJson.merge(Rest.body(ctx), SetSpecialHoursRequest.newBuilder())
        .setVenueId(ctx.pathParam("venueId")).build())));
    api.delete("/venues/:venueId/special-hours/:date").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteSpecialHours(DeleteSpecialHoursRequest.newBuilder().setVenueId(ctx.pathParam("venueId"))
        .setDate(ctx.pathParam("date")).build())));

    api.get("/venues/:venueId/seating").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.getSeatingRules(GetSeatingRulesRequest.newBuilder().setVenueId(ctx.pathParam("venueId")).build())));
    api.put("/venues/:venueId/seating").handler(RouteAccess.requiresOnPathVenue(EDIT_SCHEDULE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.putSeatingRules(PutSeatingRulesRequest.newBuilder().setVenueId(ctx.pathParam("venueId"))
        .setRules(ProtoJson.merge(Rest.body(ctx), SeatingRules.newBuilder())).build())));

    api.post("/availability/check").handler(validate).handler(ctx -> {
      CheckAvailabilityRequest request = ProtoJson.merge(Rest.body(ctx), CheckAvailabilityRequest.newBuilder()).build();
      RouteAccess.require(ctx, READ_VENUE, request.getVenueId());
      Rest.reply(ctx, 200, venues.checkAvailability(request));
    });
    api.post("/availability/search").handler(validate).handler(ctx -> {
      SearchAvailabilityRequest request = ProtoJson.merge(Rest.body(ctx), SearchAvailabilityRequest.newBuilder()).build();
      if (request.getVenueId().isBlank()) {
        throw ServiceException.invalid("venue_id", "is required");
      }
      RouteAccess.require(ctx, READ_BOOKINGS, request.getVenueId());
      Rest.reply(ctx, 200, venues.searchAvailability(request));
    });
    api.post("/availability/tables").handler(validate).handler(ctx -> {
      CheckTablesRequest request = ProtoJson.merge(Rest.body(ctx), CheckTablesRequest.newBuilder()).build();
      if (request.getVenueId().isBlank()) {
        throw ServiceException.invalid("venue_id", "is required");
      }
      RouteAccess.require(ctx, READ_BOOKINGS, request.getVenueId());
      // The venue service checks the slot in its own zone and the tables as its own, then asks bookings.
      Rest.reply(ctx, 200, venues.checkTables(request));
    });
  }
}
