package io.booker.platform.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's configuration: the JSON file of its shape ({@code conf/*.json}), then environment
 * variables (the original Booker names keep working, see {@link EnvOverrides}), then programmatic
 * overrides (tests, the dev launcher). Later sources win.
 */
public final class NodeConfig {

  private final JsonObject json;

  public NodeConfig(JsonObject json) {
    this.json = json;
  }

  /**
   * Loads the configuration. Blocking (it runs once, before the node's Vert.x exists), so call it
   * from a plain thread, never from an event loop.
   */
  public static NodeConfig load(String path, JsonObject overrides) {
    if (!Files.isRegularFile(Path.of(path))) {
      throw new IllegalArgumentException("configuration file not found: " + Path.of(path).toAbsolutePath());
    }
    // vertx-config needs a Vertx instance; the node's own one can only be built once the config
    // says whether it is clustered, so a short-lived plain instance reads it.
    Vertx reader = Vertx.vertx();
    try {
      ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .addStore(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", path)))
        .addStore(new ConfigStoreOptions().setType("env")
          .setConfig(new JsonObject().put("raw-data", true).put("keys", new JsonArray(List.copyOf(EnvOverrides.NAMES)))));
      ConfigRetriever retriever = ConfigRetriever.create(reader, options);
      JsonObject raw = retriever.getConfig().await(10, TimeUnit.SECONDS);
      retriever.close();
      return new NodeConfig(EnvOverrides.apply(raw).mergeIn(overrides == null ? new JsonObject() : overrides, true));
    } catch (TimeoutException e) {
      throw new IllegalStateException("reading " + path + " timed out", e);
    } finally {
      reader.close();
    }
  }

  public JsonObject json() {
    return json;
  }

  public String nodeName() {
    return json.getJsonObject("node", new JsonObject()).getString("name", "booker");
  }

  public JsonObject section(String name) {
    JsonObject s = json.getJsonObject(name);
    return s == null ? new JsonObject() : s;
  }

  public boolean clustered() {
    return section("cluster").getBoolean("enabled", false);
  }

  public PgSettings postgres() {
    return PgSettings.from(section("infra").getJsonObject("postgres", new JsonObject()));
  }

  public RedisSettings redis() {
    return RedisSettings.from(section("infra").getJsonObject("redis", new JsonObject()));
  }

  public String kafkaBootstrap() {
    return section("infra").getJsonObject("kafka", new JsonObject()).getString("bootstrap", "127.0.0.1:19092");
  }
}
