package io.booker.platform.web;

import io.booker.platform.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/** Records {@code http_requests_total} and {@code http_request_duration_seconds} by route template. */
public final class HttpMetricsHandler implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(v -> {
      Route route = ctx.currentRoute();
      String path = route != null && route.getPath() != null ? route.getPath() : "unmatched";
      Metrics.httpRequest(ctx.request().method().name(), path, ctx.response().getStatusCode(), System.nanoTime() - start);
    });
    ctx.next();
  }
}
