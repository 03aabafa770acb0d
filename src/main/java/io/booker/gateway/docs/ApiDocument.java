package io.booker.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document of Booker's HTTP API ({@value #RESOURCE}), as written and as JSON. The JSON
 * is the YAML read strictly: no duplicate keys, string keys only, and only values JSON has (an
 * unquoted date or time in the YAML would otherwise become a timestamp or a number of seconds, so it
 * is refused here rather than served wrong). Reading blocks: call it on a worker thread.
 */
public record ApiDocument(String yaml, JsonObject json) {

  public static final String RESOURCE = "openapi/booker.yaml";

  /** Reads {@value #RESOURCE} from the classpath. */
  public static ApiDocument load() {
    String yaml = resource(RESOURCE);
    return new ApiDocument(yaml, toJson(yaml));
  }

  /**
   * The document as vertx-openapi 5.0.7 can load it. It refuses any response media type but
   * {@link io.vertx.openapi.contract.MediaType#SUPPORTED_MEDIA_TYPES} and {@code vnd.*+json}, so
   * {@code application/problem+json} answers are given as {@code application/json} (the same JSON)
   * and text answers (HTML, YAML) as {@code text/plain}. Requests are left exactly as described.
   */
  public JsonObject forVertxOpenApi() {
    JsonObject copy = json.copy();
    copy.getJsonObject("paths", new JsonObject()).forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
      if (op.getValue() instanceof JsonObject operation && operation.getValue("responses") instanceof JsonObject responses) {
        responses.forEach(r -> supportedContent(r.getValue()));
      }
    }));
    copy.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject()).forEach(r -> supportedContent(r.getValue()));
    return copy;
  }

  private static void supportedContent(Object response) {
    if (!(response instanceof JsonObject r) || !(r.getValue("content") instanceof JsonObject content)) {
      return;
    }
    JsonObject mapped = new JsonObject();
    content.forEach(media -> {
      String type = media.getKey();
      String as = io.vertx.openapi.contract.MediaType.isMediaTypeSupported(type) ? type
        : type.endsWith("+json") ? "application/json"
        : type.startsWith("text/") || type.endsWith("yaml") ? "text/plain" : type;
      mapped.put(as, media.getValue());
    });
    r.put("content", mapped);
  }

  /** A classpath resource as UTF-8 text. */
  static String resource(String name) {
    try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML document as the JSON object it stands for. */
  public static JsonObject toJson(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object root = new Yaml(new SafeConstructor(options)).load(yaml);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the document is not a mapping");
    }
    return object(map, "");
  }

  private static JsonObject object(Map<?, ?> map, String at) {
    JsonObject out = new JsonObject();
    map.forEach((k, v) -> {
      if (!(k instanceof String key)) {
        throw new IllegalArgumentException("key " + k + " at " + at + "/ is not a string (quote it)");
      }
      out.put(key, value(v, at + "/" + key));
    });
    return out;
  }

  private static Object value(Object v, String at) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Map<?, ?> map) {
      return object(map, at);
    }
    if (v instanceof List<?> list) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < list.size(); i++) {
        array.add(value(list.get(i), at + "/" + i));
      }
      return array;
    }
    throw new IllegalArgumentException("value at " + at + " is a " + v.getClass().getSimpleName() + ", not JSON (quote it)");
  }
}
