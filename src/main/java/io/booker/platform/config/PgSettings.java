package io.booker.platform.config;

import io.vertx.core.json.JsonObject;

/** Where PostgreSQL is. Each service uses its own database on that server. */
public record PgSettings(String host, int port, String user, String password, String bootstrapDatabase, int poolSize) {

  public static PgSettings from(JsonObject json) {
    return new PgSettings(
      json.getString("host", "127.0.0.1"),
      json.getInteger("port", 5432),
      json.getString("user", "postgres"),
      json.getString("password", "postgres"),
      json.getString("bootstrap_database", "postgres"),
      json.getInteger("pool_size", 8));
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
