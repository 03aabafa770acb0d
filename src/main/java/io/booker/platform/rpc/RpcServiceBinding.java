package io.booker.platform.rpc;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Exposes one implementation of a generated service interface on both transports: as gRPC
 * methods of a {@link GrpcServer}, and on the clustered event bus, one address per RPC
 * ({@code venue.VenueService/GetVenue}) carrying protobuf bytes. Both paths run the same
 * authentication (a Bearer access token in the call metadata, verified on every call; none or a bad
 * one is UNAUTHENTICATED), invocation, metrics and error mapping. The implementation finds its
 * caller in {@link CallContext#caller()}.
 *
 * <p>The gRPC side does not use the generated {@code *GrpcService} (see {@link RpcMethod} for why):
 * each call is a {@link GrpcUnaryCall}, which reads the raw message within {@link GrpcLimits}, and
 * answers a failure with its status, status message and {@value RpcErrors#CODE_TRAILER} trailer;
 * its metadata (authorization, {@code grpc-timeout}) is read from the call's headers.
 */
public final class RpcServiceBinding<S> {

  private static final Logger log = LoggerFactory.getLogger(RpcServiceBinding.class);
  private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

  private final S implementation;
  private final Descriptors.ServiceDescriptor descriptor;
  private final String serviceLabel;
  private final List<RpcMethod> methods;
  private final List<MessageConsumer<Buffer>> consumers = new ArrayList<>();
  private final AccessTokens tokens;

  public RpcServiceBinding(Class<S> serviceInterface, S implementation, Descriptors.ServiceDescriptor descriptor, String serviceLabel,
                           AccessTokens tokens) {
    this.tokens = tokens;
    this.implementation = implementation;
    this.descriptor = descriptor;
    this.serviceLabel = serviceLabel;
    this.methods = RpcMethod.of(serviceInterface, descriptor);
  }

  /** Registers one clustered consumer per RPC; completes when every registration reached the cluster. */
  public Future<Void> bindEventBus(Vertx vertx) {
    List<Future<Void>> registrations = new ArrayList<>();
    for (RpcMethod method : methods) {
      MessageConsumer<Buffer> consumer = vertx.eventBus().consumer(method.fullName(), msg -> {
        long deadline = deadlineOf(msg.headers().get(RpcHeaders.DEADLINE));
        if (deadline > 0 && System.currentTimeMillis() > deadline) {
          ServiceException late = new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "deadline passed before the call started");
          msg.fail(late.code().grpcCode(), RpcErrors.replyBody(late));
          return;
        }
        CallContext.attach(deadline);
        Message request;
        try {
          request = method.requestPrototype().getParserForType().parseFrom(msg.body().getBytes());
        } catch (InvalidProtocolBufferException e) {
          ServiceException bad = new ServiceException(ErrorCode.INVALID_ARGUMENT, "malformed request message");
          msg.fail(bad.code().grpcCode(), RpcErrors.replyBody(bad));
          return;
        }
        authenticated(msg.headers().get(RpcHeaders.AUTHORIZATION), method, request, "eventbus").onComplete(ar -> {
          if (ar.succeeded()) {
            msg.reply(Buffer.buffer(ar.result().toByteArray()));
          } else {
            ServiceException e = (ServiceException) ar.cause();
            msg.fail(e.code().grpcCode(), RpcErrors.replyBody(e));
          }
        });
      });
      consumers.add(consumer);
      registrations.add(consumer.completion());
    }
    return Future.all(registrations).mapEmpty();
  }

  /** The gRPC side as a {@link Service}, so the server lists it (reflection, health). */
  public Service grpcService(GrpcLimits limits) {
    ServiceName name = ServiceName.create(descriptor.getFullName());
    return new Service() {
      @Override
      public ServiceName name() {
        return name;
      }

      @Override
      public Descriptors.ServiceDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public void bind(GrpcServer server) {
        bindGrpc(server, limits);
      }
    };
  }

  /** Adds every RPC to a gRPC server (which an HttpServer serves), with the default {@link GrpcLimits}. */
  public void bindGrpc(GrpcServer server) {
    bindGrpc(server, GrpcLimits.DEFAULTS);
  }

  /**
   * Adds every RPC to a gRPC server; each call is a {@link GrpcUnaryCall}, which answers whatever
   * malformed input a client sends with a gRPC status within {@code limits}.
   */
  public void bindGrpc(GrpcServer server, GrpcLimits limits) {
    for (RpcMethod method : methods) {
      GrpcMessageDecoder<Message> decoder = GrpcMessageDecoder.decoder(method.requestPrototype().newBuilderForType());
      ServiceMethod<Message, Message> serviceMethod = ServiceMethod.server(
        ServiceName.create(method.serviceName()), method.name(), GrpcMessageEncoder.encoder(), decoder);
      server.callHandler(serviceMethod, call -> {
        if (call.timeout() > 0) {
          CallContext.attach(System.currentTimeMillis() + call.timeout());
        }
        String authorization = call.headers().get(RpcHeaders.AUTHORIZATION);
        GrpcUnaryCall.serve(Vertx.currentContext().owner(), call, decoder, limits, method.fullName(),
          (rpc, code) -> Metrics.grpcServerCall(serviceLabel, method.name(), GrpcStatus.valueOf(code.grpcCode()).name(), 0),
          request -> authenticated(authorization, method, request, "grpc"));
      });
    }
  }

  public Future<Void> unbindEventBus() {
    List<Future<Void>> all = new ArrayList<>();
    consumers.forEach(c -> all.add(c.unregister()));
    consumers.clear();
    return Future.join(all).mapEmpty();
  }

  /** Verifies the caller's token, attaches the caller to the call's context, then runs the call. */
  private Future<Message> authenticated(String authorization, RpcMethod method, Message request, String transport) {
    return tokens.verifyHeader(authorization)
      .transform(ar -> {
        if (ar.failed()) {
          Metrics.grpcServerCall(serviceLabel, method.name(), GrpcStatus.UNAUTHENTICATED.name(), 0);
          return Future.failedFuture(ar.cause());
        }
        CallContext.attachCaller(ar.result());
        return invoke(method, request, transport);
      });
  }

  /** Runs the implementation; whatever it throws or fails with comes back as a ServiceException. */
  private Future<Message> invoke(RpcMethod method, Message request, String transport) {
    long start = System.nanoTime();
    // The server span Vert.x opened for the call (event-bus delivery or gRPC request) is named after
    // the method, not "send" or "POST"; a no-op when nothing is traced.
    Span span = Tracing.currentSpan();
    span.updateName(method.fullName());
    span.setAttribute(RPC_SYSTEM, "grpc".equals(transport) ? "grpc" : "vertx_eventbus");
    span.setAttribute(RPC_METHOD, method.fullName());
    if (span.isRecording()) {
      idAttribute(span, request, "booking_id", TraceAttributes.BOOKING_ID);
      idAttribute(span, request, "venue_id", TraceAttributes.VENUE_ID);
    }
    return method.invoke(implementation, request)
      .recover(t -> {
        ServiceException se = RpcErrors.asServiceException(t);
        span.setAttribute(TraceAttributes.ERROR_CODE, se.code().name());
        if (se.code() == ErrorCode.INTERNAL) {
          span.setStatus(StatusCode.ERROR, se.getMessage());
          log.error("rpc={} transport={} failed unexpectedly", method.fullName(), transport, t);
        }
        return Future.failedFuture(se);
      })
      .andThen(ar -> {
        String status = ar.succeeded() ? "OK" : GrpcStatus.valueOf(((ServiceException) ar.cause()).code().grpcCode()).name();
        Metrics.grpcServerCall(serviceLabel, method.name(), status, System.nanoTime() - start);
        if (log.isDebugEnabled()) {
          log.debug("event=rpc_served rpc={} transport={} status={} ms={}", method.fullName(), transport, status,
            (System.nanoTime() - start) / 1_000_000);
        }
      });
  }

  /** The request's top-level id field {@code name} (when it has one and it is set) as a span attribute. */
  private static void idAttribute(Span span, Message request, String name, AttributeKey<String> key) {
    Descriptors.FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
    if (field != null && !field.isRepeated() && field.getJavaType() == Descriptors.FieldDescriptor.JavaType.STRING) {
      String value = (String) request.getField(field);
      if (!value.isEmpty()) {
        span.setAttribute(key, value);
      }
    }
  }

  private static long deadlineOf(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Long.parseLong(header);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
