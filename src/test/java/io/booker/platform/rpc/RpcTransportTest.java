package io.booker.platform.rpc;

import io.booker.platform.auth.AccessTokens;
import io.booker.testinfra.TestTokens;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.ListVenuesRequest;
import io.booker.proto.venue.ListVenuesResponse;
import io.booker.proto.venue.Venue;
import io.booker.proto.venue.VenueService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.proto.venue.VenueServiceService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One service implementation bound to both transports; the same client calls behave the same over
 * either: results, contract errors with their codes, deadlines, and an absent callee.
 */
class RpcTransportTest {

  static Vertx vertx;
  static int grpcPort;
  static HttpServer grpcServer;
  static RpcServiceBinding<VenueService> binding;

  /**
   * getVenue: "ok" answers, "missing" is NOT_FOUND, "taken" SLOT_TAKEN (ALREADY_EXISTS in gRPC terms),
   * "whoami" answers its caller's user id as the name, "slow" never answers, "boom" throws, "nested"
   * calls listVenues on the bus with a generous timeout of its own and answers what that call saw
   * as its name. listVenues answers, as {@code total}, the milliseconds left of its caller's
   * deadline (-1 without one).
   */
  static final class FakeVenues extends VenueServiceService {

    VenueServiceClient nested;

    @Override
    public Future<ListVenuesResponse> listVenues(ListVenuesRequest request) {
      long deadline = CallContext.deadline();
      return Future.succeededFuture(ListVenuesResponse.newBuilder()
        .setTotal(deadline == 0 ? -1 : (int) (deadline - System.currentTimeMillis())).build());
    }

    @Override
    public Future<Venue> getVenue(GetVenueRequest request) {
      switch (request.getId()) {
        case "nested": return nested.listVenues(ListVenuesRequest.getDefaultInstance())
          .map(r -> Venue.newBuilder().setId("nested").setName(Integer.toString(r.getTotal())).build());
        case "ok": return Future.succeededFuture(Venue.newBuilder().setId("ok").setName("Chez Test").setCreatedAt(1_700_000_000L).build());
        case "missing": return Future.failedFuture(ServiceException.notFound("venue", "missing"));
        case "taken": return Future.failedFuture(new ServiceException(ErrorCode.SLOT_TAKEN, "the slot is taken"));
        case "whoami": return Future.succeededFuture(Venue.newBuilder().setId("whoami").setName(CallContext.caller().userId()).build());
        case "slow": return Promise.<Venue>promise().future();
        case "boom": throw new IllegalStateException("bug with a secret inside");
        default: throw ServiceException.invalid("id", "unexpected");
      }
    }
  }

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    FakeVenues fake = new FakeVenues();
    fake.nested = RpcClients.eventBus(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR, 60_000);
    binding = new RpcServiceBinding<>(VenueService.class, fake, VenueServiceGrpcService.SERVICE_DESCRIPTOR, "venue",
      AccessTokens.create(vertx, TestTokens.authConfig()));
    binding.bindEventBus(vertx).await();
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setScheduleDeadlineAutomatically(true));
    binding.bindGrpc(grpc);
    grpcPort = freePort();
    grpcServer = vertx.createHttpServer().requestHandler(grpc).listen(grpcPort, "127.0.0.1").await();
    // The first call on each transport pays for class loading, the token verifier and the
    // connection; on a loaded machine that alone can take longer than the tests' 2 s timeouts.
    for (String transport : new String[] {"eventbus", "grpc"}) {
      client(transport, 30_000).getVenue(GetVenueRequest.newBuilder().setId("ok").build()).await();
    }
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static VenueServiceClient client(String transport, long timeoutMs) {
    return switch (transport) {
      case "grpc" -> RpcClients.grpc(vertx, VenueServiceGrpcClient::create, SocketAddress.inetSocketAddress(grpcPort, "127.0.0.1"),
        timeoutMs, TestTokens::admin);
      // The generated gRPC client found from the client interface alone, as tests that name only that do.
      case "grpc-by-interface" -> RpcClients.grpc(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
        SocketAddress.inetSocketAddress(grpcPort, "127.0.0.1"), timeoutMs, TestTokens::admin);
      default -> RpcClients.eventBus(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR, timeoutMs, TestTokens::admin);
    };
  }

  static ServiceException failure(Future<?> call) {
    CompletionException e = assertThrows(CompletionException.class, () -> call.toCompletionStage().toCompletableFuture().join());
    return assertInstanceOf(ServiceException.class, e.getCause());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc", "grpc-by-interface"})
  void resultArrivesIntact(String transport) {
    Venue v = client(transport, 2000).getVenue(GetVenueRequest.newBuilder().setId("ok").build()).await();
    assertEquals("Chez Test", v.getName());
    assertEquals(1_700_000_000L, v.getCreatedAt());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void contractErrorKeepsItsCodeAndMessage(String transport) {
    ServiceException e = failure(client(transport, 2000).getVenue(GetVenueRequest.newBuilder().setId("missing").build()));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals("venue missing not found", e.getMessage());
  }

  /** The precise code travels beside the gRPC status (the booker-error-code trailer), which only says ALREADY_EXISTS. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc", "grpc-by-interface"})
  void aPreciseContractErrorKeepsItsCode(String transport) {
    ServiceException e = failure(client(transport, 2000).getVenue(GetVenueRequest.newBuilder().setId("taken").build()));
    assertEquals(ErrorCode.SLOT_TAKEN, e.code());
    assertEquals("the slot is taken", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void theCallersTokenTravelsWithTheCall(String transport) {
    Venue v = client(transport, 2000).getVenue(GetVenueRequest.newBuilder().setId("whoami").build()).await();
    assertEquals(TestTokens.ADMIN_ID, v.getName());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void aMissingRequestIsInvalidArgument(String transport) {
    ServiceException e = failure(client(transport, 2000).getVenue(null));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void unexpectedFailureIsInternalWithoutLeakingDetails(String transport) {
    ServiceException e = failure(client(transport, 2000).getVenue(GetVenueRequest.newBuilder().setId("boom").build()));
    assertEquals(ErrorCode.INTERNAL, e.code());
    assertFalse(e.getMessage().contains("secret"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void aCalleeThatNeverAnswersHitsTheDeadline(String transport) {
    long start = System.currentTimeMillis();
    ServiceException e = failure(client(transport, 300).getVenue(GetVenueRequest.newBuilder().setId("slow").build()));
    assertEquals(ErrorCode.DEADLINE_EXCEEDED, e.code(), e.getMessage());
    assertTrue(System.currentTimeMillis() - start < 5000, "the deadline bounds the call");
  }

  /** A call made while serving another gets what is left of the caller's deadline, not a fresh timeout. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"eventbus", "grpc"})
  void aNestedCallInheritsTheRemainingDeadline(String transport) {
    int left = Integer.parseInt(client(transport, 1500).getVenue(GetVenueRequest.newBuilder().setId("nested").build()).await().getName());
    assertTrue(left > 0 && left <= 1500, "the nested call had the caller's 1.5 s, not its own 60 s: " + left);
    int direct = client(transport, 1500).listVenues(ListVenuesRequest.getDefaultInstance()).await().getTotal();
    assertTrue(direct > 0 && direct <= 1500, "the service sees the caller's deadline: " + direct);
  }

  @Test
  void withoutACallBeingServedThereIsNoInheritedDeadline() {
    assertEquals(0, CallContext.deadline());
    assertEquals(5000, RpcClients.callTimeout(5000));
  }

  @Test
  void noInstanceOnTheBusIsUnavailable() {
    binding.unbindEventBus().await();
    try {
      ServiceException e = failure(client("eventbus", 2000).getVenue(GetVenueRequest.newBuilder().setId("ok").build()));
      assertEquals(ErrorCode.UNAVAILABLE, e.code());
    } finally {
      binding.bindEventBus(vertx).await();
    }
  }

  @Test
  void noGrpcServerIsUnavailable() throws IOException {
    VenueServiceClient nowhere = RpcClients.grpc(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      SocketAddress.inetSocketAddress(freePort(), "127.0.0.1"), 2000);
    ServiceException e = failure(nowhere.getVenue(GetVenueRequest.newBuilder().setId("ok").build()));
    assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
