package io.booker.booking;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.rpc.GrpcEndpoint;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.proto.booking.BookingService;
import io.booker.proto.booking.BookingServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** Wires the booking service: its database and the service on the event bus and gRPC (default 50052). */
public final class BookingVerticle extends VerticleBase {

  private Pool pool;
  private RpcServiceBinding<BookingService> binding;
  private HttpServer grpcServer;

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    JsonObject cfg = node.section("booking");
    return PgDatabases.prepare(vertx, node.postgres(), cfg.getString("database", "booking"), "db/booking").compose(p -> {
      pool = p;
      BookingServiceImpl service = new BookingServiceImpl(new BookingQueries(pool));
      binding = new RpcServiceBinding<>(BookingService.class, service, BookingServiceGrpcService.SERVICE_DESCRIPTOR, "booking");
      return binding.bindEventBus(vertx);
    }).compose(v -> GrpcEndpoint.serve(vertx, binding, cfg, 50052, "booking",
      () -> pool.query("SELECT 1").execute().map(true).otherwise(false))).onSuccess(s -> grpcServer = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> unbound = binding == null ? Future.succeededFuture() : binding.unbindEventBus();
    return unbound
      .transform(v -> grpcServer == null ? Future.succeededFuture() : grpcServer.close())
      .transform(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
