package io.booker.platform.health;

import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Command;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code /health/ready} checks on this node: the infrastructure its verticles use (PostgreSQL,
 * Redis, Kafka) and, when clustered, the cluster membership. Each check has its own timeout, so a
 * dependency that hangs reports DOWN instead of hanging the probe; an answer that comes after the
 * timeout has already been reported is dropped ({@code tryComplete}).
 */
public final class ReadinessChecks {

  private static final long TIMEOUT_MS = 2000;
  private static final Set<String> USES_POSTGRES = Set.of("venue", "booking", "gateway");
  private static final Set<String> USES_REDIS = Set.of("venue", "booking");
  private static final Set<String> USES_KAFKA = Set.of("venue", "booking", "notify");

  private final HealthChecks checks;
  private final List<Runnable> closers = new ArrayList<>();

  public ReadinessChecks(Vertx vertx, JsonObject config) {
    NodeConfig node = new NodeConfig(config);
    Set<String> verticles = verticleNames(config);
    checks = HealthChecks.create(vertx);
    if (verticles.stream().anyMatch(USES_POSTGRES::contains)) {
      Pool pool = PgDatabases.pool(vertx, node.postgres(), node.postgres().bootstrapDatabase(), 1);
      closers.add(pool::close);
      checks.register("postgres", TIMEOUT_MS, p -> pool.query("SELECT 1").execute()
        .onComplete(ar -> p.tryComplete(status(ar))));
    }
    if (verticles.stream().anyMatch(USES_REDIS::contains)) {
      Redis redis = RedisClients.create(vertx, node.redis());
      closers.add(redis::close);
      checks.register("redis", TIMEOUT_MS, p -> redis.send(Request.cmd(Command.PING))
        .onComplete(ar -> p.tryComplete(status(ar))));
    }
    if (verticles.stream().anyMatch(USES_KAFKA::contains)) {
      var adminConfig = KafkaClients.consumerConfig(node.kafkaBootstrap(), "health");
      adminConfig.put("request.timeout.ms", Long.toString(TIMEOUT_MS));
      adminConfig.put("default.api.timeout.ms", Long.toString(TIMEOUT_MS));
      KafkaAdminClient admin = KafkaAdminClient.create(vertx, adminConfig);
      closers.add(admin::close);
      checks.register("kafka", TIMEOUT_MS, p -> admin.describeCluster()
        .onComplete(ar -> p.tryComplete(ar.succeeded() && !ar.result().getNodes().isEmpty()
          ? Status.OK() : Status.KO(new JsonObject().put("error", ar.failed() ? String.valueOf(ar.cause()) : "no brokers")))));
    }
    if (vertx.isClustered()) {
      ClusterManager cm = ((VertxInternal) vertx).clusterManager();
      checks.register("cluster", TIMEOUT_MS, p -> p.complete(cm.isActive()
        ? Status.OK(new JsonObject().put("members", cm.getNodes().size()))
        : Status.KO(new JsonObject().put("error", "not an active cluster member"))));
    }
  }

  public HealthChecks checks() {
    return checks;
  }

  public void close() {
    closers.forEach(Runnable::run);
  }

  private static Status status(io.vertx.core.AsyncResult<?> ar) {
    return ar.succeeded() ? Status.OK() : Status.KO(new JsonObject().put("error", String.valueOf(ar.cause().getMessage())));
  }

  private static Set<String> verticleNames(JsonObject config) {
    Set<String> names = new java.util.HashSet<>();
    config.getJsonArray("verticles", new io.vertx.core.json.JsonArray()).forEach(v ->
      names.add(v instanceof JsonObject j ? j.getString("name") : String.valueOf(v)));
    return names;
  }

}
