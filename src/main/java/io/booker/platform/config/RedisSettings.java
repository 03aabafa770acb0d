package io.booker.platform.config;

import io.vertx.core.json.JsonObject;

public record RedisSettings(String host, int port, String password) {

  public static RedisSettings from(JsonObject json) {
    return new RedisSettings(json.getString("host", "127.0.0.1"), json.getInteger("port", 6379), json.getString("password"));
  }

  public String connectionString() {
    return "redis://" + host + ":" + port;
  }
}
