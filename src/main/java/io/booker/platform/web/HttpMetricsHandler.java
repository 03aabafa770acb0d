package io.booker.platform.web;

import io.booker.platform.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/** Records {@code http_requests_total} and {@code http_request_duration_seconds} by route template. */
public final class HttpMetricsHandler implements Handler<RoutingContext> {

  private static final String TEMPLATE = "booker.route.template";

  /**
   * Remembers the template of the route handling the request (e.g. {@code /api/v1/venues/:id}).
   * Call it from the route's handler: after a sub-router is left, the context only knows the mount.
   */
  public static void markRoute(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    if (route != null && route.getPath() != null) {
      String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint();
      String path = mount.endsWith("/") && route.getPath().startsWith("/") ? mount + route.getPath().substring(1) : mount + route.getPath();
      ctx.put(TEMPLATE, path);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(v -> {
      String path = ctx.get(TEMPLATE);
      if (path == null) {
        Route route = ctx.currentRoute();
        path = route != null && route.getPath() != null ? route.getPath() : "unmatched";
      }
      Metrics.httpRequest(ctx.request().method().name(), path, ctx.response().getStatusCode(), System.nanoTime() - start);
    });
    ctx.next();
  }
}
