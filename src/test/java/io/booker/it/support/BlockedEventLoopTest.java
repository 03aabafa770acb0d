package io.booker.it.support;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A test node fails its test when one of its event loops was blocked: code that holds an event
 * loop for longer than Vert.x's limit (2 s) makes the node's close fail, naming the blocked thread.
 * The same reports fail any other test class ({@link NoBlockedThreads}); this one is exempt.
 */
@NoBlockedThreads.BlocksThreadsOnPurpose
class BlockedEventLoopTest {

  @Test
  void closingANodeWhoseEventLoopWasBlockedFails() throws Exception {
    NodeHarness harness = NodeHarness.allInOne("eventbus");
    harness.start();
    Vertx vertx = harness.node().vertx();
    CompletableFuture<Void> released = new CompletableFuture<>();
    int mark = BlockedThreads.mark();
    vertx.runOnContext(v -> {
      // Holds the event loop until the checker has reported it (past the 2 s limit), at most 20 s.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (BlockedThreads.since(mark).isEmpty() && System.nanoTime() < until) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
      released.complete(null);
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
