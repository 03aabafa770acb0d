package io.booker.platform.rpc;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.auth.AccessTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Callers use the generated client interface ({@code VenueServiceClient}); this binds it to the
 * event bus or to gRPC, as configured. Every call has a deadline, and every failure arrives as a
 * {@link ServiceException} with a proper code, whichever transport carried it. Every call carries
 * the caller's access token ({@code authorization: Bearer ...}): by default the token of the request
 * being served ({@link CallContext}), so a nested call acts for the same user.
 *
 * <p>Over gRPC the client is the one vertx-grpc generated ({@code VenueServiceGrpcClient}), on a
 * {@link PerCallGrpcClient} that adds what it cannot express (metadata, deadline, error trailers).
 * Over the event bus it is a stub of the client interface ({@link RpcMethod#stub}), the plugin
 * generating nothing for the bus.
 *
 * <p>Config ({@code clients.<service>}): {@code transport} ("eventbus" default, or "grpc"),
 * {@code grpc_host}, {@code grpc_port}, {@code timeout_ms} (default 5000).
 */
public final class RpcClients {

  public static final long DEFAULT_TIMEOUT_MS = 5000;

  /** The factory of a generated gRPC client: {@code VenueServiceGrpcClient::create}. */
  @FunctionalInterface
  public interface GrpcStub<C> {
    C create(GrpcClient client, SocketAddress target);
  }

  private RpcClients() {
  }

  /**
   * A client for the service, bound by config: {@code grpcStub} is the generated gRPC client's factory,
   * {@code descriptor} the service's ({@code VenueServiceGrpcService.SERVICE_DESCRIPTOR}). The
   * GrpcClient (if any) is closed with the Vertx instance.
   */
  public static <C> C create(Vertx vertx, Class<C> clientInterface, GrpcStub<? extends C> grpcStub,
                             Descriptors.ServiceDescriptor descriptor, JsonObject config, int defaultGrpcPort) {
    return create(vertx, clientInterface, grpcStub, descriptor, config, defaultGrpcPort, RpcClients::currentCaller);
  }

  /**
   * As {@link #create(Vertx, Class, GrpcStub, Descriptors.ServiceDescriptor, JsonObject, int)}, with the
   * {@code authorization} value of each call (read when the call is made), for callers that act for
   * a user outside an HTTP request (a WebSocket).
   */
  public static <C> C create(Vertx vertx, Class<C> clientInterface, GrpcStub<? extends C> grpcStub,
                             Descriptors.ServiceDescriptor descriptor, JsonObject config, int defaultGrpcPort,
                             Supplier<String> authorization) {
    long timeoutMs = config.getLong("timeout_ms", DEFAULT_TIMEOUT_MS);
    String transport = config.getString("transport", "eventbus");
    switch (transport) {
      case "eventbus":
        return eventBus(vertx, clientInterface, descriptor, timeoutMs, authorization);
      case "grpc":
        SocketAddress target = SocketAddress.inetSocketAddress(
          config.getInteger("grpc_port", defaultGrpcPort), config.getString("grpc_host", "127.0.0.1"));
        return grpc(vertx, grpcStub, target, timeoutMs, authorization);
      default:
        throw new IllegalArgumentException("unknown transport '" + transport + "' for " + descriptor.getFullName() + " (eventbus or grpc)");
    }
  }

  public static <C> C eventBus(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor, long timeoutMs) {
    return eventBus(vertx, clientInterface, descriptor, timeoutMs, RpcClients::currentCaller);
  }

  /** As {@link #eventBus(Vertx, Class, Descriptors.ServiceDescriptor, long)}, with the {@code authorization} value of each call. */
  public static <C> C eventBus(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor, long timeoutMs,
                               Supplier<String> authorization) {
    return RpcMethod.stub(clientInterface, descriptor, (method, request) -> {
      if (request == null) {
        return Future.failedFuture(new ServiceException(ErrorCode.INVALID_ARGUMENT, "request is required"));
      }
      long callTimeoutMs = callTimeout(timeoutMs);
      if (callTimeoutMs <= 0) {
        return Future.failedFuture(new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the caller's deadline passed before calling " + method.fullName()));
      }
      DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(callTimeoutMs)
        .addHeader(RpcHeaders.DEADLINE, Long.toString(System.currentTimeMillis() + callTimeoutMs));
      String credentials = authorization.get();
      if (credentials != null) {
        options.addHeader(RpcHeaders.AUTHORIZATION, credentials);
      }
      return vertx.eventBus().<Buffer>request(method.fullName(), Buffer.buffer(request.toByteArray()), options)
        .compose(reply -> parse(method, reply.body().getBytes()))
        .recover(t -> Future.failedFuture(RpcErrors.asServiceException(t)));
    });
  }

  /**
   * The generated gRPC client of {@code clientInterface}, found by its name ({@link RpcMethod#generatedGrpcClient});
   * code that can name the generated factory calls {@link #grpc(Vertx, GrpcStub, SocketAddress, long, Supplier)}.
   */
  public static <C> C grpc(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                           SocketAddress target, long timeoutMs) {
    return grpc(vertx, clientInterface, descriptor, target, timeoutMs, RpcClients::currentCaller);
  }

  /** As {@link #grpc(Vertx, Class, Descriptors.ServiceDescriptor, SocketAddress, long)}, with the {@code authorization} value of each call. */
  public static <C> C grpc(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                           SocketAddress target, long timeoutMs, Supplier<String> authorization) {
    return grpc(vertx, RpcMethod.generatedGrpcClient(clientInterface), target, timeoutMs, authorization);
  }

  /**
   * The generated gRPC client made by {@code grpcStub} ({@code VenueServiceGrpcClient::create}), calling
   * {@code target}, each call with the {@code authorization} value read when it is made.
   */
  public static <C> C grpc(Vertx vertx, GrpcStub<? extends C> grpcStub, SocketAddress target, long timeoutMs,
                           Supplier<String> authorization) {
    GrpcClient client = GrpcClient.client(vertx,
      new GrpcClientOptions().setScheduleDeadlineAutomatically(true).setTimeout((int) timeoutMs).setTimeoutUnit(TimeUnit.MILLISECONDS),
      new HttpClientOptions().setHttp2ClearTextUpgrade(false).setConnectTimeout((int) Math.min(timeoutMs, 2000)));
    return grpcStub.create(new PerCallGrpcClient(client, timeoutMs, authorization), target);
  }

  /** The {@code authorization} value of the caller of the request being served; null outside one. */
  static String currentCaller() {
    AccessTokens.Verified caller = CallContext.verified();
    return caller == null ? null : "Bearer " + caller.token();
  }

  private static Future<Message> parse(RpcMethod method, byte[] bytes) {
    try {
      return Future.succeededFuture(method.responsePrototype().getParserForType().parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      return Future.failedFuture(new ServiceException(ErrorCode.INTERNAL, "malformed reply from " + method.fullName()));
    }
  }

  /**
   * The time a call may take: the configured timeout, or what is left of the deadline of the call
   * being served ({@link CallContext}) when that is sooner; 0 when that deadline has passed.
   */
  static long callTimeout(long configuredMs) {
    long deadline = CallContext.deadline();
    if (deadline == 0) {
      return configuredMs;
    }
    return Math.max(0, Math.min(configuredMs, deadline - System.currentTimeMillis()));
  }
}
