package io.booker.it.support;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.Address;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.common.ServiceMethod;

import java.util.function.Supplier;

/**
 * A {@link GrpcClient} that puts {@code authorization: <value>} into the metadata of every call, so
 * the generated clients ({@code VenueServiceGrpcClient.create(client, address)}) authenticate the
 * way any external gRPC client does. A null value sends none.
 */
public record BearerGrpcClient(GrpcClient delegate, Supplier<String> authorization) implements GrpcClient {

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request(Address server) {
    return delegate.request(server).map(this::authorize);
  }

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request() {
    return delegate.request().map(this::authorize);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(Address server, ServiceMethod<Resp, Req> method) {
    return delegate.request(server, method).map(this::authorize);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(ServiceMethod<Resp, Req> method) {
    return delegate.request(method).map(this::authorize);
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  private <Req, Resp> GrpcClientRequest<Req, Resp> authorize(GrpcClientRequest<Req, Resp> request) {
    String value = authorization.get();
    if (value != null) {
      request.headers().set("authorization", value);
    }
    return request;
  }
}
