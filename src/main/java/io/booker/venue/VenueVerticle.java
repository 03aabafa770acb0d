package io.booker.venue;

import io.booker.platform.auth.AccessTokens;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.outbox.OutboxBacklog;
import io.booker.platform.outbox.OutboxRelay;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.rpc.GrpcEndpoint;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.proto.venue.VenueService;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.platform.redis.RedisClients;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.venue.adapter.AvailabilityRepository;
import io.booker.venue.adapter.LayoutCache;
import io.booker.venue.adapter.RpcBookingOccupancy;
import io.booker.venue.adapter.ScheduleRepository;
import io.booker.venue.adapter.VenueRepository;
import io.vertx.redis.client.Redis;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.Map;

/**
 * Wires the venue service: its database (created and migrated at start), outbox relay, and the
 * service exposed on the event bus and as gRPC ({@code venue.grpc_port}, default 50051).
 */
public final class VenueVerticle extends VerticleBase {

  private Pool pool;
  private Pool relayPool;
  private KafkaProducer<String, String> producer;
  private Redis redis;
  private OutboxRelay relay;
  private OutboxBacklog backlog;
  private RpcServiceBinding<VenueService> binding;
  private HttpServer grpcServer;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    JsonObject cfg = node.section("venue");
    return PgDatabases.prepare(vertx, node.postgres(), cfg.getString("database", "venue"), "db/venue",
      Map.of("application_name", "booker-venue")).compose(p -> {
      pool = p;
      producer = KafkaClients.producer(vertx, node.kafkaBootstrap(), "venue-" + node.nodeName());
      // The relay has a connection of its own: while it waits for Kafka, requests keep theirs.
      relayPool = PgDatabases.pool(vertx, node.postgres(), cfg.getString("database", "venue"), 1,
        Map.of("application_name", "booker-venue-relay"));
      relay = new OutboxRelay(vertx, relayPool, producer, "venue", node.section("outbox"));
      backlog = new OutboxBacklog(vertx, relayPool, "venue", node.section("outbox"));
      redis = RedisClients.create(vertx, node.redis());
      BookingServiceClient bookings = RpcClients.create(vertx, BookingServiceClient.class, BookingServiceGrpcService.SERVICE_DESCRIPTOR,
        node.section("clients").getJsonObject("booking", new JsonObject()), 50052);
      Clock clock = Clock.systemUTC();
      VenueRepository structure = new VenueRepository(pool);
      VenueServiceImpl service = new VenueServiceImpl(new VenueDeps(structure, structure, structure, new ScheduleRepository(pool),
        new AvailabilityRepository(pool), new LayoutCache(redis), new RpcBookingOccupancy(bookings), new VenueEvents(clock), relay::kick, clock));
      binding = new RpcServiceBinding<>(VenueService.class, service, VenueServiceGrpcService.SERVICE_DESCRIPTOR, "venue",
        AccessTokens.create(vertx, node.section("auth")));
      return binding.bindEventBus(vertx);
    }).compose(v -> GrpcEndpoint.serve(vertx, binding, cfg, 50051, "venue",
      () -> pool.query("SELECT 1").execute().map(true).otherwise(false))).onSuccess(s -> {
      grpcServer = s;
      relay.start();
      backlog.start();
    });
  }

  @Override
  public Future<?> stop() {
    if (backlog != null) {
      backlog.stop();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    return relayStopped
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
