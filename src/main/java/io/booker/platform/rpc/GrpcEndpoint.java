package io.booker.platform.rpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves a bound service as gRPC on {@code grpc_host:grpc_port} of a service's config section. */
public final class GrpcEndpoint {

  private static final Logger log = LoggerFactory.getLogger(GrpcEndpoint.class);

  private GrpcEndpoint() {
  }

  /** Starts the server; completes with {@code null} when {@code grpc_port} is negative (gRPC off). */
  public static Future<HttpServer> serve(Vertx vertx, RpcServiceBinding<?> binding, JsonObject cfg, int defaultPort, String service) {
    int port = cfg.getInteger("grpc_port", defaultPort);
    if (port < 0) {
      return Future.succeededFuture();
    }
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setScheduleDeadlineAutomatically(true));
    binding.bindGrpc(grpc);
    return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost(cfg.getString("grpc_host", "0.0.0.0")))
      .requestHandler(grpc).listen()
      .onSuccess(s -> log.info("event=grpc_listening service={} port={}", service, s.actualPort()));
  }
}
