package io.booker.platform.rpc;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Timer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.Address;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcError;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcReadStream;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.InvalidMessageException;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.WireFormat;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@link GrpcClient} under Booker's generated gRPC clients ({@code VenueServiceGrpcClient.create(client, address)}),
 * adding to each call what those clients cannot express in vertx-grpc 5.0.7. A generated unary method
 * is {@code client.request(address, METHOD)}, {@code req.end(message)}, {@code req.response()},
 * {@code resp.last()}, and 5.0.7 has no client interceptor (nothing between the generated method and
 * the {@link GrpcClientRequest}) for:
 * <ul>
 *   <li>per-call metadata: the generated method never touches {@code GrpcClientRequest.headers()}, so the
 *       caller's {@code authorization} is set here (the W3C trace context is added by Vert.x's tracing);</li>
 *   <li>per-call deadlines: {@code GrpcClientOptions.setTimeout} is one timeout for every call, while a
 *       call made for another gets what is left of that one's deadline ({@link RpcClients#callTimeout}), set
 *       here with {@code GrpcClientRequest.timeout}; a call whose caller's deadline has passed is not made;</li>
 *   <li>error trailers: {@code GrpcReadStream.last()} fails a non-OK answer with
 *       {@code InvalidStatusException(OK, actual)}, which drops the status message and the trailers, so
 *       {@link Answer#last()} reads them itself and fails with the {@link ServiceException} the service
 *       failed with ({@value RpcErrors#CODE_TRAILER} trailer, status message), and every other failure
 *       (unreachable, reset after the deadline) as one too.</li>
 * </ul>
 * The two wrappers only delegate apart from those methods.
 */
final class PerCallGrpcClient implements GrpcClient {

  private final GrpcClient delegate;
  private final long timeoutMs;
  private final Supplier<String> authorization;

  /**
   * @param timeoutMs     the configured time a call may take
   * @param authorization the {@code authorization} value of each call, read when it is made (null: none)
   */
  PerCallGrpcClient(GrpcClient delegate, long timeoutMs, Supplier<String> authorization) {
    this.delegate = delegate;
    this.timeoutMs = timeoutMs;
    this.authorization = authorization;
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(Address address, ServiceMethod<Resp, Req> method) {
    long callTimeoutMs = RpcClients.callTimeout(timeoutMs);
    if (callTimeoutMs <= 0) {
      return tooLate(method);
    }
    long start = System.nanoTime();
    String credentials = authorization.get();
    return delegate.request(address, method).transform(ar -> opened(ar.result(), ar.cause(), credentials, start, callTimeoutMs));
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(ServiceMethod<Resp, Req> method) {
    long callTimeoutMs = RpcClients.callTimeout(timeoutMs);
    if (callTimeoutMs <= 0) {
      return tooLate(method);
    }
    long start = System.nanoTime();
    String credentials = authorization.get();
    return delegate.request(method).transform(ar -> opened(ar.result(), ar.cause(), credentials, start, callTimeoutMs));
  }

  @Override
  public Future<GrpcClientRequest<io.vertx.core.buffer.Buffer, io.vertx.core.buffer.Buffer>> request(Address address) {
    return delegate.request(address);
  }

  @Override
  public Future<GrpcClientRequest<io.vertx.core.buffer.Buffer, io.vertx.core.buffer.Buffer>> request() {
    return delegate.request();
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  private static <T> Future<T> tooLate(ServiceMethod<?, ?> method) {
    return Future.failedFuture(new ServiceException(ErrorCode.DEADLINE_EXCEEDED,
      "the caller's deadline passed before calling " + method.fullMethodName()));
  }

  private static <Req, Resp> Future<GrpcClientRequest<Req, Resp>> opened(GrpcClientRequest<Req, Resp> call, Throwable failure,
                                                                        String credentials, long start, long callTimeoutMs) {
    if (failure != null) {
      return Future.failedFuture(asServiceException(failure, start, callTimeoutMs));
    }
    call.timeout(callTimeoutMs, TimeUnit.MILLISECONDS);
    if (credentials != null) {
      call.headers().set(RpcHeaders.AUTHORIZATION, credentials);
    }
    return Future.succeededFuture(new Call<>(call, start, callTimeoutMs));
  }

  /**
   * When the deadline fires the client resets the stream; whatever that surfaces as, a call that
   * failed after its deadline failed because of it. Any other failure is mapped by {@link RpcErrors}.
   */
  private static ServiceException asServiceException(Throwable t, long start, long callTimeoutMs) {
    if (t instanceof ServiceException se) {
      return se;
    }
    boolean late = System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(callTimeoutMs);
    return late ? new ServiceException(ErrorCode.DEADLINE_EXCEEDED, "the service did not answer in time") : RpcErrors.asServiceException(t);
  }

  /** One call's request: its answer is an {@link Answer}; the rest is the delegate's. */
  private static final class Call<Req, Resp> implements GrpcClientRequest<Req, Resp> {

    private final GrpcClientRequest<Req, Resp> delegate;
    private final long start;
    private final long callTimeoutMs;

    Call(GrpcClientRequest<Req, Resp> delegate, long start, long callTimeoutMs) {
      this.delegate = delegate;
      this.start = start;
      this.callTimeoutMs = callTimeoutMs;
    }

    /**
     * Sends the one request message. Whether the write succeeded does not matter: the answer
     * ({@link #response()}) says how the call went, even when the service answered and closed the
     * stream before reading it all.
     */
    @Override
    public Future<Void> end(Req message) {
      if (message == null) {
        delegate.cancel();
        return Future.failedFuture(new ServiceException(ErrorCode.INVALID_ARGUMENT, "request is required"));
      }
      delegate.end(message);
      return Future.succeededFuture();
    }

    @Override
    public Future<GrpcClientResponse<Req, Resp>> response() {
      return delegate.response().transform(ar -> ar.failed()
        ? Future.failedFuture(asServiceException(ar.cause(), start, callTimeoutMs))
        : Future.succeededFuture(new Answer<>(ar.result())));
    }

    @Override
    public GrpcClientRequest<Req, Resp> encoding(String encoding) {
      delegate.encoding(encoding);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> format(WireFormat format) {
      delegate.format(format);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> fullMethodName(String fullMethodName) {
      delegate.fullMethodName(fullMethodName);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> serviceName(io.vertx.grpc.common.ServiceName serviceName) {
      delegate.serviceName(serviceName);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> methodName(String methodName) {
      delegate.methodName(methodName);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> exceptionHandler(Handler<Throwable> handler) {
      delegate.exceptionHandler(handler);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> setWriteQueueMaxSize(int maxSize) {
      delegate.setWriteQueueMaxSize(maxSize);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> drainHandler(Handler<Void> handler) {
      delegate.drainHandler(handler);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> timeout(long timeout, TimeUnit unit) {
      delegate.timeout(timeout, unit);
      return this;
    }

    @Override
    public GrpcClientRequest<Req, Resp> idleTimeout(long timeout) {
      delegate.idleTimeout(timeout);
      return this;
    }

    @Override
    public Timer deadline() {
      return delegate.deadline();
    }

    @Override
    public HttpConnection connection() {
      return delegate.connection();
    }

    @Override
    public MultiMap headers() {
      return delegate.headers();
    }

    @Override
    public Future<Void> writeMessage(GrpcMessage message) {
      return delegate.writeMessage(message);
    }

    @Override
    public Future<Void> endMessage(GrpcMessage message) {
      return delegate.endMessage(message);
    }

    @Override
    public void cancel() {
      delegate.cancel();
    }

    @Override
    public Future<Void> write(Req data) {
      return delegate.write(data);
    }

    @Override
    public Future<Void> end() {
      return delegate.end();
    }

    @Override
    public boolean writeQueueFull() {
      return delegate.writeQueueFull();
    }
  }

  /** One call's answer: {@link #last()} as the service meant it; the rest is the delegate's. */
  private static final class Answer<Req, Resp> implements GrpcClientResponse<Req, Resp> {

    private final GrpcClientResponse<Req, Resp> delegate;
    private Resp last;

    Answer(GrpcClientResponse<Req, Resp> delegate) {
      this.delegate = delegate;
    }

    /** The answer's message when the call ended OK with one; otherwise the failure the service answered. */
    @Override
    public Future<Resp> last() {
      delegate.handler(message -> last = message);
      return delegate.end().transform(ar -> {
        GrpcStatus status = delegate.status();
        if (status == GrpcStatus.OK && last != null) {
          return Future.succeededFuture(last);
        }
        status = status == null ? GrpcStatus.UNKNOWN : status;
        // A trailers-only answer (an error before any message) carries its metadata as headers.
        String precise = delegate.trailers().get(RpcErrors.CODE_TRAILER);
        if (precise == null) {
          precise = delegate.headers().get(RpcErrors.CODE_TRAILER);
        }
        ErrorCode code = ErrorCode.byName(precise, ErrorCode.fromGrpcCode(status.code));
        String message = delegate.statusMessage() != null ? delegate.statusMessage() : status.name();
        return Future.failedFuture(new ServiceException(code, message));
      });
    }

    @Override
    public GrpcStatus status() {
      return delegate.status();
    }

    @Override
    public String statusMessage() {
      return delegate.statusMessage();
    }

    @Override
    public MultiMap trailers() {
      return delegate.trailers();
    }

    @Override
    public MultiMap headers() {
      return delegate.headers();
    }

    @Override
    public String encoding() {
      return delegate.encoding();
    }

    @Override
    public WireFormat format() {
      return delegate.format();
    }

    @Override
    public GrpcClientResponse<Req, Resp> messageHandler(Handler<GrpcMessage> handler) {
      delegate.messageHandler(handler);
      return this;
    }

    @Override
    public GrpcReadStream<Resp> invalidMessageHandler(Handler<InvalidMessageException> handler) {
      delegate.invalidMessageHandler(handler);
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> errorHandler(Handler<GrpcError> handler) {
      delegate.errorHandler(handler);
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> exceptionHandler(Handler<Throwable> handler) {
      delegate.exceptionHandler(handler);
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> handler(Handler<Resp> handler) {
      delegate.handler(handler);
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> endHandler(Handler<Void> handler) {
      delegate.endHandler(handler);
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> pause() {
      delegate.pause();
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> resume() {
      delegate.resume();
      return this;
    }

    @Override
    public GrpcClientResponse<Req, Resp> fetch(long amount) {
      delegate.fetch(amount);
      return this;
    }

    @Override
    public Future<Void> end() {
      return delegate.end();
    }
  }
}
