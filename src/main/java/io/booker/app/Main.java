package io.booker.app;

import io.booker.platform.config.NodeConfig;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one node: {@code java -jar booker.jar [--conf conf/all-in-one.json]}. On SIGTERM/SIGINT it
 * undeploys, closes its pools and leaves the cluster before the JVM exits.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    String conf = "conf/all-in-one.json";
    for (int i = 0; i < args.length; i++) {
      if ("--conf".equals(args[i]) && i + 1 < args.length) {
        conf = args[++i];
      } else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
        System.out.println("usage: booker [--conf <node config json>]");
        return;
      } else {
        System.err.println("unknown argument: " + args[i] + " (usage: booker [--conf <node config json>])");
        System.exit(2);
      }
    }
    Node node;
    try {
      NodeConfig config = NodeConfig.load(conf, new JsonObject());
      if ("embedded".equals(config.section("infra").getString("mode"))) {
        // Only scripts/run (DevStack, test classpath) starts embedded servers; this jar never does.
        log.info("event=infra_mode_embedded_ignored conf={} detail=\"connecting to the configured endpoints; use scripts/run for embedded infrastructure\"", conf);
      }
      node = Node.start(config).await();
    } catch (Throwable t) {
      log.error("event=node_start_failed conf={} error={}", conf, rootMessage(t), t);
      System.err.println("Booker node failed to start: " + rootMessage(t));
      System.exit(1);
      return;
    }
    installShutdownHook(node);
  }

  static void installShutdownHook(Node node) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      CountDownLatch done = new CountDownLatch(1);
      node.stop().onComplete(ar -> done.countDown());
      try {
        if (!done.await(30, TimeUnit.SECONDS)) {
          log.warn("event=node_stop_timeout");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "booker-shutdown"));
  }

  static String rootMessage(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
    Throwable c = t.getCause();
    while (c != null && c != t) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(" <- ").append(c.getMessage());
      }
      t = c;
      c = c.getCause();
    }
    return sb.toString();
  }
}
