package io.booker.app;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.tracing.Tracing;
import io.booker.platform.tracing.TracingSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.booker.platform.web.HttpMetricsHandler;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One Booker node: a (clustered) Vert.x instance running the verticles its configuration names,
 * deployed one after the other in the configured order. Any failure stops what was started and
 * fails the start with the cause.
 */
public final class Node {

  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final Vertx vertx;
  private final NodeConfig config;
  private final List<String> deployments = new ArrayList<>();
  /** The SDK this node built from its configuration (flushed and shut down at stop); null when off or given. */
  private final OpenTelemetrySdk ownSdk;

  private Node(Vertx vertx, NodeConfig config, OpenTelemetrySdk ownSdk) {
    this.vertx = vertx;
    this.config = config;
    this.ownSdk = ownSdk;
  }

  public static Future<Node> start(String confPath, JsonObject overrides) {
    NodeConfig config;
    try {
      config = NodeConfig.load(confPath, overrides);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return start(config);
  }

  /**
   * As {@link #start(String, JsonObject)}, tracing with {@code openTelemetry} whatever the
   * configuration says (tests give an SDK with an in-memory exporter); the caller owns it.
   */
  public static Future<Node> start(String confPath, JsonObject overrides, OpenTelemetry openTelemetry) {
    NodeConfig config;
    try {
      config = NodeConfig.load(confPath, overrides);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return start(config, openTelemetry, null);
  }

  public static Future<Node> start(NodeConfig config) {
    TracingSettings tracing = TracingSettings.from(config.section("tracing"), config.nodeName(), System::getenv);
    OpenTelemetrySdk sdk;
    try {
      sdk = Tracing.sdk(tracing);
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalStateException("tracing configuration: " + e.getMessage(), e));
    }
    if (sdk != null) {
      if (tracing.notice() != null) {
        log.warn("{}", tracing.notice());
      }
      log.info("event=tracing_enabled node={} service_name={}", config.nodeName(), tracing.serviceName());
    }
    return start(config, sdk, sdk);
  }

  private static Future<Node> start(NodeConfig config, OpenTelemetry openTelemetry, OpenTelemetrySdk ownSdk) {
    long t0 = System.currentTimeMillis();
    return buildVertx(config, openTelemetry).recover(t -> {
      if (ownSdk != null) {
        ownSdk.close();
      }
      return Future.failedFuture(t);
    }).compose(vertx -> {
      if (openTelemetry != null) {
        Tracing.register(vertx, openTelemetry);
      }
      Node node = new Node(vertx, config, ownSdk);
      return DependencyProbe.await(vertx, config)
        .compose(v -> node.deployAll())
        .map(v -> {
          log.info("event=node_started node={} clustered={} verticles={} ms={}", config.nodeName(), vertx.isClustered(),
            config.json().getJsonArray("verticles"), System.currentTimeMillis() - t0);
          return node;
        })
        .recover(t -> node.stop().transform(ignored -> Future.failedFuture(t)));
    });
  }

  public Vertx vertx() {
    return vertx;
  }

  public NodeConfig config() {
    return config;
  }

  /** Undeploys in reverse order, closes pools and clients, and leaves the cluster. */
  public Future<Void> stop() {
    List<String> reversed = new ArrayList<>(deployments);
    Collections.reverse(reversed);
    Future<Void> chain = Future.succeededFuture();
    for (String id : reversed) {
      chain = chain.transform(ignored -> vertx.undeploy(id)
        .onFailure(t -> log.warn("event=undeploy_failed id={} error={}", id, t.toString())));
    }
    return chain.transform(ignored -> vertx.close())
      .onComplete(ar -> {
        Tracing.unregister(vertx);
        if (ownSdk != null) {
          ownSdk.close(); // exports what is still buffered
        }
        log.info("event=node_stopped node={}", config.nodeName());
      });
  }

  private Future<Void> deployAll() {
    Future<Void> chain = Future.succeededFuture();
    for (Object entry : config.json().getJsonArray("verticles", new io.vertx.core.json.JsonArray())) {
      JsonObject spec = entry instanceof JsonObject j ? j : new JsonObject().put("name", String.valueOf(entry));
      String name = spec.getString("name");
      int instances = spec.getInteger("instances", 1);
      chain = chain.compose(v -> {
        DeploymentOptions options = new DeploymentOptions().setInstances(instances).setConfig(config.json());
        return vertx.deployVerticle(VerticleCatalog.get(name), options)
          .recover(t -> Future.failedFuture(new IllegalStateException("verticle '" + name + "' failed to start: " + t.getMessage(), t)))
          .map(id -> {
            deployments.add(id);
            log.info("event=verticle_deployed node={} verticle={} instances={}", config.nodeName(), name, instances);
            return null;
          });
      });
    }
    return chain;
  }

  /** @param openTelemetry null: no tracer at all (tracing off costs nothing) */
  private static Future<Vertx> buildVertx(NodeConfig config, OpenTelemetry openTelemetry) {
    JsonObject cluster = config.section("cluster");
    VertxOptions options = new VertxOptions()
      .setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // A method a client invented is labelled OTHER: each new verb must not add new series.
        .addLabelMatch(new Match().setDomain(MetricsDomain.HTTP_SERVER).setLabel("method").setType(MatchType.REGEX)
          .setValue(HttpMetricsHandler.NON_STANDARD_METHOD).setAlias("OTHER"))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    VertxBuilder builder = Vertx.builder().with(options);
    if (openTelemetry != null) {
      builder.withTracer(new OpenTelemetryTracingFactory(openTelemetry));
    }
    if (!config.clustered()) {
      return Future.succeededFuture(builder.build());
    }
    try {
      options.setEventBusOptions(ClusterSetup.eventBusOptions(cluster));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return builder.withClusterManager(ClusterSetup.clusterManager(cluster)).buildClustered()
      .recover(t -> Future.failedFuture(new IllegalStateException("could not join the cluster: " + t.getMessage(), t)));
  }
}
