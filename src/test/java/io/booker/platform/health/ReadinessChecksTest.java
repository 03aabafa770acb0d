package io.booker.platform.health;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.ext.healthchecks.CheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A dependency that answers after its check's timeout: the probe reports it DOWN when the timeout
 * passes, and the late answer is dropped, not thrown on the event loop (it was an ERROR "Result is
 * already complete" in the node's log whenever the box was slow).
 */
class ReadinessChecksTest {

  static final long LATE_MS = 2_600;

  final Vertx vertx = Vertx.vertx();
  final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void anAnswerAfterTheTimeoutIsReportedDownAndThenDroppedQuietly() throws InterruptedException {
    vertx.exceptionHandler(uncaught::add);
    // A Redis that answers every command, but only after the check's 2 s timeout.
    CountDownLatch ponged = new CountDownLatch(1);
    NetServer slowRedis = vertx.createNetServer().connectHandler(socket -> socket.handler(data -> {
      boolean hello = data.toString().contains("HELLO");
      vertx.setTimer(LATE_MS, t -> socket.write(Buffer.buffer(hello ? "-ERR unknown command 'HELLO'\r\n" : "+PONG\r\n"))
        .onComplete(w -> {
          if (!hello) {
            ponged.countDown();
          }
        }));
    })).listen(0, "127.0.0.1").await();
    JsonObject config = new JsonObject()
      .put("verticles", new JsonArray().add(new JsonObject().put("name", "venue")))
      .put("infra", new JsonObject()
        .put("postgres", new JsonObject().put("host", "127.0.0.1").put("port", 1))
        .put("redis", new JsonObject().put("host", "127.0.0.1").put("port", slowRedis.actualPort()))
        .put("kafka", new JsonObject().put("bootstrap", "127.0.0.1:1")));
    ReadinessChecks readiness = new ReadinessChecks(vertx, config);
    try {
      CheckResult redis = readiness.checks().checkStatus("redis").await();
      assertFalse(redis.getUp(), "a check that did not answer within its timeout is down");
      // The late answer (after the HELLO fallback) arrives, and the client has a moment to handle it.
      assertTrue(ponged.await(5 * LATE_MS, TimeUnit.MILLISECONDS), "the slow Redis answered the PING");
      Thread.sleep(500);
      assertEquals(List.of(), uncaught, "nothing thrown on the event loop by the late answer");
    } finally {
      readiness.close();
    }
  }
}
