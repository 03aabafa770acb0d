package io.booker.gateway;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.gateway.auth.AuthRoutes;
import io.booker.gateway.auth.BootstrapAdmin;
import io.booker.gateway.auth.CallerAuthentication;
import io.booker.gateway.auth.IdentitySettings;
import io.booker.gateway.auth.IdentityStore;
import io.booker.gateway.auth.LoginThrottle;
import io.booker.gateway.auth.PasswordHasher;
import io.booker.gateway.auth.Sessions;
import io.booker.gateway.auth.UserRoutes;
import io.booker.gateway.auth.Users;
import io.booker.gateway.auth.adapter.PgIdentityStore;
import io.booker.gateway.auth.adapter.RedisLoginThrottle;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.config.PgSettings;
import io.booker.platform.health.OpsRoutes;
import io.booker.platform.health.ReadinessChecks;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.redis.RedisClients;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.rpc.CallContext;
import io.booker.platform.web.AllowedMethods;
import io.booker.platform.web.EdgeHeaders;
import io.booker.platform.web.HttpEdgeSettings;
import io.booker.platform.web.HttpMetricsHandler;
import io.booker.platform.web.InvalidRequests;
import io.booker.platform.web.JsonBodyLimits;
import io.booker.platform.web.JsonContentType;
import io.booker.platform.web.Problems;
import io.booker.platform.web.RequestTargetCheck;
import io.booker.platform.web.SlowClientGuard;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP edge: REST under {@code /api/v1}, health and metrics, and identity (users, sign-in,
 * tokens; database {@code gateway.database}, default "gateway"). Every other call goes to a service
 * through its client (event bus or gRPC, by config), so any node can run a gateway.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  /** How often dead refresh tokens are deleted. */
  private static final long SWEEP_EVERY_MS = 3_600_000;

  private ReadinessChecks readiness;
  private Pool pool;
  private Redis redis;
  private PasswordHasher hasher;
  private long sweepTimer = -1;
  private HttpEdgeSettings edge;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    JsonObject http = node.section("http");
    edge = HttpEdgeSettings.from(http);
    JsonObject clients = node.section("clients");
    JsonObject auth = node.section("auth");
    VenueServiceClient venues = RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("venue", new JsonObject()), 50051);
    BookingServiceClient bookings = RpcClients.create(vertx, BookingServiceClient.class, BookingServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("booking", new JsonObject()), 50052);
    AccessTokens tokens = AccessTokens.create(vertx, auth);
    IdentitySettings identity = IdentitySettings.from(auth);
    readiness = new ReadinessChecks(vertx, config());

    // The gateway owns the identity database (users, refresh tokens).
    PgSettings pg = node.postgres();
    JsonObject own = node.section("gateway");
    PgSettings gatewayPg = new PgSettings(pg.host(), pg.port(), pg.user(), pg.password(), pg.bootstrapDatabase(), own.getInteger("pool_size", 4));
    return PgDatabases.prepare(vertx, gatewayPg, own.getString("database", "gateway"), "db/gateway",
      Map.of("application_name", "booker-gateway")).compose(p -> {
      pool = p;
      redis = RedisClients.create(vertx, node.redis());
      hasher = PasswordHasher.create(vertx, identity.hashWorkers(), identity.hashMaxQueued());
      IdentityStore store = new PgIdentityStore(pool);
      LoginThrottle throttle = new RedisLoginThrottle(redis, identity.throttle(), identity.throttleTimeoutMs());
      Sessions sessions = new Sessions(vertx, store, hasher, throttle, tokens, identity);
      Users users = new Users(vertx, store, hasher, throttle, tokens.revocations());
      sweepTimer = vertx.setPeriodic(SWEEP_EVERY_MS, id -> store.deleteExpired(identity.sessionMax())
        .onFailure(t -> log.warn("event=refresh_token_sweep_failed error={}", t.toString())));
      return BootstrapAdmin.ensure(store, hasher, auth)
        .map(v -> router(new AuthRoutes(sessions, users, tokens), new UserRoutes(users), tokens, venues, bookings));
    }).compose(router -> {
      SlowClientGuard slowClients = new SlowClientGuard(vertx, edge.readTimeoutMs());
      return vertx.createHttpServer(edge.serverOptions())
        .connectionHandler(slowClients::onConnection)
        .invalidRequestHandler(new InvalidRequests())
        .requestHandler(slowClients.watching(router))
      // Loopback unless configured wider (http.host, BOOKER_HTTP_HOST).
      .listen(http.getInteger("port", 8080), http.getString("host", "127.0.0.1"))
      .onSuccess(s -> log.info("event=http_listening host={} port={}", http.getString("host", "127.0.0.1"), s.actualPort()));
    });
  }

  private Router router(AuthRoutes auth, UserRoutes users, AccessTokens tokens, VenueServiceClient venues, BookingServiceClient bookings) {
    Router router = Router.router(vertx);
    router.route().handler(new EdgeHeaders());
    router.route().handler(new HttpMetricsHandler());
    // Before any route is matched: the router matches a normalised path, the check reads the raw one.
    router.route().handler(new RequestTargetCheck());
    if (!edge.corsOrigins().isEmpty()) {
      router.route().handler(CorsHandler.create().addOrigins(edge.corsOrigins())
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
        .allowedHeaders(Set.of("authorization", "content-type", "idempotency-key"))
        .maxAgeSeconds(600));
    }
    OpsRoutes.mount(router, readiness);

    Router api = Router.router(vertx);
    api.route().handler(new JsonContentType());
    api.route().handler(BodyHandler.create(false).setBodyLimit(edge.maxBodyBytes()));
    api.route().handler(new JsonBodyLimits(edge.maxJsonDepth()));
    api.route().handler(ctx -> {
      // The services get what is left of this request's time, whatever their own timeouts.
      CallContext.attachDeadline(System.currentTimeMillis() + edge.requestTimeoutMs());
      // Every API route is matched after this one; note its template for the HTTP metrics.
      ctx.addHeadersEndHandler(v -> HttpMetricsHandler.markRoute(ctx));
      ctx.next();
    });
    // Sign-in, refresh and logout come before authentication: their callers have no access token yet.
    auth.mountPublic(api);
    api.route().handler(new CallerAuthentication(tokens));
    auth.mount(api);
    users.mount(api);
    new VenueRoutes(venues).mount(api);
    new ScheduleRoutes(venues, bookings).mount(api);
    new BookingRoutes(bookings).mount(api);
    router.route("/api/v1/*").subRouter(api);
    AllowedMethods allowed = new AllowedMethods().add("", router).add("/api/v1", api);

    router.errorHandler(404, ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "no route for " + ctx.request().method() + " " + ctx.request().path()));
    router.errorHandler(405, ctx -> {
      String allow = allowed.allow(ctx.normalizedPath());
      if (!allow.isEmpty()) {
        ctx.response().putHeader("Allow", allow);
      }
      Problems.send(ctx, ErrorCode.METHOD_NOT_ALLOWED, "method " + ctx.request().method() + " is not allowed on " + ctx.request().path());
    });
    router.errorHandler(413, ctx -> Problems.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + edge.maxBodyBytes() + " bytes"));
    // Statuses Vert.x-web itself may fail a request with: still problems, never a bare page.
    for (ErrorCode code : new ErrorCode[] {ErrorCode.INVALID_ARGUMENT, ErrorCode.UNAUTHENTICATED, ErrorCode.PERMISSION_DENIED,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.REQUEST_TIMEOUT}) {
      router.errorHandler(code.httpStatus(), ctx -> Problems.send(ctx, failureOr(ctx, code)));
    }
    router.errorHandler(500, ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof ServiceException se && se.code() != ErrorCode.INTERNAL) {
        Problems.send(ctx, se);
      } else if (failure instanceof DecodeException) {
        Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON");
      } else {
        String correlationId = UUID.randomUUID().toString();
        log.error("event=unhandled_failure correlation_id={} method={} path={}", correlationId, ctx.request().method(), ctx.request().path(), failure);
        Problems.sendInternal(ctx, correlationId);
      }
    });
    return router;
  }

  /** The failure's own problem when it is a service exception, else a generic one for {@code code}. */
  private static ServiceException failureOr(RoutingContext ctx, ErrorCode code) {
    return ctx.failure() instanceof ServiceException se ? se
      : new ServiceException(code, code == ErrorCode.INVALID_ARGUMENT ? "request is not valid" : Problems.title(code));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    if (readiness != null) {
      readiness.close();
    }
    if (redis != null) {
      redis.close();
    }
    Future<Void> hashing = hasher == null ? Future.succeededFuture() : hasher.close();
    return hashing.transform(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
