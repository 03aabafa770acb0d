package io.booker.gateway;

import io.booker.gateway.auth.RouteAccess;
import io.booker.platform.web.ProtoJson;
import io.booker.proto.venue.*;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static io.booker.common.access.Permission.EDIT_STRUCTURE;
import static io.booker.common.access.Permission.MANAGE_VENUES;
import static io.booker.common.access.Permission.READ_VENUE;

/**
 * REST routes of the venue structure: venues, rooms, tables, a room's table combinations and its layout (paths of the
 * original Booker, plus the layout and tables-of-a-venue routes). Ids in the path win over ids in
 * a body. Each route first checks the caller's role and, where the path names it, their venue.
 */
final class VenueRoutes {

  private final VenueServiceClient venues;

  VenueRoutes(VenueServiceClient venues) {
    this.venues = venues;
  }

  void mount(Router api, Handler<RoutingContext> validate) {
    api.get("/venues").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200, venues.listVenues(ListVenuesRequest.newBuilder()
      .setLimit(Rest.limit(ctx)).setOffset(Rest.queryInt(ctx, "offset")).build())));
    api.post("/venues").handler(RouteAccess.requires(MANAGE_VENUES)).handler(validate).handler(ctx -> Rest.reply(ctx, 201,
      venues.createVenue(ProtoJson.merge(Rest.body(ctx), CreateVenueRequest.newBuilder()).build())));
    api.get("/venues/:id").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "id")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.getVenue(GetVenueRequest.newBuilder().setId(id(ctx)).build())));
    api.put("/venues/:id").handler(RouteAccess.requiresOnPathVenue(EDIT_STRUCTURE, "id")).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.updateVenue(ProtoJson.merge(Rest.body(ctx), UpdateVenueRequest.newBuilder()).setId(id(ctx)).build())));
    api.delete("/venues/:id").handler(RouteAccess.requiresOnPathVenue(MANAGE_VENUES, "id")).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteVenue(DeleteVenueRequest.newBuilder().setId(id(ctx)).build())));

    api.get("/venues/:venueId/rooms").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200, venues.listRooms(ListRoomsRequest.newBuilder()
      .setVenueId(ctx.pathParam("venueId")).setLimit(Rest.limit(ctx)).setOffset(Rest.queryInt(ctx, "offset")).build())));
    api.post("/venues/:venueId/rooms").handler(RouteAccess.requiresOnPathVenue(EDIT_STRUCTURE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 201, venues.createRoom(
      ProtoJson.merge(Rest.body(ctx), CreateRoomRequest.newBuilder()).setVenueId(ctx.pathParam("venueId")).build())));
    api.get("/rooms/:id").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.getRoom(GetRoomRequest.newBuilder().setId(id(ctx)).build())));
    api.put("/rooms/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.updateRoom(ProtoJson.merge(Rest.body(ctx), UpdateRoomRequest.newBuilder()).setId(id(ctx)).build())));
    api.delete("/rooms/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteRoom(DeleteRoomRequest.newBuilder().setId(id(ctx)).build())));

    api.get("/rooms/:roomId/tables").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200, venues.listTables(ListTablesRequest.newBuilder()
      .setRoomId(ctx.pathParam("roomId")).setLimit(Rest.limit(ctx)).setOffset(Rest.queryInt(ctx, "offset")).build())));
    api.get("/venues/:venueId/tables").handler(RouteAccess.requiresOnPathVenue(READ_VENUE, "venueId")).handler(validate).handler(ctx -> Rest.reply(ctx, 200, venues.listTables(ListTablesRequest.newBuilder()
      .setVenueId(ctx.pathParam("venueId")).setLimit(Rest.limit(ctx)).setOffset(Rest.queryInt(ctx, "offset")).build())));
    api.post("/rooms/:roomId/tables").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 201, venues.createTable(
      ProtoJson.merge(Rest.body(ctx), CreateTableRequest.newBuilder()).setRoomId(ctx.pathParam("roomId")).build())));
    api.get("/tables/:id").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.getTable(GetTableRequest.newBuilder().setId(id(ctx)).build())));
    api.put("/tables/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.updateTable(ProtoJson.merge(Rest.body(ctx), UpdateTableRequest.newBuilder()).setId(id(ctx)).build())));
    api.delete("/tables/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteTable(DeleteTableRequest.newBuilder().setId(id(ctx)).build())));

    // Table combinations: read with the venue, changed by those who edit its structure.
    api.get("/rooms/:roomId/combinations").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.listCombinations(ListCombinationsRequest.newBuilder().setRoomId(ctx.pathParam("roomId")).build())));
    api.post("/rooms/:roomId/combinations").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 201,
      venues.createCombination(ProtoJson.merge(Rest.body(ctx), CreateCombinationRequest.newBuilder()).setRoomId(ctx.pathParam("roomId")).build())));
    api.put("/combinations/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200,
      venues.updateCombination(ProtoJson.merge(Rest.body(ctx), UpdateCombinationRequest.newBuilder()).setId(id(ctx)).build())));
    api.delete("/combinations/:id").handler(RouteAccess.requires(EDIT_STRUCTURE)).handler(validate).handler(ctx -> Rest.reply(ctx, 204,
      venues.deleteCombination(DeleteCombinationRequest.newBuilder().setId(id(ctx)).build())));

    // ?venue_id= is optional; when given, a room of another venue is a 404.
    api.get("/rooms/:roomId/layout").handler(RouteAccess.requires(READ_VENUE)).handler(validate).handler(ctx -> Rest.reply(ctx, 200, venues.getTableLayout(GetTableLayoutRequest.newBuilder()
      .setVenueId(Rest.query(ctx, "venue_id")).setRoomId(ctx.pathParam("roomId")).build())));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }
}
