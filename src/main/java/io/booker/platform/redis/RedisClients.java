package io.booker.platform.redis;

import io.booker.platform.config.RedisSettings;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Redis connection settings shared by every service. */
public final class RedisClients {

  private RedisClients() {
  }

  public static Redis create(Vertx vertx, RedisSettings settings) {
    RedisOptions options = new RedisOptions()
      .setConnectionString(settings.connectionString())
      .setMaxPoolSize(8)
      .setMaxPoolWaiting(64)
      .setPoolRecycleTimeout(15_000);
    if (settings.password() != null && !settings.password().isBlank()) {
      options.setPassword(settings.password());
    }
    return Redis.createClient(vertx, options);
  }
}
