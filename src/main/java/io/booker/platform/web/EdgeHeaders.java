package io.booker.platform.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer, set when the headers are written so that every path (routes,
 * problems, error handlers) gets them: no content sniffing, no framing, no referrer, a Content
 * Security Policy that only allows the page's own origin, and no caching of API answers.
 */
public final class EdgeHeaders implements Handler<RoutingContext> {

  /** Own-origin scripts, styles and images only; no plugins, no framing, no form posts elsewhere. */
  static final String CONTENT_SECURITY_POLICY =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> apply(ctx.response().headers(), ctx.request().path()));
    ctx.next();
  }

  static void apply(MultiMap headers, String path) {
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    if (!headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    if (path != null && path.startsWith("/api") && !headers.contains("Cache-Control")) {
      headers.set("Cache-Control", "no-store");
    }
  }
}
