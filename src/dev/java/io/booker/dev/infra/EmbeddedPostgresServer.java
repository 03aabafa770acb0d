package io.booker.dev.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL 17 from the zonky binaries, listening on 127.0.0.1, superuser postgres/postgres
 * (trust authentication, so any password is accepted).
 *
 * <p>Throwaway ({@code dataDir == null}): a fresh cluster in the temp directory, deleted on close,
 * that trades durability for speed (no fsync, no full-page writes, asynchronous commit): only tests
 * use it. Persistent: the cluster lives in {@code dataDir} and survives restarts, and is durable
 * (fsync, full-page writes and synchronous commit on, PostgreSQL's defaults), so a power cut of the
 * machine loses no committed booking and cannot corrupt the data. A postmaster left running there
 * by a killed JVM is stopped first.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final Thread shutdownHook;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean stopOnJvmExit) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.shutdownHook = stopOnJvmExit ? new Thread(this::closeQuietly, "embedded-postgres-stop") : null;
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /** Starts PostgreSQL, stopped again when the JVM exits unless {@link #close()}d before. */
  public static EmbeddedPostgresServer start(int port, Path dataDir) {
    return start(port, dataDir, true);
  }

  /**
   * @param port fixed port, or 0 for a free one
   * @param dataDir persistent data directory, or null for a throwaway cluster
   * @param stopOnJvmExit register a shutdown hook that stops the server (owners that order
   *     their own shutdown pass false)
   */
  public static EmbeddedPostgresServer start(int port, Path dataDir, boolean stopOnJvmExit) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPort(LocalPorts.orFree(port))
          .setRegisterShutdownHook(false)
          .setServerConfig("listen_addresses", LocalPorts.LOOPBACK)
          .setServerConfig("max_connections", "300");
      if (dataDir == null) {
        builder.setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
      } else {
        builder.setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        StaleProcess.stopIfAlive(dir.resolve("postmaster.pid"), "postgres");
        builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false);
      }
      LocalPorts.requireFree(port, "PostgreSQL");
      return new EmbeddedPostgresServer(builder.start(), dataDir, stopOnJvmExit);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  public String host() {
    return LocalPorts.LOOPBACK;
  }

  public int port() {
    return postgres.getPort();
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** Null for a throwaway cluster. */
  public Path dataDir() {
    return dataDir;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** Stops the postmaster (fast shutdown) and waits for it; idempotent. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    } finally {
      removeShutdownHook();
    }
  }

  private void closeQuietly() {
    try {
      postgres.close();
    } catch (IOException | RuntimeException ignored) {
      // the JVM is exiting; nothing useful left to do
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
  }
}
