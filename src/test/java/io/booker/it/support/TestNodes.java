package io.booker.it.support;

import io.booker.app.Node;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;

/** Starts Booker nodes inside the test JVM, on the shared test infrastructure and free ports. */
public final class TestNodes {

  private TestNodes() {
  }

  /** An all-in-one node (not clustered) whose gateway reaches the services over {@code transport}. */
  public static Started allInOne(String transport) {
    return allInOne(transport, new JsonObject());
  }

  /** As {@link #allInOne(String)}, with {@code extra} deep-merged over the test overrides. */
  public static Started allInOne(String transport, JsonObject extra) {
    return allInOne(transport, extra, freePort(), freePort(), freePort());
  }

  /** As {@link #allInOne(String, JsonObject)}, on ports chosen beforehand (with {@link #freePort()}). */
  public static Started allInOne(String transport, JsonObject extra, int http, int venueGrpc, int bookingGrpc) {
    return allInOne(transport, extra, http, venueGrpc, bookingGrpc, null);
  }

  /** As {@link #allInOne(String, JsonObject, int, int, int)}, tracing with {@code openTelemetry} (when not null). */
  public static Started allInOne(String transport, JsonObject extra, int http, int venueGrpc, int bookingGrpc, OpenTelemetry openTelemetry) {
    JsonObject overrides = TestInfra.endpoints().toConfig()
      .put("node", new JsonObject().put("name", "test-" + transport))
      .put("http", new JsonObject().put("port", http).put("host", "127.0.0.1"))
      .put("venue", new JsonObject().put("grpc_port", venueGrpc).put("grpc_host", "127.0.0.1"))
      .put("booking", new JsonObject().put("grpc_port", bookingGrpc).put("grpc_host", "127.0.0.1"))
      .put("clients", new JsonObject()
        .put("venue", new JsonObject().put("transport", transport).put("grpc_port", venueGrpc).put("timeout_ms", 5000))
        .put("booking", new JsonObject().put("transport", transport).put("grpc_port", bookingGrpc).put("timeout_ms", 5000)))
      .put("outbox", new JsonObject().put("poll_ms", 500))
      // No guest messages from the suite's nodes, whatever the config file or environment says; a test
      // that wants them sets notify.email / notify.webhook in its extra config.
      .put("notify", new JsonObject().put("email", new JsonObject().put("host", "")).put("webhook", new JsonObject().put("url", ""))
        .put("group_id", notifyGroup(extra)))
      // Every test calls from 127.0.0.1 and they share one Redis: the per-address sign-in limit would
      // add up the failures of the whole suite. LoginThrottleTest checks it from an address of its own.
      .put("auth", TestTokens.authConfig().put("bootstrap_admin", TestTokens.bootstrapAdmin())
        .put("login_throttle", new JsonObject().put("address_max_failures", 100_000)));
    overrides.mergeIn(extra, true);
    int blocked = BlockedThreads.mark();
    Node node = (openTelemetry == null ? Node.start("conf/all-in-one.json", overrides)
      : Node.start("conf/all-in-one.json", overrides, openTelemetry)).await();
    return new Started(node, http, venueGrpc, bookingGrpc, blocked);
  }

  /**
   * The node's notify consumer group: the one {@code extra} names (nodes meant to share a group, set
   * at the end of every topic by the caller with {@link NotifyGroups#fresh}), else one of its own
   * (see {@link NotifyGroups}).
   */
  private static String notifyGroup(JsonObject extra) {
    JsonObject notify = extra.getJsonObject("notify");
    if (notify != null && notify.getString("group_id") != null) {
      return notify.getString("group_id");
    }
    return NotifyGroups.fresh("notify-test");
  }

  /**
   * An all-in-one node whose venue service calls the booking service over gRPC on a port where
   * nothing listens (its own booking service still runs, unreachable for it).
   */
  public static Started allInOneWithBookingDown(String gatewayTransport) {
    int nobody = freePort();
    return allInOne(gatewayTransport, new JsonObject().put("clients", new JsonObject().put("booking", new JsonObject()
      .put("transport", "grpc").put("grpc_host", "127.0.0.1").put("grpc_port", nobody).put("timeout_ms", 2000))));
  }

  /**
   * The verticles of an all-in-one node but notify (two gateway instances), as {@code verticles} of
   * the extra config: for tests that publish live events themselves.
   */
  public static io.vertx.core.json.JsonArray allInOneWithoutNotify() {
    return new io.vertx.core.json.JsonArray()
      .add(new JsonObject().put("name", "venue").put("instances", 1))
      .add(new JsonObject().put("name", "booking").put("instances", 1))
      .add(new JsonObject().put("name", "gateway").put("instances", 2));
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first port of {@code n} consecutive free ports (for Hazelcast members on one host), below
   * the kernel's ephemeral range: {@link #freePort()} hands out ephemeral ports, so a range taken
   * from there could be handed out again as a node's HTTP or gRPC port before its member binds it.
   */
  public static int freeRange(int n) {
    int top = ephemeralLow() - n;
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 10_000 + (int) (Math.random() * (top - 10_000));
      boolean free = true;
      for (int p = base; p < base + n && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no " + n + " consecutive free ports");
  }

  private static int ephemeralLow() {
    try {
      String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  /**
   * A running node. Closing it stops it and then fails (AssertionError) when Vert.x's blocked-thread
   * checker reported a blocked thread while it ran ({@link BlockedThreads}): a test whose code, or
   * whose node's code, blocked an event loop fails, at the latest when its node is closed.
   *
   * @param blockedMark the {@link BlockedThreads#mark()} taken before the node started
   */
  public record Started(Node node, int httpPort, int venueGrpcPort, int bookingGrpcPort, int blockedMark) implements AutoCloseable {
    @Override
    public void close() {
      try {
        node.stop().await();
      } catch (RuntimeException e) {
        BlockedThreads.since(blockedMark).forEach(report -> e.addSuppressed(new AssertionError("blocked thread: " + report)));
        throw e;
      }
      BlockedThreads.assertNoneSince(blockedMark, "node " + node.config().nodeName());
    }
  }
}
