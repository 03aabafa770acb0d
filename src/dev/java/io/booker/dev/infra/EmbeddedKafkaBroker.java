package io.booker.dev.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka 3.9 broker (KRaft, combined broker+controller) in a child JVM, on
 * 127.0.0.1 with fixed ports, its log in {@code dataDir}. The child uses this JVM's {@code java}
 * and classpath (which must contain kafka_2.13, as the test and dev classpaths do) and exits by itself
 * if this JVM dies. Its output goes to {@code <dataDir>.log} next to the data directory.
 *
 * <pre>{@code
 * EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir).start();
 * String bootstrap = broker.bootstrap();   // "127.0.0.1:<port>"
 * broker.stop(); broker.start();            // or restart(): same ports, same data
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final long START_TIMEOUT_MS = 60_000;
  private static final long STOP_GRACE_SECONDS = 10;

  private final Path dataDir;
  private final Path propertiesFile;
  private final Path logFile;
  private final Path pidFile;
  private boolean durable;
  private final int port;
  private final int controllerPort;
  private final boolean stopOnJvmExit;
  private final AtomicReference<Process> process = new AtomicReference<>();
  private volatile Thread shutdownHook;

  /** Free ports, stopped on JVM exit. */
  public EmbeddedKafkaBroker(Path dataDir) {
    this(dataDir, 0, 0, true);
  }

  /** Ports fixed (0 picks a free one, kept across restarts), stopped on JVM exit. */
  public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
    this(dataDir, port, controllerPort, true);
  }

  /**
   * @param dataDir Kafka's {@code log.dirs}; kept across restarts (and JVM runs)
   * @param port PLAINTEXT listener port, or 0 for a free one
   * @param controllerPort KRaft controller port, or 0 for a free one
   * @param stopOnJvmExit stop the broker from a shutdown hook (owners that order their own
   *     shutdown pass false; the child still exits once this JVM is gone)
   */
  public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, boolean stopOnJvmExit) {
    this.dataDir = dataDir.toAbsolutePath();
    this.propertiesFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".properties");
    this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
    this.pidFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".pid");
    this.port = LocalPorts.orFree(port);
    int controller = LocalPorts.orFree(controllerPort);
    this.controllerPort = controller == this.port ? LocalPorts.free() : controller;
    this.stopOnJvmExit = stopOnJvmExit;
  }

  /**
   * Flushes every message to disk before acknowledging it, so an event the outbox marked sent
   * survives a power cut of this single broker. For the dev stack; call before {@link #start()}.
   */
  public EmbeddedKafkaBroker durable() {
    this.durable = true;
    return this;
  }

  /** "127.0.0.1:port", also valid while stopped. */
  public String bootstrap() {
    return LocalPorts.LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isRunning() {
    Process p = process.get();
    return p != null && p.isAlive();
  }

  /**
   * Starts the broker and returns once it answers a describeCluster; formats the storage first if
   * the data directory is new (the cluster id then lives in its meta.properties).
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (isRunning()) {
      return this;
    }
    try {
      // a broker of an earlier JVM on this directory that has not noticed its parent is gone yet
      StaleProcess.stopIfAlive(pidFile, "java", propertiesFile.toString());
      LocalPorts.requireFree(port, "Kafka");
      LocalPorts.requireFree(controllerPort, "Kafka controller");
      Files.createDirectories(dataDir);
      writeProperties();
      Process child = launch();
      process.set(child);
      Files.writeString(pidFile, child.pid() + "\n");
      if (stopOnJvmExit) {
        shutdownHook = new Thread(() -> terminate(child), "embedded-kafka-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      }
      awaitReady(child);
      return this;
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("embedded Kafka did not start", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /**
   * Stops the broker (SIGTERM, a controlled shutdown; KILL after 10 s) and waits for its JVM to
   * exit. Data stays. Safe to call from any thread, also while {@link #start()} is waiting.
   */
  public void stop() {
    Process p = process.getAndSet(null);
    if (p != null) {
      terminate(p);
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException ignored) {
        // a stale pid file is checked against the process's arguments before use
      }
    }
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
    shutdownHook = null;
  }

  /** Stop, then start on the same ports and data directory. */
  public synchronized EmbeddedKafkaBroker restart() {
    stop();
    return start();
  }

  @Override
  public void close() {
    stop();
  }

  private static void terminate(Process p) {
    try {
      p.destroy();
      if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private Process launch() throws IOException {
    List<String> command = new ArrayList<>(Setsid.prefix());
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true",
        "-Dbooker.parentPid=" + ProcessHandle.current().pid(),
        "-Dbooker.watchStdin=true",
        "-cp", childClasspath(),
        ParentWatchdogMain.class.getName()));
    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      command.addAll(List.of("--format", Uuid.randomUuid().toString()));
    }
    command.add(propertiesFile.toString());
    Files.createDirectories(logFile.getParent());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
  }

  /** Surefire runs tests from a manifest-only jar; its real classpath is in this property. */
  private static String childClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private void writeProperties() throws IOException {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", "1");
    props.setProperty("controller.quorum.voters", "1@" + LocalPorts.LOOPBACK + ":" + controllerPort);
    props.setProperty("listeners", "PLAINTEXT://" + LocalPorts.LOOPBACK + ":" + port
        + ",CONTROLLER://" + LocalPorts.LOOPBACK + ":" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://" + LocalPorts.LOOPBACK + ":" + port);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("log.dirs", dataDir.toString());
    props.setProperty("num.partitions", "3");
    props.setProperty("default.replication.factor", "1");
    props.setProperty("min.insync.replicas", "1");
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("offsets.topic.num.partitions", "10");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("transaction.state.log.num.partitions", "5");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    props.setProperty("auto.create.topics.enable", "true");
    props.setProperty("delete.topic.enable", "true");
    // One broker, no replicas: only a flush per message keeps an acknowledged event through a
    // power cut. Tests do without (their data is thrown away); the dev stack asks for it.
    props.setProperty("log.flush.interval.messages", durable ? "1" : Long.toString(Long.MAX_VALUE));
    props.setProperty("num.network.threads", "2");
    props.setProperty("num.io.threads", "4");
    props.setProperty("background.threads", "2");
    props.setProperty("num.recovery.threads.per.data.dir", "1");
    props.setProperty("log.cleaner.threads", "1");
    props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    Files.createDirectories(propertiesFile.getParent());
    try (Writer out = Files.newBufferedWriter(propertiesFile)) {
      props.store(out, "embedded Kafka broker for Booker tests / dev stack (generated)");
    }
  }

  private void awaitReady(Process child) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    try {
      while (!LocalPorts.accepting(port)) {
        failIfExited(child);
        if (System.currentTimeMillis() > deadline) {
          throw notReady("port " + port + " never opened");
        }
        child.waitFor(50, TimeUnit.MILLISECONDS);
      }
      Properties config = new Properties();
      config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
      config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
      config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
      config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
      try (Admin admin = Admin.create(config)) {
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
          failIfExited(child);
          try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                .nodes().get(4, TimeUnit.SECONDS).size();
            if (brokers > 0) {
              return;
            }
          } catch (java.util.concurrent.ExecutionException
              | java.util.concurrent.TimeoutException e) {
            last = e;
          }
          child.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw notReady("no describeCluster answer" + (last == null ? "" : ": " + last));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notReady("interrupted");
    }
  }

  private void failIfExited(Process child) {
    if (!child.isAlive()) {
      throw new IllegalStateException("Kafka broker JVM exited with " + child.exitValue()
          + "; last lines of " + logFile + ":\n" + tail());
    }
  }

  private IllegalStateException notReady(String why) {
    return new IllegalStateException("Kafka broker on " + bootstrap() + " not ready within "
        + START_TIMEOUT_MS + " ms (" + why + "); last lines of " + logFile + ":\n" + tail());
  }

  private String tail() {
    return LogTail.of(logFile);
  }
}
