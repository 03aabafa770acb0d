package io.booker.dev;

import io.booker.app.Node;
import io.booker.dev.infra.EmbeddedKafkaBroker;
import io.booker.dev.infra.EmbeddedPostgresServer;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.dev.infra.LocalPorts;
import io.booker.dev.infra.StaleProcess;
import io.booker.notify.channel.EmailChannel;
import io.booker.platform.config.EnvOverrides;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.tracing.TracingSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * "Run the system" on a laptop without Docker: embedded PostgreSQL, Redis and Kafka with their
 * data under {@code .devdata/}, then a Booker node in this JVM. Used by {@code scripts/run} and
 * {@code scripts/infra}; in the dev source set (src/dev/java), never in the production jar.
 *
 * <pre>
 * DevStack [--conf conf/all-in-one.json] [--infra-only]
 * </pre>
 *
 * <p>Embedded infrastructure is started when the configuration's {@code infra.mode} (or
 * {@code BOOKER_INFRA_MODE}) is "embedded" (the default) or with {@code --infra-only}; if all its
 * ports already answer (a {@code scripts/infra} is running), that one is reused and left running.
 * In embedded mode it also runs a dev SMTP server with a page listing what it caught
 * ({@link DevMailbox}; in memory, so that mail is gone at the next start) and points the node's
 * {@code notify.email} at it, unless the configuration names an SMTP host itself.
 * The node traces into {@link DevTraces}: its most recent traces are kept in memory and shown on a
 * page (http://localhost:16686/ by default, {@code BOOKER_DEV_TRACES_PORT}), and still exported over
 * OTLP when an endpoint is named; {@code --no-traces} or {@code BOOKER_DEV_TRACES=false} leaves the
 * node's tracing to its configuration alone.
 * Ctrl-C stops the node, then the traces page, the mail server, Kafka, Redis and PostgreSQL, in that order.
 */
public final class DevStack {

  static final int PG_PORT = 55432;
  static final int REDIS_PORT = 56379;
  static final int KAFKA_PORT = 19092;
  static final int KAFKA_CONTROLLER_PORT = 19093;
  static final String DEFAULT_CONF = "conf/all-in-one.json";
  private static final String LOCK_FILE = "devstack.lock";
  /** Where the dev stack owning .devdata tells others about its mail server, so a second run reuses it. */
  private static final String MAIL_FILE = "devmail.json";
  private static final long NODE_START_TIMEOUT_S = 180;
  private static final long NODE_STOP_TIMEOUT_S = 30;

  private final Path root;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile Node node;
  private volatile EmbeddedKafkaBroker kafka;
  private volatile EmbeddedRedisServer redis;
  private volatile EmbeddedPostgresServer postgres;
  private volatile DevMailbox mailbox;
  private volatile DevTraces traces;
  /** The dev mail server in use (this JVM's or a reused one); null when there is none. */
  private volatile MailEndpoint mail;
  /** Whether another dev stack's infrastructure is reused (then its mail server is, too, if it has one). */
  private boolean reusedInfra;
  /** Never read: holding it keeps the lock on .devdata for the life of the JVM. */
  private FileLock dataLock;

  private DevStack(Path root) {
    this.root = root;
  }

  public static void main(String[] args) {
    String conf = DEFAULT_CONF;
    boolean infraOnly = false;
    boolean noDemo = false;
    boolean noTraces = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--conf" -> {
          if (i + 1 >= args.length) {
            usage("--conf needs a path");
          }
          conf = args[++i];
        }
        case "--infra-only" -> infraOnly = true;
        case "--no-demo" -> noDemo = true;
        case "--no-traces" -> noTraces = true;
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return;
        }
        default -> usage("unknown argument: " + args[i]);
      }
    }
    Path root = Path.of(System.getProperty("booker.root", "")).toAbsolutePath();
    System.exit(new DevStack(root).run(conf, infraOnly, DevDemo.wanted(noDemo), tracesWanted(noTraces)));
  }

  private static final String USAGE = "usage: scripts/run [--conf <node config json>] [--infra-only] [--no-demo] [--no-traces]"
      + "\n  default conf: " + DEFAULT_CONF
      + "\n  --infra-only  start only PostgreSQL, Redis, Kafka and the dev SMTP server (as scripts/infra does)"
      + "\n  --no-demo     do not seed the demo venue at the first start (also BOOKER_DEMO=false)"
      + "\n  --no-traces   no in-memory traces page (also BOOKER_DEV_TRACES=false); the node traces as its config says"
      + "\n  page port: BOOKER_DEV_TRACES_PORT (default " + DevTraces.PAGE_PORT + ", the next free one when taken)";

  /** Whether the dev traces page is wanted: not with {@code --no-traces} or {@code BOOKER_DEV_TRACES=false}. */
  static boolean tracesWanted(boolean noTracesFlag) {
    String env = System.getenv("BOOKER_DEV_TRACES");
    return !noTracesFlag && (env == null || !env.trim().equalsIgnoreCase("false"));
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    System.exit(2);
  }

  /** Returns the process exit code (only on failure; on success it runs until Ctrl-C). */
  private int run(String conf, boolean infraOnly, boolean demo, boolean devTraces) {
    long t0 = System.nanoTime();
    JsonObject config;
    try {
      config = readConf(conf, infraOnly);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    String mode = infraMode(config);
    boolean embedded = infraOnly || "embedded".equals(mode);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devstack-stop"));

    InfraEndpoints endpoints = null;
    if (embedded) {
      try {
        endpoints = startInfra(infraOnly);
        mail = smtpConfigured(config) ? null : startMail();
      } catch (RuntimeException e) {
        System.err.println("dev infrastructure failed to start: " + causes(e));
        stopAll();
        return 1;
      }
    } else {
      System.out.println("infra.mode=" + mode + ": using the endpoints in " + conf
          + " and the environment, starting no embedded servers");
    }

    if (infraOnly) {
      printInfraOnlyHelp(endpoints, mail);
      System.out.printf("dev infrastructure ready in %d ms; Ctrl-C to stop it%n", millisSince(t0));
    } else {
      JsonObject overrides = endpoints == null ? new JsonObject() : endpoints.toConfig();
      if (mail != null) {
        overrides.mergeIn(DevMailbox.toConfig(mail.smtpHost(), mail.smtpPort()), true);
      }
      JsonObject auth = new JsonObject();
      if (System.getenv("JWT_SECRET") == null) {
        auth.put("jwt_secret", DevSecrets.jwtSecret(root.resolve(".devdata")));
      }
      DevAdmin admin = devAdmin(root.resolve(".devdata"));
      if (admin != null) {
        // Created by the gateway at the first start (while there is no user), so a newcomer can sign in at once.
        auth.put("bootstrap_admin", new JsonObject().put("login", admin.login()).put("password", admin.password())
            .put("display_name", "Dev Admin"));
      }
      if (!auth.isEmpty()) {
        overrides.put("auth", auth);
      }
      if (devTraces) {
        traces = startTraces(conf, overrides);
      }
      try {
        node = startNode(conf, overrides, traces == null ? null : traces.openTelemetry());
      } catch (Exception e) {
        System.err.println("Booker node failed to start (conf " + conf + "): " + causes(e));
        stopAll();
        return 1;
      }
      System.out.printf("Booker node up (conf %s) in %d ms; Ctrl-C to stop%n", conf,
          millisSince(t0));
      if (demo) {
        seedDemo(node, admin);
      }
      printWhereToOpen(node, admin, mail, traces);
    }
    awaitShutdown();
    return 0;
  }

  /**
   * The demo venue, at the first start of this .devdata only (DevDemo), through the node's own
   * gateway as the dev admin. A failure is reported and the node keeps running without it.
   */
  private void seedDemo(Node node, DevAdmin admin) {
    JsonObject cfg = node.config().json();
    boolean gateway = cfg.getJsonArray("verticles", new io.vertx.core.json.JsonArray()).stream()
        .anyMatch(v -> v instanceof JsonObject j && "gateway".equals(j.getString("name")));
    String login = admin != null ? admin.login() : System.getenv().getOrDefault("BOOKER_ADMIN_LOGIN", "admin");
    String password = admin != null ? admin.password() : System.getenv("BOOKER_ADMIN_PASSWORD");
    if (!gateway || password == null) {
      return;
    }
    int port = cfg.getJsonObject("http", new JsonObject()).getInteger("port", 8080);
    try {
      DevDemo.Seeded seeded = DevDemo.seedOnce(node.vertx(), port, login, password, root.resolve(".devdata"), java.time.ZoneId.systemDefault());
      if (seeded != null) {
        System.out.printf("Demo venue '%s' seeded (id %s, %d bookings; scripts/run --no-demo skips it on a fresh .devdata)%n",
            DevDemo.VENUE_NAME, seeded.venueId(), seeded.bookings().size());
      }
    } catch (RuntimeException e) {
      System.err.println("demo venue not seeded: " + causes(e));
    }
  }

  /** The dev system's first admin: {@code admin} and a generated password kept in .devdata; null when the environment names one. */
  private static DevAdmin devAdmin(Path devdata) {
    if (System.getenv("BOOKER_ADMIN_PASSWORD") != null) {
      return null;
    }
    String login = System.getenv("BOOKER_ADMIN_LOGIN");
    return new DevAdmin(login == null || login.isBlank() ? "admin" : login.trim(), DevSecrets.adminPassword(devdata));
  }

  private record DevAdmin(String login, String password) {
  }

  /**
   * Where a person points a browser or curl: the gateway's API, and how to sign in there; or the
   * ops port of a node without one.
   */
  private static void printWhereToOpen(Node node, DevAdmin admin, MailEndpoint mail, DevTraces traces) {
    JsonObject cfg = node.config().json();
    boolean gateway = cfg.getJsonArray("verticles", new io.vertx.core.json.JsonArray()).stream()
        .anyMatch(v -> v instanceof JsonObject j && "gateway".equals(j.getString("name")));
    if (gateway) {
      int port = cfg.getJsonObject("http", new JsonObject()).getInteger("port", 8080);
      System.out.printf("Open the staff app: http://localhost:%d/%n", port);
      System.out.printf("API: http://localhost:%d/api/v1/venues  (docs: http://localhost:%d/api/docs, health: /health/ready, metrics: /metrics)%n",
          port, port);
      if (admin != null) {
        System.out.printf("Sign in as '%s' with password %s  (generated at the first start, kept in .devdata/admin-password)%n",
            admin.login(), admin.password());
        System.out.printf("  curl -s -XPOST localhost:%d/api/v1/auth/login -H 'content-type: application/json' \\%n"
            + "    -d '{\"login\":\"%s\",\"password\":\"%s\"}'%n", port, admin.login(), admin.password());
      } else {
        System.out.println("Sign in with BOOKER_ADMIN_LOGIN / BOOKER_ADMIN_PASSWORD (the first admin, created at the first start)");
      }
    } else {
      int port = cfg.getJsonObject("ops", new JsonObject()).getInteger("port", 9100);
      System.out.printf("No gateway on this node; health and metrics: http://localhost:%d/health/ready%n", port);
    }
    if (mail != null) {
      System.out.printf("Mail (dev SMTP, captured): %s  (guests' mail goes to %s:%d and is kept in memory only)%n",
          mail.pageUrl(), mail.smtpHost(), mail.smtpPort());
    }
    if (traces != null) {
      System.out.printf("Traces (dev, in memory): %s  (the most recent %d requests and events as trees of spans%s; --no-traces turns it off)%n",
          traces.pageUrl(), DevTraces.MAX_TRACES, traces.exporting() ? "; also exported over OTLP" : "");
    }
  }

  /**
   * The in-memory traces and their page, the service name and OTLP export as the node's own
   * configuration and OTEL_* variables say; null (the node then traces as its configuration says)
   * when OTEL_SDK_DISABLED=true or the page cannot start.
   */
  private static DevTraces startTraces(String conf, JsonObject overrides) {
    if ("true".equalsIgnoreCase(String.valueOf(System.getenv("OTEL_SDK_DISABLED")).trim())) {
      System.out.println("OTEL_SDK_DISABLED=true: no tracing, no dev traces page");
      return null;
    }
    long t0 = System.nanoTime();
    try {
      NodeConfig config = NodeConfig.load(conf, overrides);
      TracingSettings settings = TracingSettings.from(config.section("tracing"), config.nodeName(), System::getenv);
      if (settings.notice() != null) {
        System.out.println(settings.notice());
      }
      DevTraces started = DevTraces.start(settings, tracesPort());
      System.out.printf("traces    page=%s  service=%s  (in memory only, lost at restart%s)  (%d ms)%n", started.pageUrl(),
          settings.serviceName(), started.exporting() ? "; also exported over OTLP" : "", millisSince(t0));
      return started;
    } catch (RuntimeException e) {
      System.err.println("dev traces page not started (the node traces as its configuration says): " + causes(e));
      return null;
    }
  }

  private static int tracesPort() {
    String env = System.getenv("BOOKER_DEV_TRACES_PORT");
    if (env == null || env.isBlank()) {
      return DevTraces.PAGE_PORT;
    }
    try {
      return Integer.parseInt(env.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("BOOKER_DEV_TRACES_PORT is not a port: " + env);
    }
  }

  /** @param openTelemetry the dev traces' SDK; null: tracing as the configuration says */
  private static Node startNode(String conf, JsonObject overrides, OpenTelemetry openTelemetry) throws Exception {
    return (openTelemetry == null ? Node.start(conf, overrides) : Node.start(conf, overrides, openTelemetry))
        .toCompletionStage().toCompletableFuture()
        .get(NODE_START_TIMEOUT_S, TimeUnit.SECONDS);
  }

  private static void stopNode(Node node) throws Exception {
    node.stop().toCompletionStage().toCompletableFuture()
        .get(NODE_STOP_TIMEOUT_S, TimeUnit.SECONDS);
  }

  private JsonObject readConf(String conf, boolean infraOnly) {
    Path path = Path.of(conf);
    if (!Files.isRegularFile(path)) {
      if (infraOnly) {
        return new JsonObject();
      }
      throw new IllegalArgumentException("configuration file not found: " + path.toAbsolutePath());
    }
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + path.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  /** BOOKER_INFRA_MODE wins over the file, as it does in the node's own configuration. */
  private static String infraMode(JsonObject config) {
    String env = System.getenv("BOOKER_INFRA_MODE");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    JsonObject infra = config.getJsonObject("infra");
    return infra == null ? "embedded" : infra.getString("mode", "embedded");
  }

  private InfraEndpoints startInfra(boolean infraOnly) {
    InfraEndpoints endpoints = new InfraEndpoints(LocalPorts.LOOPBACK, PG_PORT,
        EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD,
        LocalPorts.LOOPBACK, REDIS_PORT, LocalPorts.LOOPBACK + ":" + KAFKA_PORT);
    List<Integer> ports = List.of(PG_PORT, REDIS_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT);
    Path data = root.resolve(".devdata");
    if (!ownDataDirectory(data)) {
      boolean allUp = ports.stream().allMatch(LocalPorts::accepting);
      if (allUp && !infraOnly) {
        System.out.println("dev infrastructure is already running (scripts/infra?), reusing it: "
            + endpoints);
        reusedInfra = true;
        return endpoints;
      }
      throw new IllegalStateException("another dev stack (" + lockOwner(data) + ") owns "
          + relative(data) + (allUp ? "; stop it first" : " and is not fully up yet"));
    }
    // This JVM owns .devdata now, so servers still running from it were left by a killed run.
    StaleProcess.stopIfAlive(data.resolve("pg").resolve("postmaster.pid"), "postgres");
    StaleProcess.stopIfAlive(data.resolve("redis").resolve("redis.pid"), "redis-server");
    List<Integer> busy = ports.stream().filter(LocalPorts::accepting).toList();
    if (!busy.isEmpty()) {
      throw new IllegalStateException("ports " + busy + " on 127.0.0.1 are in use by another"
          + " program; the dev stack needs " + ports);
    }
    CompletableFuture<Void> kafkaUp = async("kafka", () -> {
      kafka = new EmbeddedKafkaBroker(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT,
          false).durable().start();
      return null;
    });
    CompletableFuture<Void> redisUp = async("redis", () -> {
      redis = EmbeddedRedisServer.start(REDIS_PORT, data.resolve("redis"), false);
      return null;
    });
    CompletableFuture<Void> pgUp = async("postgres", () -> {
      postgres = EmbeddedPostgresServer.start(PG_PORT, data.resolve("pg"), false);
      return null;
    });
    long t0 = System.nanoTime();
    pgUp.whenComplete((v, e) -> {
      if (e == null) {
        System.out.printf("postgres  %s:%d  user=%s password=%s  data=%s  (%d ms)%n",
            postgres.host(), postgres.port(), postgres.user(), postgres.password(),
            relative(data.resolve("pg")), millisSince(t0));
      }
    });
    redisUp.whenComplete((v, e) -> {
      if (e == null) {
        System.out.printf("redis     %s:%d  data=%s  (%d ms)%n", redis.host(), redis.port(),
            relative(data.resolve("redis")), millisSince(t0));
      }
    });
    kafkaUp.whenComplete((v, e) -> {
      if (e == null) {
        System.out.printf("kafka     %s  data=%s log=%s  (%d ms)%n", kafka.bootstrap(),
            relative(kafka.dataDir()), relative(kafka.logFile()), millisSince(t0));
      }
    });
    try {
      CompletableFuture.allOf(pgUp, redisUp, kafkaUp).join();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
    return endpoints;
  }

  /**
   * Takes {@code .devdata/devstack.lock} for the life of this JVM (the OS drops it when the JVM
   * dies, however it dies). False when another live dev stack holds it.
   */
  private boolean ownDataDirectory(Path data) {
    try {
      Files.createDirectories(data);
      FileChannel channel = FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return false;
      }
      dataLock = lock;
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.US_ASCII)));
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + data.resolve(LOCK_FILE), e);
    }
  }

  private static String lockOwner(Path data) {
    try {
      return "pid " + Files.readString(data.resolve(LOCK_FILE)).trim();
    } catch (IOException e) {
      return "unknown pid";
    }
  }

  /** Where the dev SMTP server listens and its page. */
  private record MailEndpoint(String smtpHost, int smtpPort, String pageUrl) {
  }

  /**
   * Whether the configuration (with the environment applied, as the node will read it) names an
   * SMTP server: then that one is used and no dev mail server starts.
   */
  private static boolean smtpConfigured(JsonObject config) {
    JsonObject raw = config.copy();
    for (String name : EnvOverrides.NAMES) {
      String value = System.getenv(name);
      if (value != null) {
        raw.put(name, value);
      }
    }
    JsonObject applied;
    try {
      applied = EnvOverrides.apply(raw);
    } catch (RuntimeException e) {
      applied = config; // the node reports a malformed variable itself
    }
    JsonObject email = applied.getJsonObject("notify", new JsonObject()).getJsonObject("email", new JsonObject());
    if (EmailChannel.enabled(email)) {
      System.out.println("notify.email.host is configured (" + email.getValue("host") + "); starting no dev SMTP server");
      return true;
    }
    return false;
  }

  /**
   * The dev stack owning .devdata starts the mail server and records it in .devdata/devmail.json;
   * a run reusing that infrastructure reuses its mail server too when it still answers.
   */
  private MailEndpoint startMail() {
    Path file = root.resolve(".devdata").resolve(MAIL_FILE);
    if (reusedInfra && Files.isRegularFile(file)) {
      try {
        JsonObject recorded = new JsonObject(Files.readString(file));
        MailEndpoint reused = new MailEndpoint(recorded.getString("smtp_host"), recorded.getInteger("smtp_port"),
            recorded.getString("page_url"));
        if (LocalPorts.accepting(reused.smtpHost(), reused.smtpPort())) {
          System.out.println("dev mail server is already running, reusing it: smtp " + reused.smtpHost() + ":"
              + reused.smtpPort() + "  page " + reused.pageUrl());
          return reused;
        }
      } catch (IOException | RuntimeException e) {
        System.out.println("ignoring " + relative(file) + " (" + causes(e) + "); starting a dev mail server");
      }
    }
    long t0 = System.nanoTime();
    mailbox = DevMailbox.start(DevMailbox.SMTP_PORT, DevMailbox.PAGE_PORT);
    MailEndpoint started = new MailEndpoint(mailbox.smtpHost(), mailbox.smtpPort(), mailbox.pageUrl());
    System.out.printf("smtp      %s:%d  page=%s  (GreenMail; mail kept in memory only, lost at restart)  (%d ms)%n",
        started.smtpHost(), started.smtpPort(), started.pageUrl(), millisSince(t0));
    if (!reusedInfra) {
      try {
        Files.writeString(file, new JsonObject().put("smtp_host", started.smtpHost()).put("smtp_port", started.smtpPort())
            .put("page_url", started.pageUrl()).put("pid", ProcessHandle.current().pid()).encodePrettily());
      } catch (IOException e) {
        System.err.println("cannot write " + relative(file) + ": " + e.getMessage() + " (other runs will start their own mail server)");
      }
    }
    return started;
  }

  private void stopMail() {
    DevMailbox box = mailbox;
    if (box == null) {
      return;
    }
    if (!reusedInfra) {
      try {
        Files.deleteIfExists(root.resolve(".devdata").resolve(MAIL_FILE));
      } catch (IOException e) {
        System.err.println("cannot delete .devdata/" + MAIL_FILE + ": " + e.getMessage());
      }
    }
    stop("dev mail server", box);
    System.out.println("dev mail server stopped (its mail is gone)");
  }

  private void printInfraOnlyHelp(InfraEndpoints endpoints, MailEndpoint mail) {
    JsonObject overrides = endpoints.toConfig();
    if (mail != null) {
      overrides.mergeIn(DevMailbox.toConfig(mail.smtpHost(), mail.smtpPort()), true);
    }
    System.out.println();
    System.out.println("Node config overrides for these endpoints:");
    System.out.println("  " + overrides.encode());
    System.out.println("Run nodes against them from other terminals, e.g.");
    System.out.println("  scripts/run --conf conf/all-in-one.json      (embedded mode reuses this"
        + " infrastructure)");
    System.out.println("  scripts/run --conf conf/cluster/core.json    (external mode, these"
        + " addresses are its defaults)");
    System.out.println("or, with any conf or the production jar,");
    System.out.println("  BOOKER_INFRA_MODE=external POSTGRES_HOST=" + endpoints.pgHost()
        + " POSTGRES_PORT=" + endpoints.pgPort() + " POSTGRES_USER=" + endpoints.pgUser()
        + " POSTGRES_PASSWORD=" + endpoints.pgPassword() + " \\");
    System.out.println("  REDIS_ADDR=" + endpoints.redisAddress() + " KAFKA_BROKERS="
        + endpoints.kafkaBootstrap() + " java -jar target/booker-0.1.0-SNAPSHOT.jar --conf"
        + " conf/all-in-one.json");
    if (mail != null) {
      System.out.println("Mail (dev SMTP, captured): " + mail.pageUrl() + "  (SMTP " + mail.smtpHost() + ":" + mail.smtpPort()
          + ", no login, no TLS; kept in memory only)");
    }
    System.out.println();
  }

  /** Node first, then the traces page, the mail server, Kafka, Redis, PostgreSQL; runs once (shutdown hook or failed start). */
  private void stopAll() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long t0 = System.nanoTime();
    Node runningNode = node;
    if (runningNode != null) {
      try {
        stopNode(runningNode);
        System.out.println("node stopped");
      } catch (Exception e) {
        System.err.println("node did not stop cleanly: " + causes(e));
      }
    }
    if (traces != null) {
      stop("dev traces page", traces);
    }
    stopMail();
    stop("kafka", kafka);
    stop("redis", redis);
    stop("postgres", postgres);
    if (kafka != null || redis != null || postgres != null) {
      System.out.printf("dev infrastructure stopped in %d ms%n", millisSince(t0));
    }
  }

  private static void stop(String name, AutoCloseable server) {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (Exception e) {
      System.err.println(name + " did not stop cleanly: " + causes(e));
    }
  }

  private static void awaitShutdown() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> CompletableFuture<T> async(String name, Supplier<T> body) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(body.get());
      } catch (Throwable t) {
        future.completeExceptionally(new IllegalStateException(name + ": " + causes(t), t));
      }
    }, "devstack-start-" + name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private String relative(Path path) {
    return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** "message <- cause message <- ..." without repeats. */
  static String causes(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      if (c instanceof java.util.concurrent.ExecutionException
          || c instanceof java.util.concurrent.CompletionException) {
        continue;
      }
      if (sb.indexOf(message) < 0) {
        sb.append(sb.length() == 0 ? "" : " <- ").append(message);
      }
    }
    return sb.length() == 0 ? t.toString() : sb.toString();
  }
}
