package io.booker.it.gateway;

import io.booker.it.support.LiveClient;
import io.booker.it.support.TestNodes;
import io.booker.testinfra.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A gateway that stops (a rolling restart, a node leaving the cluster) tells its WebSocket clients
 * "going away" (1001), so they reconnect — to another node — and resume from their last event,
 * rather than the normal closure (1000) the closing HTTP server would send, which says "done".
 */
class LiveSocketShutdownTest {

  static Vertx client;

  @BeforeAll
  static void start() {
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    client.close().await();
  }

  @Test
  void stoppingTheNodeClosesItsSocketsWithGoingAway() {
    TestNodes.Started node = TestNodes.allInOne("eventbus", new JsonObject().put("verticles", TestNodes.allInOneWithoutNotify()));
    LiveClient first;
    LiveClient second;
    try {
      first = LiveClient.ready(client, node.httpPort(), TestTokens.admin());
      second = LiveClient.ready(client, node.httpPort(), TestTokens.admin());
    } finally {
      node.close();
    }
    try (first; second) {
      assertEquals(1001, first.closeCode());
      assertEquals(1001, second.closeCode());
    }
  }
}
