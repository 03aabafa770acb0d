package io.booker.gateway;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.gateway.auth.CallerAuthentication;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.health.OpsRoutes;
import io.booker.platform.health.ReadinessChecks;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.web.HttpMetricsHandler;
import io.booker.platform.web.Problems;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: REST under {@code /api/v1}, health and metrics. Stateless; every call goes to a
 * service through its client (event bus or gRPC, by config), so any node can run a gateway.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  static final long MAX_BODY_BYTES = 64 * 1024;

  private ReadinessChecks readiness;

  @Override
  public Future<?> start() {
    JsonObject http = config().getJsonObject("http", new JsonObject());
    JsonObject clients = config().getJsonObject("clients", new JsonObject());
    VenueServiceClient venues = RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("venue", new JsonObject()), 50051);
    BookingServiceClient bookings = RpcClients.create(vertx, BookingServiceClient.class, BookingServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("booking", new JsonObject()), 50052);

    AccessTokens tokens = AccessTokens.create(vertx, config().getJsonObject("auth", new JsonObject()));
    readiness = new ReadinessChecks(vertx, config());
    Router router = Router.router(vertx);
    router.route().handler(new HttpMetricsHandler());
    OpsRoutes.mount(router, readiness);

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    api.route().handler(ctx -> {
      // Every API route is matched after this one; note its template for the HTTP metrics.
      ctx.addHeadersEndHandler(v -> HttpMetricsHandler.markRoute(ctx));
      ctx.next();
    });
    api.route().handler(new CallerAuthentication(tokens));
    new VenueRoutes(venues).mount(api);
    new ScheduleRoutes(venues, bookings).mount(api);
    new BookingRoutes(bookings).mount(api);
    router.route("/api/v1/*").subRouter(api);

    router.errorHandler(404, ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "no route for " + ctx.request().method() + " " + ctx.request().path()));
    router.errorHandler(405, ctx -> Problems.send(ctx, ErrorCode.METHOD_NOT_ALLOWED,
      "method " + ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(413, ctx -> Problems.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + MAX_BODY_BYTES + " bytes"));
    router.errorHandler(500, ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof ServiceException se) {
        Problems.send(ctx, se);
      } else if (failure instanceof DecodeException) {
        Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON");
      } else {
        log.error("event=unhandled_failure method={} path={}", ctx.request().method(), ctx.request().path(), failure);
        Problems.send(ctx, ErrorCode.INTERNAL, "internal error");
      }
    });

    int port = http.getInteger("port", 8080);
    // Loopback unless configured wider (http.host, BOOKER_HTTP_HOST).
    String host = http.getString("host", "127.0.0.1");
    return vertx.createHttpServer().requestHandler(router).listen(port, host)
      .onSuccess(s -> log.info("event=http_listening host={} port={}", host, s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    if (readiness != null) {
      readiness.close();
    }
    return Future.succeededFuture();
  }
}
