package io.booker.platform.service;

import com.google.protobuf.Descriptors;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.outbox.OutboxBacklog;
import io.booker.platform.outbox.OutboxRelay;
import io.booker.platform.outbox.OutboxSchema;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.redis.RedisClients;
import io.booker.platform.rpc.GrpcEndpoint;
import io.booker.platform.rpc.RpcServiceBinding;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;

import java.util.HashMap;
import java.util.Map;

/**
 * What a service verticle opens and closes around its own use cases, the same way for every
 * service: its database (created and migrated at start, {@code classpath:db/<name>}), the pool
 * requests use, and, for a service with an outbox, the outbox's schema beside its own
 * ({@link OutboxSchema}), a pool of one connection for the relay (while the relay waits for Kafka,
 * requests keep theirs), the Kafka producer, the {@link OutboxRelay} and the {@link OutboxBacklog}
 * gauges; Redis when the service asks for it; and the service on the event bus and gRPC.
 *
 * <p>A verticle opens the runtime, builds its use cases on {@link #pool()}, {@link #redis()} and
 * {@link #relay()}, {@linkplain #serve serves} them, and in its stop hands what it stops of its own
 * to {@link #stop(Future)}, which closes the rest in order: the relay (beside the verticle's own
 * work), the event-bus binding, the gRPC server, the producer, Redis, the relay's pool, the pool.
 *
 * <p>Names follow the service's: its config section, database ({@code database}, default the
 * name), connections' {@code application_name} ({@code booker-<name>}, {@code booker-<name>-relay}),
 * the producer's client id ({@code <name>-<node>}) and the service label of metrics and logs.
 */
public final class ServiceRuntime {

  private final Vertx vertx;
  private final NodeConfig node;
  private final String name;
  private Pool pool;
  private Pool relayPool;
  private KafkaProducer<String, String> producer;
  private OutboxRelay relay;
  private OutboxBacklog backlog;
  private Redis redis;
  private AccessTokens tokens;
  private RpcServiceBinding<?> binding;
  private HttpServer grpcServer;

  public ServiceRuntime(Vertx vertx, NodeConfig node, String name) {
    this.vertx = vertx;
    this.node = node;
    this.name = name;
  }

  /** The service's config section ({@code <name>}). */
  public JsonObject config() {
    return node.section(name);
  }

  /**
   * Prepares the service's database, its own migrations then the outbox's, and opens the pool
   * (every connection starting with {@code session} and the service's {@code application_name}),
   * the relay's pool, the producer, the relay and the backlog gauges (started by {@link #serve}).
   */
  public Future<Void> openWithOutbox(Map<String, String> session) {
    String database = database();
    return PgDatabases.prepare(vertx, node.postgres(), database, OutboxSchema.beside(location()), withName(session, "booker-" + name))
      .map(p -> {
        pool = p;
        relayPool = PgDatabases.pool(vertx, node.postgres(), database, 1, Map.of("application_name", "booker-" + name + "-relay"));
        producer = KafkaClients.producer(vertx, node.kafkaBootstrap(), name + "-" + node.nodeName());
        relay = new OutboxRelay(vertx, relayPool, producer, name, node.section("outbox"));
        backlog = new OutboxBacklog(vertx, relayPool, name, node.section("outbox"));
        return null;
      });
  }

  /** As {@link #openWithOutbox} for a service without an outbox: the database {@code database} and its pool. */
  public Future<Void> open(String database, Map<String, String> session) {
    return PgDatabases.prepare(vertx, node.postgres(), database, location(), withName(session, "booker-" + name))
      .map(p -> {
        pool = p;
        return null;
      });
  }

  public Pool pool() {
    return pool;
  }

  /** The outbox relay ({@link OutboxRelay#kick()} after a commit that wrote events); null without an outbox. */
  public OutboxRelay relay() {
    return relay;
  }

  /** The node's Redis client, opened on first use and closed by {@link #stop(Future)}. */
  public Redis redis() {
    if (redis == null) {
      redis = RedisClients.create(vertx, node.redis());
    }
    return redis;
  }

  /** The node's access-token verifier ({@code auth} section), opened on first use; the binding checks calls with it. */
  public AccessTokens tokens() {
    if (tokens == null) {
      tokens = AccessTokens.create(vertx, node.section("auth"));
    }
    return tokens;
  }

  /**
   * Binds {@code implementation} on the event bus, serves it as gRPC ({@code grpc_port} of the
   * service's section, else {@code defaultGrpcPort}; negative: off), its health being whether the
   * database answers, then starts the relay and the backlog gauges.
   */
  public <S> Future<Void> serve(Class<S> api, S implementation, Descriptors.ServiceDescriptor descriptor, int defaultGrpcPort) {
    RpcServiceBinding<S> bound = new RpcServiceBinding<>(api, implementation, descriptor, name, tokens());
    binding = bound;
    return bound.bindEventBus(vertx)
      .compose(v -> GrpcEndpoint.serve(vertx, bound, config(), defaultGrpcPort, name,
        () -> pool.query("SELECT 1").execute().map(true).otherwise(false)))
      .map(s -> {
        grpcServer = s;
        if (relay != null) {
          relay.start();
          backlog.start();
        }
        return null;
      });
  }

  /** As {@link #stop(Future)} for a verticle with nothing of its own to stop. */
  public Future<Void> stop() {
    return stop(Future.succeededFuture());
  }

  /**
   * Stops the backlog gauges and the relay while {@code ownStopped} (what the verticle stops of its
   * own) completes, then unbinds the service and closes the gRPC server, the producer, Redis, the
   * relay's pool and the pool, each after the one before, whether it failed or not.
   */
  public Future<Void> stop(Future<?> ownStopped) {
    if (backlog != null) {
      backlog.stop();
    }
    Future<Void> relayStopped = relay == null ? Future.succeededFuture() : relay.stop();
    return Future.join(ownStopped, relayStopped)
      .transform(v -> binding == null ? Future.succeededFuture() : binding.unbindEventBus())
      .transform(v -> grpcServer == null ? Future.succeededFuture() : grpcServer.close())
      .transform(v -> producer == null ? Future.succeededFuture() : producer.close())
      .transform(v -> {
        if (redis != null) {
          redis.close();
        }
        return relayPool == null ? Future.succeededFuture() : relayPool.close();
      })
      .transform(v -> pool == null ? Future.<Void>succeededFuture() : pool.close());
  }

  private String database() {
    return config().getString("database", name);
  }

  private String location() {
    return "db/" + name;
  }

  private static Map<String, String> withName(Map<String, String> session, String applicationName) {
    Map<String, String> settings = new HashMap<>(session);
    settings.put("application_name", applicationName);
    return settings;
  }
}
