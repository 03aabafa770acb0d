package io.booker.booking;

import io.booker.booking.adapter.PgBookingStore;
import io.booker.booking.adapter.RedisHoldStore;
import io.booker.booking.adapter.RpcVenueSlots;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.outbox.OutboxBacklog;
import io.booker.platform.outbox.OutboxRelay;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.redis.RedisClients;
import io.booker.platform.rpc.GrpcEndpoint;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.proto.booking.BookingService;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.Map;

/**
 * Wires the booking service: its database (created and migrated at start), Redis holds, the venue
 * client, the outbox relay (on a connection of its own, so a relay waiting for Kafka never takes
 * one from requests), the hold expiry sweeper, and the service on the event bus and gRPC (50052).
 *
 * <p>Config ({@code booking}): {@code hold_ttl_minutes} (15; {@code hold_ttl_seconds} wins when
 * set), {@code hold_timeout_ms} (Redis, 250), {@code lock_timeout_ms} (3000), {@code expiry}
 * ({@code interval_ms}, {@code batch_size}, {@code enabled}).
 */
public final class BookingVerticle extends VerticleBase {

  private Pool pool;
  private Pool relayPool;
  private KafkaProducer<String, String> producer;
  private Redis redis;
  private OutboxRelay relay;
  private OutboxBacklog backlog;
  private HoldExpirySweeper sweeper;
  private RpcServiceBinding<BookingService> binding;
  private HttpServer grpcServer;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    JsonObject cfg = node.section("booking");
    String database = cfg.getString("database", "booking");
    Map<String, String> session = Map.of("lock_timeout", cfg.getLong("lock_timeout_ms", 3000L) + "ms",
      "application_name", "booker-booking");
    return PgDatabases.prepare(vertx, node.postgres(), database, "db/booking", session).compose(p -> {
      pool = p;
      relayPool = PgDatabases.pool(vertx, node.postgres(), database, 1, Map.of("application_name", "booker-booking-relay"));
      producer = KafkaClients.producer(vertx, node.kafkaBootstrap(), "booking-" + node.nodeName());
      relay = new OutboxRelay(vertx, relayPool, producer, "booking", node.section("outbox"));
      backlog = new OutboxBacklog(vertx, relayPool, "booking", node.section("outbox"));
      redis = RedisClients.create(vertx, node.redis());
      VenueServiceClient venues = RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcClient::create,
        VenueServiceGrpcService.SERVICE_DESCRIPTOR, node.section("clients").getJsonObject("venue", new JsonObject()), 50051);
      BookingDeps deps = new BookingDeps(new PgBookingStore(pool),
        new RedisHoldStore(redis, Duration.ofMillis(cfg.getLong("hold_timeout_ms", 250L))),
        new RpcVenueSlots(venues), relay::kick, holdTtl(cfg));
      JsonObject expiry = cfg.getJsonObject("expiry", new JsonObject());
      if (expiry.getBoolean("enabled", true)) {
        sweeper = new HoldExpirySweeper(vertx, new HoldExpiry(deps), expiry);
      }
      binding = new RpcServiceBinding<>(BookingService.class, new BookingServiceImpl(deps), BookingServiceGrpcService.SERVICE_DESCRIPTOR, "booking",
        AccessTokens.create(vertx, node.section("auth")));
      return binding.bindEventBus(vertx);
    }).compose(v -> GrpcEndpoint.serve(vertx, binding, cfg, 50052, "booking",
      () -> pool.query("SELECT 1").execute().map(true).otherwise(false))).onSuccess(s -> {
      grpcServer = s;
      relay.start();
      backlog.start();
      if (sweeper != null) {
        sweeper.start();
      }
    });
  }

  /** HOLD_TTL_MINUTES (default 15); {@code hold_ttl_seconds} for shorter holds (tests, demos). */
  static Duration holdTtl(JsonObject cfg) {
    Long seconds = cfg.getLong("hold_ttl_seconds");
    Duration ttl = seconds != null ? Duration.ofSeconds(seconds) : Duration.ofMinutes(cfg.getLong("hold_ttl_minutes", 15L));
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("booking hold TTL must be between 1 second and 1 day, not " + ttl);
    }
    return ttl;
  }

  @Override
  public Future<?> stop() {
    Future<Void> sweeperStopped = sweeper == null ? Future.succeededFuture() : sweeper.stop();
    if (backlog != null) {
      backlog.stop();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    return Future.join(sweeperStopped, relayStopped)
      .transform(v -> binding == null ? Future.succeededFuture() : binding.unbindEventBus())
      .transform(v -> grpcServer == null ? Future.succeededFuture() : grpcServer.close())
      .transform(v -> producer == null ? Future.succeededFuture() : producer.close())
      .transform(v -> {
        if (redis != null) {
          redis.close();
        }
        return relayPool == null ? Future.succeededFuture() : relayPool.close();
      })
      .transform(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
