package io.booker.it.cluster;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.LiveClient;
import io.booker.it.support.TestNodes;
import io.booker.platform.live.LiveEvents;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two clustered nodes: a WebSocket client on node 2's gateway receives what is published for its
 * venue on node 1's event bus, and a booking made through node 1's REST API.
 */
class LiveSocketClusterTest {

  static TestNodes.Started node1;
  static TestNodes.Started node2;
  static Vertx client;
  static ApiClient api1;

  @BeforeAll
  static void startCluster() {
    int hz = TestNodes.freeRange(2);
    JsonObject extra = new JsonObject()
      .put("cluster", new JsonObject().put("enabled", true).put("name", "live-" + UUID.randomUUID()).put("host", "127.0.0.1")
        .put("port", hz).put("members", new JsonArray().add("127.0.0.1:" + hz).add("127.0.0.1:" + (hz + 1))));
    node1 = TestNodes.allInOne("eventbus", extra.copy().put("node", new JsonObject().put("name", "live-1")));
    node2 = TestNodes.allInOne("eventbus", extra.copy().put("node", new JsonObject().put("name", "live-2")));
    client = Vertx.vertx();
    api1 = new ApiClient(WebClient.create(client, new WebClientOptions(), new PoolOptions()), node1.httpPort()).as(TestTokens.admin());
    Eventually.await("both nodes clustered", Duration.ofSeconds(30),
      () -> node1.node().vertx().isClustered() && node2.node().vertx().isClustered(), up -> up);
  }

  @AfterAll
  static void stopCluster() {
    // Whatever started, even when the start failed half-way: a node left running keeps its ports
    // and cluster membership for the rest of the suite.
    if (client != null) {
      client.close().await();
    }
    if (node2 != null) {
      node2.close();
    }
    if (node1 != null) {
      node1.close();
    }
  }

  @Test
  void aClientOnNode2ReceivesWhatNode1PublishesForItsVenue() {
    String venue = api1.venue("Clustered " + UUID.randomUUID()).getString("id");
    try (LiveClient c = LiveClient.ready(client, node2.httpPort(), TestTokens.admin())) {
      c.subscribe(venue);
      String eventId = UUID.randomUUID().toString();
      // The subscription is registered cluster-wide before "subscribed"; node 1 learns of it through the cluster manager.
      JsonObject got = Eventually.await("node 1's event on node 2's socket", Duration.ofSeconds(20), () -> {
        node1.node().vertx().eventBus().publish(LiveEvents.address(venue), new JsonObject().put(LiveEvents.SEQ, 1)
          .put(LiveEvents.EVENT, new JsonObject().put("type", "venue.updated").put("event_id", eventId).put("venue_id", venue)));
        return c.poll(Duration.ofMillis(200));
      }, m -> m != null && eventId.equals(m.getString("event_id"))); // notify's own venue.created may come too
      assertEquals(eventId, got.getString("event_id"));
      assertEquals(venue, got.getString("venue_id"));
    }
  }

  @Test
  void aBookingMadeThroughNode1ReachesASocketOnNode2() {
    String venue = Bookings.venueOpenAllDay(api1);
    String[] table = Bookings.table(api1, Bookings.room(api1, venue, "Hall"), "T1", 4, false);
    try (LiveClient c = LiveClient.ready(client, node2.httpPort(), TestTokens.admin())) {
      c.subscribe(venue);
      String id = Bookings.hold(api1, Bookings.request(venue, table, Bookings.day(12), "20:00", 90, 3)).getString("id");
      JsonObject held = c.nextWhere("booking.held", "booking.id", id);
      assertEquals(venue, held.getString("venue_id"));
      assertEquals(3, held.getJsonObject("booking").getInteger("party_size"));
    }
  }
}
