package io.booker.venue;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.outbox.OutboxRelay;
import io.booker.platform.service.ServiceRuntime;
import io.booker.proto.venue.VenueService;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.booking.BookingServiceClient;
import io.booker.proto.booking.BookingServiceGrpcClient;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.venue.adapter.AvailabilityRepository;
import io.booker.venue.adapter.KafkaVenueEvents;
import io.booker.venue.adapter.LayoutCache;
import io.booker.venue.adapter.RpcBookingOccupancy;
import io.booker.venue.adapter.PgCombinationStore;
import io.booker.venue.adapter.PgSeatingStore;
import io.booker.venue.adapter.ScheduleRepository;
import io.booker.venue.adapter.VenueRepository;
import io.vertx.redis.client.Redis;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.Map;

/**
 * Wires the venue service on a {@link ServiceRuntime}: its database (created and migrated at start),
 * outbox relay, and the service exposed on the event bus and as gRPC ({@code venue.grpc_port},
 * default 50051).
 */
public final class VenueVerticle extends VerticleBase {

  private ServiceRuntime runtime;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    runtime = new ServiceRuntime(vertx, node, "venue");
    return runtime.openWithOutbox(Map.of()).compose(v -> {
      Pool pool = runtime.pool();
      Redis redis = runtime.redis();
      OutboxRelay relay = runtime.relay();
      BookingServiceClient bookings = RpcClients.create(vertx, BookingServiceClient.class, BookingServiceGrpcClient::create,
        BookingServiceGrpcService.SERVICE_DESCRIPTOR,
        node.section("clients").getJsonObject("booking", new JsonObject()), 50052);
      Clock clock = Clock.systemUTC();
      VenueRepository structure = new VenueRepository(pool);
      VenueServiceImpl service = new VenueServiceImpl(new VenueDeps(structure, structure, structure, new PgCombinationStore(pool), new ScheduleRepository(pool), new PgSeatingStore(pool),
        new AvailabilityRepository(pool), new LayoutCache(redis), new RpcBookingOccupancy(bookings), new KafkaVenueEvents(clock), relay::kick, clock));
      return runtime.serve(VenueService.class, service, VenueServiceGrpcService.SERVICE_DESCRIPTOR, 50051);
    });
  }

  @Override
  public Future<?> stop() {
    return runtime == null ? Future.succeededFuture() : runtime.stop();
  }
}
