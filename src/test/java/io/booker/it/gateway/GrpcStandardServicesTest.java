package io.booker.it.gateway;

import com.google.protobuf.Message;
import io.booker.it.support.NodeHarness;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** External gRPC tooling works against the services: standard health checks and server reflection. */
class GrpcStandardServicesTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("grpc");

  @Test
  void healthReportsEachServiceServing() {
    for (int port : new int[]{harness.venueGrpcPort(), harness.bookingGrpcPort()}) {
      String service = port == harness.venueGrpcPort() ? "venue.VenueService" : "booking.BookingService";
      HealthCheckResponse health = call(port, "grpc.health.v1.Health", "Check",
        HealthCheckRequest.newBuilder().setService(service).build(), HealthCheckResponse.getDefaultInstance()).await();
      assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus(), service);
    }
  }

  @Test
  void reflectionListsTheBookerServices() {
    ServerReflectionResponse reply = call(harness.venueGrpcPort(), "grpc.reflection.v1.ServerReflection", "ServerReflectionInfo",
      ServerReflectionRequest.newBuilder().setListServices("").build(), ServerReflectionResponse.getDefaultInstance()).await();
    List<String> names = reply.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
    assertTrue(names.contains("venue.VenueService"), names.toString());
    assertTrue(names.contains("grpc.health.v1.Health"), names.toString());
  }

  @SuppressWarnings("unchecked")
  private static <Resp extends Message> Future<Resp> call(int port, String service, String method, Message request, Resp prototype) {
    GrpcClient client = GrpcClient.client(harness.vertx());
    ServiceMethod<Resp, Message> sm = ServiceMethod.client(ServiceName.create(service), method,
      GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(prototype.newBuilderForType()));
    return client.request(SocketAddress.inetSocketAddress(port, "127.0.0.1"), sm)
      .compose(req -> {
        req.end(request);
        return req.response().compose(resp -> {
          Object[] first = new Object[1];
          resp.handler(m -> {
            if (first[0] == null) {
              first[0] = m;
            }
          });
          return resp.end().map(v -> (Resp) first[0]);
        });
      })
      .eventually(client::close);
  }
}
