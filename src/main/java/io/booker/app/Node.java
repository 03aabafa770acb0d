package io.booker.app;

import io.booker.platform.config.NodeConfig;
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

  private Node(Vertx vertx, NodeConfig config) {
    this.vertx = vertx;
    this.config = config;
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

  public static Future<Node> start(NodeConfig config) {
    long t0 = System.currentTimeMillis();
    return buildVertx(config).compose(vertx -> {
      Node node = new Node(vertx, config);
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
      .onComplete(ar -> log.info("event=node_stopped node={}", config.nodeName()));
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

  private static Future<Vertx> buildVertx(NodeConfig config) {
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
