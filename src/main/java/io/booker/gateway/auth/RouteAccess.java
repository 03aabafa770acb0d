package io.booker.gateway.auth;

import io.booker.common.access.Caller;
import io.booker.common.access.Permission;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's half of access control: each route states the permission it needs and, where the
 * request names it, the venue it acts on, and is refused before any service is called. The services
 * apply the same rules again to whatever the request touches (defence in depth), and they alone can
 * check things named only by id (a room, a table, a booking), whose venue the gateway does not know.
 */
public final class RouteAccess {

  private RouteAccess() {
  }

  /** A route handler requiring {@code permission} (on no venue in particular). */
  public static Handler<RoutingContext> requires(Permission permission) {
    return ctx -> {
      caller(ctx).require(permission);
      ctx.next();
    };
  }

  /** A route handler requiring {@code permission} on the venue named by path parameter {@code param}. */
  public static Handler<RoutingContext> requiresOnPathVenue(Permission permission, String param) {
    return ctx -> {
      String venueId = ctx.pathParam(param);
      caller(ctx).require(permission, venueId, "venue", venueId);
      ctx.next();
    };
  }

  /**
   * Requires {@code permission} on {@code venueId} (from a query or body); an empty id is left to
   * the service's validation, which names the missing field.
   */
  public static void require(RoutingContext ctx, Permission permission, String venueId) {
    if (venueId == null || venueId.isEmpty()) {
      caller(ctx).require(permission);
    } else {
      caller(ctx).require(permission, venueId, "venue", venueId);
    }
  }

  public static Caller caller(RoutingContext ctx) {
    return CallerAuthentication.verified(ctx).caller();
  }
}
