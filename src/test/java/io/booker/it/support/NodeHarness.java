package io.booker.it.support;

import io.booker.platform.rpc.RpcClients;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.testinfra.TestTokens;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An all-in-one node started in this JVM (see {@link TestNodes}) and the client-side Vert.x a test
 * calls it from. Its ports are chosen when it is made, so its REST and gRPC clients can be made
 * before the node starts, in static fields:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NodeHarness harness = NodeHarness.allInOne("grpc");
 * static final VenueServiceClient venues = harness.venueGrpc();
 * }</pre>
 *
 * Registered so, it starts the node before the class's tests and closes everything after them,
 * failing the class when an event loop was blocked in between; a test can also {@link #start()}
 * and {@link #close()} it itself.
 */
public final class NodeHarness implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private final String transport;
  private final JsonObject extra;
  private final int httpPort = TestNodes.freePort();
  private final int venueGrpcPort = TestNodes.freePort();
  private final int bookingGrpcPort = TestNodes.freePort();
  private final Vertx vertx = Vertx.vertx();
  private TestNodes.Started node;
  private OpenTelemetry openTelemetry;

  private NodeHarness(String transport, JsonObject extra) {
    this.transport = transport;
    this.extra = extra;
  }

  /** A node whose gateway reaches the services over {@code transport}. */
  public static NodeHarness allInOne(String transport) {
    return allInOne(transport, new JsonObject());
  }

  /** As {@link #allInOne(String)}, with {@code extra} deep-merged over the test overrides. */
  public static NodeHarness allInOne(String transport, JsonObject extra) {
    return new NodeHarness(transport, extra);
  }

  /** The node will trace with {@code otel} (an SDK the test owns and closes), whatever its configuration says. */
  public NodeHarness tracedWith(OpenTelemetry otel) {
    this.openTelemetry = otel;
    return this;
  }

  /** Starts the node. */
  public void start() {
    node = TestNodes.allInOne(transport, extra, httpPort, venueGrpcPort, bookingGrpcPort, openTelemetry);
  }

  /**
   * Closes the client Vert.x, then stops the node (if it started); fails when Vert.x reported a
   * blocked thread meanwhile (see {@link TestNodes.Started#close()}).
   */
  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The client-side Vert.x. */
  public Vertx vertx() {
    return vertx;
  }

  /** The port of the node's HTTP edge. */
  public int httpPort() {
    return httpPort;
  }

  /** The address of the node's web app, {@code http://127.0.0.1:<port>/}; its screens are {@code base() + "#/<screen>?..."}. */
  public String base() {
    return "http://127.0.0.1:" + httpPort + "/";
  }

  /** A REST client of this node's gateway, with connections enough for the concurrency tests. */
  public ApiClient api() {
    return new ApiClient(WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64)), httpPort);
  }

  /** The running node (its Vert.x, its config). */
  public io.booker.app.Node node() {
    return node.node();
  }

  public int venueGrpcPort() {
    return venueGrpcPort;
  }

  public int bookingGrpcPort() {
    return bookingGrpcPort;
  }

  /** The address of this node's venue gRPC server. */
  public SocketAddress venueGrpcAddress() {
    return SocketAddress.inetSocketAddress(venueGrpcPort, "127.0.0.1");
  }

  /** A platform gRPC client of this node's venue service. */
  public VenueServiceClient venueGrpc() {
    return venueGrpc(venueGrpcPort);
  }

  /** A platform gRPC client of the venue service listening on {@code port} (another node's, say). */
  public VenueServiceClient venueGrpc(int port) {
    return RpcClients.grpc(vertx, VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR,
      SocketAddress.inetSocketAddress(port, "127.0.0.1"), 5000, TestTokens::admin);
  }
}
