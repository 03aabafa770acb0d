package io.booker.platform.web;

import io.booker.platform.rpc.CallContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;

import java.util.Set;

/**
 * Puts the edge's handlers in front of a router, in the order they must run, so that a verticle
 * serving HTTP only says which routes it has (see README, "Configuration", for the limits).
 */
public final class HttpEdge {

  private HttpEdge() {
  }

  /**
   * The first handlers of a root router: security headers, metrics, the raw request-target check
   * (before any route is matched: the router matches a normalised path) and, when origins are
   * configured, CORS.
   */
  public static void front(Router router, HttpEdgeSettings edge) {
    router.route().handler(new EdgeHeaders());
    router.route().handler(new HttpMetricsHandler());
    router.route().handler(new RequestTargetCheck());
    if (!edge.corsOrigins().isEmpty()) {
      router.route().handler(CorsHandler.create().addOrigins(edge.corsOrigins())
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("authorization", "content-type", "idempotency-key"))
        .maxAgeSeconds(600));
    }
  }

  /**
   * The first handlers of an API router: JSON bodies only (415), the body limit (413), JSON depth
   * and duplicate keys (400), and the deadline of the service calls made for the request.
   */
  public static void apiBodies(Router api, HttpEdgeSettings edge) {
    api.route().handler(new JsonContentType());
    api.route().handler(BodyHandler.create(false).setBodyLimit(edge.maxBodyBytes()));
    api.route().handler(new JsonBodyLimits(edge.maxJsonDepth()));
    api.route().handler(ctx -> {
      // The services get what is left of this request's time, whatever their own timeouts.
      CallContext.attachDeadline(System.currentTimeMillis() + edge.requestTimeoutMs());
      ctx.next();
    });
  }

  /**
   * An HTTP server with the edge's limits, strict request framing, slow clients dropped and
   * undecodable requests answered as problems.
   */
  public static HttpServer server(Vertx vertx, HttpEdgeSettings edge, Router router) {
    SlowClientGuard slowClients = new SlowClientGuard(vertx, edge.readTimeoutMs());
    HttpServerOptions options = edge.serverOptions();
    return vertx.createHttpServer(options)
      .connectionHandler(conn -> slowClients.onConnection(conn, StrictRequestDecoder.install(conn, options)))
      .invalidRequestHandler(new InvalidRequests())
      .requestHandler(slowClients.watching(router));
  }
}
