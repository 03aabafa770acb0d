package io.booker.testinfra;

import io.booker.dev.infra.EmbeddedKafkaBroker;
import io.booker.dev.infra.EmbeddedPostgresServer;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.dev.infra.InfraEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one infrastructure fixture of every integration test: PostgreSQL 17, Redis 7 and Kafka,
 * started once per test JVM on first use and stopped when the JVM exits.
 *
 * <pre>{@code
 * InfraEndpoints infra = TestInfra.endpoints();
 * JsonObject nodeOverrides = infra.toConfig();
 * }</pre>
 *
 * <p>Chosen in this order:
 * <ol>
 *   <li><b>external</b> when {@code BOOKER_TEST_POSTGRES_HOST} is set, together with
 *       {@code BOOKER_TEST_REDIS_ADDR} (host:port) and {@code BOOKER_TEST_KAFKA_BROKERS};
 *       optional {@code BOOKER_TEST_POSTGRES_PORT} (5432), {@code _USER} and {@code _PASSWORD}
 *       (postgres/postgres, must be a superuser);</li>
 *   <li><b>containers</b> (Testcontainers) when a Docker engine answers;</li>
 *   <li><b>embedded</b> otherwise: zonky PostgreSQL, embedded Redis and a Kafka broker in a child
 *       JVM, on free ports, throwaway data under {@code target/testinfra/}.</li>
 * </ol>
 * {@code BOOKER_TEST_INFRA=external|containers|embedded} forces a choice.
 *
 * <p>Tests must not stop these servers; a test that needs to stop Kafka creates its own
 * {@link EmbeddedKafkaBroker}.
 */
public final class TestInfra {

  private static final Logger LOG = LoggerFactory.getLogger(TestInfra.class);

  private static volatile InfraEndpoints endpoints;
  private static String mode;
  private static RuntimeException startFailure;

  private TestInfra() {
  }

  /** The endpoints, starting the infrastructure on the first call (thread-safe). */
  public static InfraEndpoints endpoints() {
    InfraEndpoints current = endpoints;
    if (current == null) {
      QuickLoop.refuse("The test infrastructure (PostgreSQL, Redis, Kafka)");
      synchronized (TestInfra.class) {
        current = endpoints;
        if (current == null) {
          if (startFailure != null) {
            // one failed start is enough: do not make every later test wait for another
            throw new IllegalStateException("test infrastructure failed to start earlier: "
                + startFailure.getMessage(), startFailure);
          }
          try {
            current = start();
          } catch (RuntimeException e) {
            startFailure = e;
            throw e;
          }
          endpoints = current;
        }
      }
    }
    return current;
  }

  /** "external", "containers" or "embedded"; null before {@link #endpoints()}. */
  public static synchronized String mode() {
    return mode;
  }

  private static InfraEndpoints start() {
    long started = System.nanoTime();
    String forced = env("BOOKER_TEST_INFRA");
    InfraEndpoints result;
    if ("external".equals(forced) || (forced == null && env("BOOKER_TEST_POSTGRES_HOST") != null)) {
      mode = "external";
      result = external();
    } else if ("containers".equals(forced) || (forced == null && DockerProbe.available())) {
      mode = "containers";
      result = ContainerInfra.start();
    } else if (forced == null || "embedded".equals(forced)) {
      mode = "embedded";
      result = embedded();
    } else {
      throw new IllegalStateException("BOOKER_TEST_INFRA must be external, containers or embedded,"
          + " not " + forced);
    }
    LOG.info("test infra: {} in {} ms ({})", mode, (System.nanoTime() - started) / 1_000_000,
        result);
    return result;
  }

  private static InfraEndpoints external() {
    String redis = require("BOOKER_TEST_REDIS_ADDR").replaceFirst("^rediss?://", "");
    int colon = redis.lastIndexOf(':');
    return new InfraEndpoints(
        require("BOOKER_TEST_POSTGRES_HOST"),
        Integer.parseInt(envOr("BOOKER_TEST_POSTGRES_PORT", "5432")),
        envOr("BOOKER_TEST_POSTGRES_USER", "postgres"),
        envOr("BOOKER_TEST_POSTGRES_PASSWORD", "postgres"),
        colon < 0 ? redis : redis.substring(0, colon),
        colon < 0 ? 6379 : Integer.parseInt(redis.substring(colon + 1).replaceAll("/.*$", "")),
        require("BOOKER_TEST_KAFKA_BROKERS"));
  }

  private static InfraEndpoints embedded() {
    Path root = Path.of(System.getProperty("basedir", ""), "target", "testinfra").toAbsolutePath();
    removeDeadRuns(root);
    String runName = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-" + ProcessHandle.current().pid();
    Path run = root.resolve(runName);
    Path kafkaDir = run.resolve("kafka");

    CompletableFuture<EmbeddedKafkaBroker> kafka =
        async("kafka", () -> new EmbeddedKafkaBroker(kafkaDir, 0, 0, false).start());
    CompletableFuture<EmbeddedPostgresServer> pg =
        async("postgres", () -> EmbeddedPostgresServer.start(0, null, false));
    CompletableFuture<EmbeddedRedisServer> redis =
        async("redis", () -> EmbeddedRedisServer.start(0, null, false));
    try {
      CompletableFuture.allOf(kafka, pg, redis).join();
    } catch (CompletionException e) {
      stopAll(done(kafka), done(redis), done(pg));
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("embedded test infrastructure did not start: " + cause, cause);
    }
    EmbeddedKafkaBroker broker = kafka.join();
    EmbeddedPostgresServer postgres = pg.join();
    EmbeddedRedisServer redisServer = redis.join();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopAll(broker, redisServer, postgres);
      deleteRecursively(kafkaDir);
    }, "test-infra-stop"));
    return new InfraEndpoints(postgres.host(), postgres.port(), postgres.user(),
        postgres.password(), redisServer.host(), redisServer.port(), broker.bootstrap());
  }

  private static <T> CompletableFuture<T> async(String name, Supplier<T> body) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(body.get());
      } catch (Throwable t) {
        future.completeExceptionally(t);
      }
    }, "test-infra-start-" + name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private static AutoCloseable done(CompletableFuture<? extends AutoCloseable> future) {
    return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
  }

  /** Stops the servers in parallel (each waits for its process to exit). */
  static void stopAll(AutoCloseable... servers) {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (AutoCloseable server : servers) {
      if (server != null) {
        stops.add(CompletableFuture.runAsync(() -> {
          try {
            server.close();
          } catch (Exception e) {
            System.err.println("test infra: failed to stop " + server + ": " + e);
          }
        }));
      }
    }
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
  }

  /** Deletes the directories of earlier runs whose JVM is gone (killed runs leave data behind). */
  private static void removeDeadRuns(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> runs = Files.list(root)) {
      runs.filter(Files::isDirectory).filter(TestInfra::ownerIsGone)
          .forEach(TestInfra::deleteRecursively);
    } catch (IOException e) {
      LOG.warn("could not clean {}: {}", root, e.toString());
    }
  }

  private static boolean ownerIsGone(Path run) {
    String name = run.getFileName().toString();
    try {
      long pid = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
      return pid != ProcessHandle.current().pid()
          && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      System.err.println("test infra: could not delete " + dir + ": " + e);
    }
  }

  private static String require(String name) {
    String value = env(name);
    if (value == null) {
      throw new IllegalStateException("external test infra is selected (BOOKER_TEST_POSTGRES_HOST"
          + " or BOOKER_TEST_INFRA) but " + name + " is not set");
    }
    return value;
  }

  private static String envOr(String name, String fallback) {
    String value = env(name);
    return value == null ? fallback : value;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
