package io.booker.it.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import io.booker.app.ClusterSetup;
import io.booker.common.ServiceException;
import io.booker.it.support.Eventually;
import io.booker.it.support.TestNodes;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.rpc.RpcClients;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.proto.venue.GetVenueRequest;
import io.booker.proto.venue.Venue;
import io.booker.proto.venue.VenueService;
import io.booker.proto.venue.VenueServiceClient;
import io.booker.proto.venue.VenueServiceGrpcService;
import io.booker.proto.venue.VenueServiceService;
import io.booker.testinfra.TestPki;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The clustered event bus with mutual TLS (cluster.tls), configured by the production code
 * ({@link ClusterSetup}): two members whose certificates the cluster's CA signed (one configured
 * with PKCS#12 stores, one with PEM files) call a service on each other; a third node with a
 * certificate of another CA, configured the same way otherwise and holding a valid admin token,
 * joins the Hazelcast membership (open-source Hazelcast cannot refuse it, see docs/security.md) but
 * can neither call the service nor receive what the members publish. Hazelcast and the event bus
 * listen on the configured address only, and Hazelcast's port does not serve Hazelcast clients.
 */
class ClusterSecurityTest {

  static final String GET_VENUE = "venue.VenueService/GetVenue";
  static final String PROBE = "booker.test.cluster-probe";

  record ClusterNode(Vertx vertx, HazelcastClusterManager cluster) {
    List<String> registrations(String address) {
      Promise<List<RegistrationInfo>> found = Promise.promise();
      cluster.getRegistrations(address, found);
      return found.future().await().stream().map(RegistrationInfo::nodeId).collect(Collectors.toList());
    }
  }

  static Path dir;
  static String clusterName;
  static int hzPort;
  static ClusterNode a;
  static ClusterNode b;
  static ClusterNode stranger;
  static final AtomicInteger served = new AtomicInteger();

  /** Answers getVenue with its id and counts the calls that reached it. */
  static final class CountingVenues extends VenueServiceService {
    @Override
    public Future<Venue> getVenue(GetVenueRequest request) {
      served.incrementAndGet();
      return Future.succeededFuture(Venue.newBuilder().setId(request.getId()).setName("served").build());
    }
  }

  @BeforeAll
  static void startCluster() throws IOException {
    dir = Files.createTempDirectory("booker-cluster-tls");
    TestPki pki = new TestPki(dir);
    // Each chain of keytool runs on its own thread: CA then its members.
    CompletableFuture<TestPki.Ca> clusterCa = CompletableFuture.supplyAsync(() -> pki.ca("booker-cluster"));
    CompletableFuture<TestPki.Member> certA = clusterCa.thenApplyAsync(ca -> pki.issue(ca, "member-a"));
    CompletableFuture<TestPki.Member> certB = clusterCa.thenApplyAsync(ca -> pki.issue(ca, "member-b"));
    CompletableFuture<TestPki.Ca> otherCa = CompletableFuture.supplyAsync(() -> pki.ca("stranger"));
    CompletableFuture<TestPki.Member> certS = otherCa.thenApplyAsync(ca -> pki.issue(ca, "stranger-node"));

    hzPort = TestNodes.freeRange(3);
    clusterName = "tls-" + UUID.randomUUID();
    JsonObject cluster = new JsonObject().put("enabled", true).put("name", clusterName).put("host", "127.0.0.1")
      .put("port", hzPort).put("members", new JsonArray().add("127.0.0.1:" + hzPort).add("127.0.0.1:" + (hzPort + 1)).add("127.0.0.1:" + (hzPort + 2)));

    TestPki.Member memberA = certA.join();
    a = start(cluster.copy().put("tls", new JsonObject()
      .put("key_store", memberA.keyStore().toString()).put("key_store_password", TestPki.PASSWORD)
      .put("trust_store", clusterCa.join().trustStore().toString()).put("trust_store_password", TestPki.PASSWORD)));
    TestPki.Member memberB = certB.join();
    b = start(cluster.copy().put("tls", new JsonObject()
      .put("cert_pem", memberB.certPem().toString()).put("key_pem", memberB.keyPem().toString())
      .put("trust_pem", clusterCa.join().pem().toString())));
    // Everything right but the certificate: its own CA signed it, and it trusts that CA.
    TestPki.Member strangerCert = certS.join();
    stranger = start(cluster.copy().put("tls", new JsonObject()
      .put("key_store", strangerCert.keyStore().toString()).put("key_store_password", TestPki.PASSWORD)
      .put("trust_store", otherCa.join().trustStore().toString()).put("trust_store_password", TestPki.PASSWORD)));

    new RpcServiceBinding<>(VenueService.class, new CountingVenues(), VenueServiceGrpcService.SERVICE_DESCRIPTOR, "venue",
      AccessTokens.create(a.vertx(), TestTokens.authConfig())).bindEventBus(a.vertx()).await();
  }

  static ClusterNode start(JsonObject cluster) {
    HazelcastClusterManager manager = ClusterSetup.clusterManager(cluster);
    Vertx vertx = Vertx.builder()
      .with(new VertxOptions().setEventBusOptions(ClusterSetup.eventBusOptions(cluster)))
      .withClusterManager(manager)
      .buildClustered().await();
    return new ClusterNode(vertx, manager);
  }

  @AfterAll
  static void stopCluster() throws IOException {
    for (ClusterNode node : new ClusterNode[] {stranger, b, a}) {
      if (node != null) {
        node.vertx().close().await();
      }
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static VenueServiceClient venues(ClusterNode from) {
    return RpcClients.eventBus(from.vertx(), VenueServiceClient.class, VenueServiceGrpcService.SERVICE_DESCRIPTOR, 1500, TestTokens::admin);
  }

  static GetVenueRequest get(String id) {
    return GetVenueRequest.newBuilder().setId(id).build();
  }

  @Test
  void membersWithCertificatesOfTheClusterCaCallEachOther() {
    int before = served.get();
    Venue v = venues(b).getVenue(get("from-b")).await();
    assertEquals("from-b", v.getId());
    assertEquals("served", v.getName());
    assertEquals(before + 1, served.get(), "the call crossed from b to a over TLS");
  }

  @Test
  void aNodeWithAnotherCaCertificateCannotCallTheService() {
    // It is a Hazelcast member and sees where the service is: only the event bus stops it.
    Eventually.await("the stranger in the membership", Duration.ofSeconds(30), () -> stranger.cluster().getNodes().size(), n -> n == 3);
    Eventually.await("the service registration seen by the stranger", Duration.ofSeconds(30),
      () -> stranger.registrations(GET_VENUE), nodes -> nodes.contains(a.cluster().getNodeId()));
    int before = served.get();

    // Twice: the second attempt makes a new connection, refused like the first.
    for (int i = 0; i < 2; i++) {
      long t0 = System.currentTimeMillis();
      CompletionException e = assertThrows(CompletionException.class,
        () -> venues(stranger).getVenue(get("from-stranger")).toCompletionStage().toCompletableFuture().join());
      assertInstanceOf(ServiceException.class, e.getCause(), e.toString());
      assertTrue(System.currentTimeMillis() - t0 < 4000, "the refused call ends within its deadline");
    }

    assertEquals(before, served.get(), "the service never ran for the stranger, whose admin token was valid");
    assertEquals("from-b", venues(b).getVenue(get("from-b")).await().getId(), "members still call each other");
  }

  @Test
  void aNodeWithAnotherCaCertificateReceivesNothing() {
    List<String> atB = new CopyOnWriteArrayList<>();
    List<String> atStranger = new CopyOnWriteArrayList<>();
    MessageConsumer<String> onB = b.vertx().eventBus().<String>consumer(PROBE, m -> atB.add(m.body()));
    MessageConsumer<String> onStranger = stranger.vertx().eventBus().<String>consumer(PROBE, m -> atStranger.add(m.body()));
    onB.completion().await();
    onStranger.completion().await();
    // a knows both subscribers, so it does try to deliver to the stranger.
    Eventually.await("both subscriptions seen by a", Duration.ofSeconds(30), () -> Set.copyOf(a.registrations(PROBE)),
      nodes -> nodes.containsAll(Set.of(b.cluster().getNodeId(), stranger.cluster().getNodeId())));

    a.vertx().eventBus().publish(PROBE, "booking 42 confirmed");
    a.vertx().eventBus().send(PROBE, "sent, round-robin");
    a.vertx().eventBus().send(PROBE, "sent, round-robin");

    Eventually.await("the member's copy", Duration.ofSeconds(10), () -> atB.size(), n -> n >= 2);
    // An absence has no event to await: the stranger gets the time the member needed, and more.
    sleep(1500);
    assertTrue(atB.contains("booking 42 confirmed"), atB.toString());
    assertEquals(List.of(), atStranger, "nothing reaches a node without the cluster's certificate");
    onB.unregister().await();
    onStranger.unregister().await();
  }

  @Test
  void hazelcastAndTheEventBusListenOnTheConfiguredAddressOnly() throws IOException {
    int eventBusPort = a.cluster().getNodeInfo().port();
    int memberPort = a.cluster().getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort();
    assertTrue(connects("127.0.0.1", memberPort), "Hazelcast answers on the configured address");
    assertTrue(connects("127.0.0.1", eventBusPort), "the event bus answers on the configured address");

    Optional<InetAddress> other = otherLocalAddress();
    assumeTrue(other.isPresent(), "this machine has no address besides loopback");
    assertFalse(connects(other.get().getHostAddress(), memberPort), "Hazelcast does not listen on " + other.get());
    assertFalse(connects(other.get().getHostAddress(), eventBusPort), "the event bus does not listen on " + other.get());
  }

  @Test
  void hazelcastClientsAreNotServed() {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().addAddress("127.0.0.1:" + a.cluster().getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort());
    config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(1000).setInitialBackoffMillis(200);
    // With the cluster's name, a client could read and write the cluster maps; the port refuses it.
    assertThrows(IllegalStateException.class, () -> HazelcastClient.newHazelcastClient(config).shutdown());
  }

  static boolean connects(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (ConnectException e) {
      return false;
    }
  }

  static Optional<InetAddress> otherLocalAddress() throws IOException {
    for (NetworkInterface nif : NetworkInterface.networkInterfaces().collect(Collectors.toList())) {
      if (nif.isUp() && !nif.isLoopback()) {
        Optional<InetAddress> v4 = nif.inetAddresses().filter(ip -> ip instanceof Inet4Address).findFirst();
        if (v4.isPresent()) {
          return v4;
        }
      }
    }
    return Optional.empty();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
