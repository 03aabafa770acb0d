package io.booker.app;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.health.ReadinessChecks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Before deploying anything, waits (a bounded time) until the infrastructure this node's verticles
 * use answers, using the same checks as {@code /health/ready}. A node whose PostgreSQL, Redis or
 * Kafka is missing fails to start with a message naming what is down, instead of limping along.
 */
final class DependencyProbe {

  private static final Logger log = LoggerFactory.getLogger(DependencyProbe.class);

  private DependencyProbe() {
  }

  static Future<Void> await(Vertx vertx, NodeConfig config) {
    long timeoutMs = config.section("startup").getLong("dependency_timeout_ms", 20_000L);
    ReadinessChecks checks = new ReadinessChecks(vertx, config.json());
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    attempt(vertx, checks, deadline, done);
    return done.future().eventually(() -> {
      checks.close();
      return Future.succeededFuture();
    });
  }

  private static void attempt(Vertx vertx, ReadinessChecks checks, long deadline, Promise<Void> done) {
    checks.checks().checkStatus().onComplete(ar -> {
      if (ar.succeeded() && ar.result().getUp()) {
        done.complete();
        return;
      }
      List<String> down = ar.succeeded() ? down(ar.result()) : List.of(String.valueOf(ar.cause()));
      if (System.currentTimeMillis() >= deadline) {
        done.fail(new IllegalStateException("dependencies not reachable: " + String.join("; ", down)));
      } else {
        log.info("event=waiting_for_dependencies down={}", down);
        vertx.setTimer(1000, t -> attempt(vertx, checks, deadline, done));
      }
    });
  }

  private static List<String> down(CheckResult result) {
    List<String> down = new ArrayList<>();
    if (result.getChecks() != null) {
      for (CheckResult c : result.getChecks()) {
        if (!c.getUp()) {
          JsonObject data = c.getData();
          down.add(c.getId() + (data != null && data.containsKey("error") ? " (" + data.getString("error") + ")" : ""));
        }
      }
    }
    return down;
  }
}
