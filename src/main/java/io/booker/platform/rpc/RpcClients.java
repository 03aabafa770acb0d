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
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Callers use the generated client interface ({@code VenueServiceClient}); this binds it to the
 * event bus or to gRPC, as configured. Every call has a deadline, and every failure arrives as a
 * {@link ServiceException} with a proper code, whichever transport carried it. Every call carries
 * the caller's access token ({@code authorization: Bearer ...}): by default the token of the request
 * being served ({@link CallContext}), so a nested call acts for the same user.
 *
 * <p>Config ({@code clients.<service>}): {@code transport} ("eventbus" default, or "grpc"),
 * {@code grpc_host}, {@code grpc_port}, {@code timeout_ms} (default 5000).
 */
public final class RpcClients {

  public static final long DEFAULT_TIMEOUT_MS = 5000;

  private RpcClients() {
  }

  /** A client for the service, bound by config. The returned GrpcClient (if any) is closed with the Vertx instance. */
  public static <C> C create(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                             JsonObject config, int defaultGrpcPort) {
    return create(vertx, clientInterface, descriptor, config, defaultGrpcPort, RpcClients::currentCaller);
  }

  /**
   * As {@link #create(Vertx, Class, Descriptors.ServiceDescriptor, JsonObject, int)}, with the
   * {@code authorization} value of each call (read when the call is made), for callers that act for
   * a user outside an HTTP request (a WebSocket).
   */
  public static <C> C create(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                             JsonObject config, int defaultGrpcPort, Supplier<String> authorization) {
    long timeoutMs = config.getLong("timeout_ms", DEFAULT_TIMEOUT_MS);
    String transport = config.getString("transport", "eventbus");
    switch (transport) {
      case "eventbus":
        return eventBus(vertx, clientInterface, descriptor, timeoutMs, authorization);
      case "grpc":
        SocketAddress target = SocketAddress.inetSocketAddress(
          config.getInteger("grpc_port", defaultGrpcPort), config.getString("grpc_host", "127.0.0.1"));
        return grpc(vertx, clientInterface, descriptor, target, timeoutMs, authorization);
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
    return proxy(clientInterface, descriptor, timeoutMs, (method, request, callTimeoutMs) -> {
      DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(callTimeoutMs)
        .addHeader(RpcHeaders.DEADLINE, Long.toString(System.currentTimeMillis() + callTimeoutMs));
      String credentials = authorization.get();
      if (credentials != null) {
        options.addHeader(RpcHeaders.AUTHORIZATION, credentials);
      }
      return vertx.eventBus().<Buffer>request(method.fullName(), Buffer.buffer(request.toByteArray()), options)
        .compose(reply -> parse(method, reply.body().getBytes()));
    });
  }

  public static <C> C grpc(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                           SocketAddress target, long timeoutMs) {
    return grpc(vertx, clientInterface, descriptor, target, timeoutMs, RpcClients::currentCaller);
  }

  /** As {@link #grpc(Vertx, Class, Descriptors.ServiceDescriptor, SocketAddress, long)}, with the {@code authorization} value of each call. */
  public static <C> C grpc(Vertx vertx, Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor,
                           SocketAddress target, long timeoutMs, Supplier<String> authorization) {
    GrpcClient client = GrpcClient.client(vertx,
      new GrpcClientOptions().setScheduleDeadlineAutomatically(true).setTimeout((int) timeoutMs).setTimeoutUnit(TimeUnit.MILLISECONDS),
      new HttpClientOptions().setHttp2ClearTextUpgrade(false).setConnectTimeout((int) Math.min(timeoutMs, 2000)));
    Map<RpcMethod, ServiceMethod<Message, Message>> serviceMethods = new HashMap<>();
    return proxy(clientInterface, descriptor, timeoutMs, (method, request, callTimeoutMs) -> {
      ServiceMethod<Message, Message> sm = serviceMethods.computeIfAbsent(method, m -> ServiceMethod.client(
        ServiceName.create(m.serviceName()), m.name(), GrpcMessageEncoder.encoder(),
        GrpcMessageDecoder.decoder(m.responsePrototype().newBuilderForType())));
      long start = System.nanoTime();
      String credentials = authorization.get();
      return client.request(target, sm).compose(call -> {
        call.timeout(callTimeoutMs, TimeUnit.MILLISECONDS);
        if (credentials != null) {
          call.headers().set(RpcHeaders.AUTHORIZATION, credentials);
        }
        call.end(request);
        return call.response().compose(response -> {
          Message[] last = new Message[1];
          response.handler(m -> last[0] = m);
          return response.end().transform(ar -> {
            if (response.status() == GrpcStatus.OK && last[0] != null) {
              return Future.succeededFuture(last[0]);
            }
            GrpcStatus status = response.status() == null ? GrpcStatus.UNKNOWN : response.status();
            // A trailers-only answer (an error before any message) carries its metadata as headers.
            String precise = response.trailers().get(RpcErrors.CODE_TRAILER);
            if (precise == null) {
              precise = response.headers().get(RpcErrors.CODE_TRAILER);
            }
            ErrorCode code = ErrorCode.byName(precise, ErrorCode.fromGrpcCode(status.code));
            String message = response.statusMessage() != null ? response.statusMessage() : status.name();
            return Future.failedFuture(new ServiceException(code, message));
          });
        });
      }).recover(t -> {
        // When the deadline fires the client resets the stream; whatever that surfaces as, a call
        // that failed after its deadline failed because of it.
        boolean late = System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(callTimeoutMs);
        return Future.failedFuture(late && !(t instanceof ServiceException)
          ? new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the service did not answer in time")
          : t);
      });
    });
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

  /** One call over a transport, with the time it may take. */
  @FunctionalInterface
  private interface Transport {
    Future<Message> call(RpcMethod method, Message request, long timeoutMs);
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

  @SuppressWarnings("unchecked")
  private static <C> C proxy(Class<C> clientInterface, Descriptors.ServiceDescriptor descriptor, long timeoutMs, Transport transport) {
    // Keyed by name: RPC names are unique in a service, and the generated client interface
    // re-declares the methods of the service interface it extends.
    Map<String, RpcMethod> byJavaName = new HashMap<>();
    for (RpcMethod m : RpcMethod.of(clientInterface, descriptor)) {
      byJavaName.put(m.javaMethod().getName(), m);
    }
    InvocationHandler handler = (proxy, javaMethod, args) -> {
      RpcMethod rpc = javaMethod.getParameterCount() == 1 ? byJavaName.get(javaMethod.getName()) : null;
      if (rpc == null) {
        switch (javaMethod.getName()) {
          case "toString": return clientInterface.getSimpleName() + "(" + descriptor.getFullName() + ")";
          case "hashCode": return System.identityHashCode(proxy);
          case "equals": return proxy == args[0];
          default: throw new UnsupportedOperationException(javaMethod.toString());
        }
      }
      if (args[0] == null) {
        return Future.failedFuture(new ServiceException(ErrorCode.INVALID_ARGUMENT, "request is required"));
      }
      long callTimeoutMs = callTimeout(timeoutMs);
      if (callTimeoutMs <= 0) {
        return Future.failedFuture(new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the caller's deadline passed before calling " + rpc.fullName()));
      }
      return transport.call(rpc, (Message) args[0], callTimeoutMs).recover(t -> Future.failedFuture(RpcErrors.asServiceException(t)));
    };
    return (C) Proxy.newProxyInstance(clientInterface.getClassLoader(), new Class<?>[]{clientInterface}, handler);
  }
}
