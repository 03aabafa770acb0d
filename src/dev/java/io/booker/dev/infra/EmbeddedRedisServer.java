package io.booker.dev.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisExecProvider;

/**
 * Redis 7 from the org.signal embedded-redis binary, bound to 127.0.0.1.
 *
 * <p>The process is started here rather than through {@code redis.embedded.RedisServer} because
 * that class registers its own, unremovable shutdown hook, which would stop Redis before the node
 * on Ctrl-C; here the owner decides the order.
 *
 * <p>Throwaway ({@code dataDir == null}): {@code save ""}, {@code appendonly no}, nothing on disk.
 * Persistent: {@code dir <dataDir>}, {@code appendonly yes}, a pid file so a Redis left running
 * by a killed JVM is stopped on the next start, output in {@code <dataDir>/../redis.log}.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private static final long READY_TIMEOUT_MS = 15_000;

  private final int port;
  private final Path dataDir;
  private final Path logFile;
  private final Process process;
  private final Thread shutdownHook;

  private EmbeddedRedisServer(int port, Path dataDir, Path logFile, Process process,
      boolean stopOnJvmExit) {
    this.port = port;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.process = process;
    this.shutdownHook = stopOnJvmExit ? new Thread(this::stopProcess, "embedded-redis-stop") : null;
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /** Starts Redis, stopped again when the JVM exits unless {@link #close()}d before. */
  public static EmbeddedRedisServer start(int port, Path dataDir) {
    return start(port, dataDir, true);
  }

  /**
   * @param port fixed port, or 0 for a free one
   * @param dataDir persistent data directory (append-only file), or null for a throwaway server
   * @param stopOnJvmExit register a shutdown hook that stops the server
   */
  public static EmbeddedRedisServer start(int port, Path dataDir, boolean stopOnJvmExit) {
    try {
      Path executable = executable();
      int actualPort = LocalPorts.orFree(port);
      List<String> command = new ArrayList<>(Setsid.prefix());
      command.addAll(List.of(executable.toString(),
          "--port", Integer.toString(actualPort),
          "--bind", LocalPorts.LOOPBACK,
          "--daemonize", "no",
          "--save", "",
          "--logfile", ""));
      Path logFile;
      Path dir = dataDir == null ? null : dataDir.toAbsolutePath();
      if (dir == null) {
        logFile = Files.createTempFile("booker-redis-", ".log");
        command.addAll(List.of("--appendonly", "no",
            "--dir", System.getProperty("java.io.tmpdir")));
      } else {
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        StaleProcess.stopIfAlive(pidFile, "redis-server");
        logFile = dir.resolveSibling(dir.getFileName() + ".log");
        command.addAll(List.of("--appendonly", "yes",
            "--appendfsync", "everysec",
            "--dir", dir.toString(),
            "--pidfile", pidFile.toString()));
      }
      LocalPorts.requireFree(port, "Redis");
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      EmbeddedRedisServer server =
          new EmbeddedRedisServer(actualPort, dir, logFile, process, stopOnJvmExit);
      server.awaitPong();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start", e);
    }
  }

  public String host() {
    return LocalPorts.LOOPBACK;
  }

  public int port() {
    return port;
  }

  /** Null for a throwaway server. */
  public Path dataDir() {
    return dataDir;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops Redis (SIGTERM, which flushes the append-only file), KILL after 10 s; idempotent. */
  @Override
  public void close() {
    stopProcess();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
  }

  private void stopProcess() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (dataDir == null) {
      try {
        Files.deleteIfExists(logFile);
      } catch (IOException ignored) {
        // a temp file; the OS cleans it up eventually
      }
    }
  }

  private void awaitPong() {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    try {
      while (System.currentTimeMillis() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server exited with " + process.exitValue()
              + " (port " + port + "): " + LogTail.of(logFile));
        }
        if (ping(LocalPorts.LOOPBACK, port)) {
          return;
        }
        process.waitFor(25, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopProcess();
    throw new IllegalStateException("redis-server did not answer PING on port " + port
        + " within " + READY_TIMEOUT_MS + " ms: " + LogTail.of(logFile));
  }

  /** Sends an inline PING and expects +PONG. */
  public static boolean ping(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 250);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The redis-server binary from the embedded-redis jar, extracted once per version into the temp
   * directory and reused (the library itself extracts a fresh copy on every start).
   */
  private static Path executable() throws IOException {
    String resource = "redis-server-" + RedisExecProvider.redisVersion + "-" + osArch();
    Path target = Path.of(System.getProperty("java.io.tmpdir"),
        "booker-embedded-redis-" + RedisExecProvider.redisVersion, resource);
    if (Files.isExecutable(target)) {
      return target;
    }
    try (InputStream in = EmbeddedRedisServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " on the classpath (org.signal:embedded-redis)");
      }
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), resource, ".part");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (!partial.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + partial + " executable");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return target;
  }

  private static String osArch() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "darwin" : "linux";
    String archPart = switch (arch) {
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> "amd64";
    };
    return osPart + "-" + archPart;
  }
}
