package io.booker.booking;

import io.booker.booking.adapter.PgBlockStore;
import io.booker.booking.adapter.PgBookingStore;
import io.booker.booking.adapter.RedisHoldStore;
import io.booker.booking.adapter.RpcVenueSlots;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.service.ServiceRuntime;
import io.booker.proto.booking.BookingService;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Map;

/**
 * Wires the booking service on a {@link ServiceRuntime} (its database, created and migrated at
 * start, the outbox relay on a connection of its own, Redis, the service on the event bus and gRPC,
 * 50052) with what is its own: Redis holds, the venue client and the hold expiry sweeper.
 *
 * <p>Config ({@code booking}): {@code hold_ttl_minutes} (15; {@code hold_ttl_seconds} wins when
 * set), {@code hold_timeout_ms} (Redis, 250), {@code lock_timeout_ms} (3000), {@code expiry}
 * ({@code interval_ms}, {@code batch_size}, {@code enabled}).
 */
public final class BookingVerticle extends VerticleBase {

  private ServiceRuntime runtime;
  private HoldExpirySweeper sweeper;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    runtime = new ServiceRuntime(vertx, node, "booking");
    JsonObject cfg = runtime.config();
    Map<String, String> session = Map.of("lock_timeout", cfg.getLong("lock_timeout_ms", 3000L) + "ms");
    return runtime.openWithOutbox(session).compose(v -> {
      VenueServiceClient venues = RpcClients.create(vertx, VenueServiceClient.class, VenueServiceGrpcClient::create,
        VenueServiceGrpcService.SERVICE_DESCRIPTOR,
        node.section("clients").getJsonObject("venue", new JsonObject()), 50051);
      BookingDeps deps = new BookingDeps(new PgBookingStore(runtime.pool()),
        new RedisHoldStore(runtime.redis(), Duration.ofMillis(cfg.getLong("hold_timeout_ms", 250L))),
        new RpcVenueSlots(venues), runtime.relay()::kick, holdTtl(cfg), new PgBlockStore(runtime.pool()));
      JsonObject expiry = cfg.getJsonObject("expiry", new JsonObject());
      if (expiry.getBoolean("enabled", true)) {
        sweeper = new HoldExpirySweeper(vertx, new HoldExpiry(deps), expiry);
      }
      return runtime.serve(BookingService.class, new BookingServiceImpl(deps), BookingServiceGrpcService.SERVICE_DESCRIPTOR, 50052);
    }).onSuccess(v -> {
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
    return runtime == null ? sweeperStopped : runtime.stop(sweeperStopped);
  }
}
