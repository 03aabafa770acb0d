package io.booker.gateway;

import io.booker.platform.web.ProtoJson;
import io.booker.proto.venue.CreateVenueRequest;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.VenueServiceClient;
import io.vertx.ext.web.Router;

/** REST routes of the venue service (paths of the original Booker). */
final class VenueRoutes {

  private final VenueServiceClient venues;

  VenueRoutes(VenueServiceClient venues) {
    this.venues = venues;
  }

  void mount(Router api) {
    api.post("/venues").handler(ctx -> Rest.reply(ctx, 201,
      venues.createVenue(ProtoJson.merge(Rest.body(ctx), CreateVenueRequest.newBuilder()).build())));
    api.get("/venues/:id").handler(ctx -> Rest.reply(ctx, 200,
      venues.getVenue(GetVenueRequest.newBuilder().setId(ctx.pathParam("id")).build())));
  }
}
