package io.booker.gateway;

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
import io.booker.gateway.docs.ApiDocsRoutes;
import io.booker.gateway.docs.RequestValidation;
import io.booker.gateway.live.LiveRoute;
import io.booker.gateway.web.WebAppRoutes;
import io.booker.gateway.auth.adapter.PgIdentityStore;
import io.booker.gateway.auth.adapter.RedisLoginThrottle;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.config.PgSettings;
import io.booker.platform.health.OpsRoutes;
import io.booker.platform.metrics.Metrics;
import io.booker.platform.health.ReadinessChecks;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.redis.RedisClients;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.web.AllowedMethods;
import io.booker.platform.web.EdgeErrors;
import io.booker.platform.web.HttpEdge;
import io.booker.platform.web.HttpEdgeSettings;
import io.booker.platform.web.HttpMetricsHandler;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.notify.NotifyServiceClient;
import io.booker.proto.notify.NotifyServiceGrpcClient;
import io.booker.proto.notify.NotifyServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

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
  private LiveRoute live;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    JsonObject http = node.section("http");
    edge = HttpEdgeSettings.from(http);
    JsonObject clients = node.section("clients");
    JsonObject auth = node.section("auth");
    VenueServiceClient venues = RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcClient::create,
      VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("venue", new JsonObject()), 50051);
    BookingServiceClient bookings = RpcClients.create(vertx, BookingServiceClient.class, BookingServiceGrpcClient::create,
      BookingServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("booking", new JsonObject()), 50052);
    NotifyServiceClient notify = RpcClients.create(vertx, NotifyServiceClient.class, NotifyServiceGrpcClient::create,
      NotifyServiceGrpcService.SERVICE_DESCRIPTOR,
      clients.getJsonObject("notify", new JsonObject()), 50053);
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
        .compose(v -> RequestValidation.load(vertx, "/api/v1"))
        .map(validation -> router(new AuthRoutes(sessions, users, tokens), new UserRoutes(users), tokens, venues, bookings, notify, validation,
          live = LiveRoute.create(vertx, tokens, own.getJsonObject("live", new JsonObject()), clients.getJsonObject("notify", new JsonObject()))));
    }).compose(router -> HttpEdge.server(vertx, edge, router)
      // Loopback unless configured wider (http.host, BOOKER_HTTP_HOST).
      .listen(http.getInteger("port", 8080), http.getString("host", "127.0.0.1"))
      .onSuccess(s -> log.info("event=http_listening host={} port={}", http.getString("host", "127.0.0.1"), s.actualPort())));
  }

  private Router router(AuthRoutes auth, UserRoutes users, AccessTokens tokens, VenueServiceClient venues, BookingServiceClient bookings,
                        NotifyServiceClient notify, RequestValidation validation, LiveRoute live) {
    Router router = Router.router(vertx);
    HttpEdge.front(router, edge);
    OpsRoutes.mount(vertx, router, readiness);
    Metrics.webSocketGauge();
    ApiDocsRoutes.mount(vertx, router);

    Router api = Router.router(vertx);
    HttpEdge.apiBodies(api, edge);
    api.route().handler(ctx -> {
      // Every API route is matched after this one; note its template for the HTTP metrics.
      ctx.addHeadersEndHandler(v -> HttpMetricsHandler.markRoute(ctx));
      ctx.next();
    });
    // Sign-in, refresh and logout come before authentication: their callers have no access token yet.
    // Each route validates its request against the OpenAPI document after its access check, before its handler.
    auth.mountPublic(api, validation);
    api.route().handler(new CallerAuthentication(tokens));
    auth.mount(api, validation);
    users.mount(api, validation);
    new VenueRoutes(venues).mount(api, validation);
    new ScheduleRoutes(venues).mount(api, validation);
    new BookingRoutes(bookings, notify).mount(api, validation);
    // The WebSocket authenticates itself (header or first message) and outlives a request: not in the API router.
    router.get(LiveRoute.PATH).handler(live);
    router.route("/api/v1/*").subRouter(api);
    // The staff web app, a client of the API above (not part of it).
    WebAppRoutes.mount(router);
    AllowedMethods allowed = new AllowedMethods().add("", router).add("/api/v1", api);

    EdgeErrors.install(router, allowed, edge.maxBodyBytes());
    return router;
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
    // WebSocket clients hear "going away" (1001: reconnect, to another node, and resume) rather than
    // the normal closure the closing server would send.
    Future<Void> sockets = live == null ? Future.succeededFuture() : live.close();
    Future<Void> hashing = hasher == null ? Future.succeededFuture() : hasher.close();
    return Future.join(sockets, hashing).transform(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
