package io.booker.dev.infra;

import io.vertx.core.json.JsonObject;

/**
 * Where the infrastructure of a test run or a dev stack lives.
 *
 * @param kafkaBootstrap "host:port[,host:port]"
 */
public record InfraEndpoints(
    String pgHost,
    int pgPort,
    String pgUser,
    String pgPassword,
    String redisHost,
    int redisPort,
    String kafkaBootstrap) {

  /** JDBC URL of database {@code db} (no credentials in it). */
  public String jdbcUrl(String db) {
    return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db;
  }

  /** "host:port" of Redis. */
  public String redisAddress() {
    return redisHost + ":" + redisPort;
  }

  /** "redis://host:port", the form the Vert.x Redis client takes. */
  public String redisUri() {
    return "redis://" + redisHost + ":" + redisPort;
  }

  /**
   * The node configuration overrides that point a node at these endpoints:
   * {@code {"infra":{"mode":"external","postgres":{..},"redis":{..},"kafka":{"bootstrap":".."}}}}.
   */
  public JsonObject toConfig() {
    return new JsonObject().put("infra", new JsonObject()
        .put("mode", "external")
        .put("postgres", new JsonObject()
            .put("host", pgHost)
            .put("port", pgPort)
            .put("user", pgUser)
            .put("password", pgPassword))
        .put("redis", new JsonObject()
            .put("host", redisHost)
            .put("port", redisPort))
        .put("kafka", new JsonObject()
            .put("bootstrap", kafkaBootstrap)));
  }

  /**
   * The environment that points a node started as its own process at these endpoints, in the
   * original Booker's variable names.
   */
  public java.util.Map<String, String> toEnv() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("BOOKER_INFRA_MODE", "external");
    env.put("POSTGRES_HOST", pgHost);
    env.put("POSTGRES_PORT", Integer.toString(pgPort));
    env.put("POSTGRES_USER", pgUser);
    env.put("POSTGRES_PASSWORD", pgPassword);
    env.put("REDIS_ADDR", redisAddress());
    env.put("KAFKA_BROKERS", kafkaBootstrap);
    return env;
  }

  /** One line for logs; never prints the password. */
  @Override
  public String toString() {
    return "postgres=" + pgUser + "@" + pgHost + ":" + pgPort
        + " redis=" + redisAddress()
        + " kafka=" + kafkaBootstrap;
  }
}
