package io.booker.platform.rpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.server.GrpcProtocol;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.health.HealthService;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves a bound service as gRPC on {@code grpc_host:grpc_port} of a service's config section (host
 * 127.0.0.1 unless configured), with the standard gRPC health ({@code grpc.health.v1.Health}) and
 * reflection ({@link GrpcReflection}, v1 and v1alpha) services beside it, so tools such as grpcurl,
 * buf curl or a load balancer's probe work without the .proto files; both are open without a token. The server is hardened by {@link GrpcLimits}: message size (raw and
 * inflated), time to send a message, idle connections, HTTP/2 streams and header size.
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
    GrpcLimits limits = GrpcLimits.of(cfg);
    GrpcServer grpc = GrpcServer.server(vertx, grpcOptions(limits));
    Service bound = binding.grpcService(limits);
    grpc.addService(bound);
    grpc.addService(HealthService.create(vertx).register(bound.name(), serving));
    // Booker's own reflection: vertx-grpc-reflection's answers one request per stream (see GrpcReflection).
    grpc.addService(new GrpcReflection(limits));
    // Loopback unless configured wider: an all-in-one node is reachable from its own machine only.
    String host = cfg.getString("grpc_host", "127.0.0.1");
    return vertx.createHttpServer(serverOptions(port, host, limits))
      // Each request's frames are checked before vertx-grpc reads them (see GrpcFrameCheck).
      .requestHandler(request -> grpc.handle(GrpcFrameCheck.checked(request)))
      .listen()
      .onSuccess(s -> log.info("event=grpc_listening service={} host={} port={} max_message_bytes={} idle_timeout_s={}",
        service, host, s.actualPort(), limits.maxMessageBytes(), limits.idleTimeoutS()));
  }

  /**
   * gRPC over HTTP/2 only: gRPC-Web and HTTP/JSON transcoding are not served (no client of Booker
   * speaks them; a JSON body reached a transcoder that is not there and was a 500), so any other
   * content type is a 415.
   */
  static GrpcServerOptions grpcOptions(GrpcLimits limits) {
    GrpcServerOptions options = new GrpcServerOptions().setScheduleDeadlineAutomatically(true)
      .setMaxMessageSize(limits.maxMessageBytes());
    for (GrpcProtocol protocol : GrpcProtocol.values()) {
      if (protocol != GrpcProtocol.HTTP_2) {
        options.removeEnabledProtocol(protocol);
      }
    }
    return options;
  }

  /**
   * HTTP/2 only as gRPC needs it: connections without traffic are closed after the idle timeout
   * (slow and abandoned clients do not hold sockets), and a client can open only so many streams
   * and send only so many header bytes at once.
   */
  static HttpServerOptions serverOptions(int port, String host, GrpcLimits limits) {
    return new HttpServerOptions().setPort(port).setHost(host)
      .setIdleTimeout(limits.idleTimeoutS()).setIdleTimeoutUnit(TimeUnit.SECONDS)
      .setMaxHeaderSize(limits.maxHeaderListBytes())
      .setInitialSettings(new Http2Settings()
        .setMaxConcurrentStreams(limits.maxConcurrentStreams())
        .setMaxHeaderListSize(limits.maxHeaderListBytes()));
  }
}
