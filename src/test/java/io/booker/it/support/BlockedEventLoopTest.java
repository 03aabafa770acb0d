package io.booker.it.support;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A test node fails its test when one of its event loops was blocked: code that holds an event
 * loop for longer than Vert.x's limit (2 s) makes the node's close fail, naming the blocked thread.
 */
class BlockedEventLoopTest {

  @Test
  void closingANodeWhoseEventLoopWasBlockedFails() throws Exception {
    NodeHarness harness = NodeHarness.allInOne("eventbus");
    harness.start();
    Vertx vertx = harness.node().vertx();
    CompletableFuture<Void> released = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      try {
        Thread.sleep(4_000); // past the 2 s limit, and past the checker's next look (every second)
        released.complete(null);
      } catch (InterruptedException e) {
        released.completeExceptionally(e);
      }
    });
    released.get(30, TimeUnit.SECONDS);

    AssertionError failure = assertThrows(AssertionError.class, harness::close);
    assertTrue(failure.getMessage().contains("Vert.x reported a blocked thread"), failure.getMessage());
    assertTrue(failure.getMessage().contains("vert.x-eventloop-thread"), failure.getMessage());
    assertTrue(failure.getMessage().contains("time limit is 2000 ms"), failure.getMessage());
  }

  @Test
  void closingANodeNothingBlockedPasses() {
    TestNodes.Started node = TestNodes.allInOne("eventbus");
    node.node().vertx().runOnContext(v -> { });
    assertDoesNotThrow(node::close);
  }
}
