package io.booker.platform.rpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.health.HealthService;
import io.vertx.grpc.reflection.ReflectionService;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Serves a bound service as gRPC on {@code grpc_host:grpc_port} of a service's config section (host
 * 127.0.0.1 unless configured), with the standard gRPC health ({@code grpc.health.v1.Health}) and
 * reflection services beside it, so tools such as grpcurl, buf curl or a load balancer's probe work
 * without the .proto files.
 */
public final class GrpcEndpoint {

  private static final Logger log = LoggerFactory.getLogger(GrpcEndpoint.class);

  private GrpcEndpoint() {
  }

  /**
   * Starts the server; completes with {@code null} when {@code grpc_port} is negative (gRPC off).
   *
   * @param serving answers the health check: whether the service can serve now (e.g. its database answers)
   */
  public static Future<HttpServer> serve(Vertx vertx, RpcServiceBinding<?> binding, JsonObject cfg, int defaultPort, String service,
                                         Supplier<Future<Boolean>> serving) {
    int port = cfg.getInteger("grpc_port", defaultPort);
    if (port < 0) {
      return Future.succeededFuture();
    }
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setScheduleDeadlineAutomatically(true));
    Service bound = binding.grpcService();
    grpc.addService(bound);
    grpc.addService(HealthService.create(vertx).register(bound.name(), serving));
    grpc.addService(ReflectionService.v1());
    // Loopback unless configured wider: an all-in-one node is reachable from its own machine only.
    String host = cfg.getString("grpc_host", "127.0.0.1");
    return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost(host))
      .requestHandler(grpc).listen()
      .onSuccess(s -> log.info("event=grpc_listening service={} host={} port={}", service, host, s.actualPort()));
  }
}
