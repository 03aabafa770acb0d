package io.booker.platform.web;

import io.booker.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/** Records {@code http_requests_total} and {@code http_request_duration_seconds} by route template. */
public final class HttpMetricsHandler implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(HttpMetricsHandler.class);
  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final String TEMPLATE = "booker.route.template";
  private static final String TIMED = "booker.metrics.timed";
  /** The methods that get a label of their own; any other (a client can invent them) is OTHER. */
  private static final Set<String> KNOWN_METHODS =
    Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** A regular expression matching any method name but the standard ones. */
  public static final String NON_STANDARD_METHOD = "(?!(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|TRACE|CONNECT)$).*";

  /** {@code method} itself when it is a standard method, else {@code OTHER}: bounded label values. */
  public static String methodLabel(String method) {
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
  }

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
      // The request's server span is named after its route, like its metrics (a no-op when not traced).
      Tracing.currentSpan().updateName(methodLabel(ctx.request().method().name()) + " " + path).setAttribute(HTTP_ROUTE, path);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(TIMED) != null) {
      // A rerouted request (HEAD served as GET) passes here twice; it is one request.
      ctx.next();
      return;
    }
    ctx.put(TIMED, Boolean.TRUE);
    String method = methodLabel(ctx.request().method().name());
    long start = System.nanoTime();
    io.opentelemetry.context.Context traced = Tracing.current();
    // Vert.x has ended the request's span by now: the line is logged in its context all the same.
    ctx.addEndHandler(v -> Tracing.runIn(traced, () -> {
      String path = ctx.get(TEMPLATE);
      if (path == null) {
        Route route = ctx.currentRoute();
        // Only route templates are labels: a path no route took is "unmatched", whatever it was.
        path = route != null && route.getPath() != null && ctx.statusCode() != 404 ? route.getPath() : "unmatched";
      }
      Metrics.httpRequest(method, path, ctx.response().getStatusCode(), System.nanoTime() - start);
      if (log.isDebugEnabled()) {
        log.debug("event=http_request method={} route={} status={} ms={}", method, path, ctx.response().getStatusCode(),
          (System.nanoTime() - start) / 1_000_000);
      }
    }));
    ctx.next();
  }
}
