package io.booker.it.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of {@code openapi/booker.yaml} as read from the classpath: path template, method,
 * parameters and request body, with local {@code $ref}s resolved. For tests that generate requests
 * from the document.
 */
final class OpenApiOperations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** One operation: its parameters (path-level and own) and its JSON request body, if any. */
  record Operation(String method, String path, String id, List<JsonObject> parameters, JsonObject body, boolean bodyRequired,
                   JsonObject bodyExample) {

    List<JsonObject> parameters(String in) {
      return parameters.stream().filter(p -> in.equals(p.getString("in"))).toList();
    }

    boolean hasBody() {
      return body != null;
    }
  }

  private final JsonObject doc;

  private OpenApiOperations(JsonObject doc) {
    this.doc = doc;
  }

  static OpenApiOperations load() {
    try (InputStream in = OpenApiOperations.class.getClassLoader().getResourceAsStream("openapi/booker.yaml")) {
      Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new OpenApiOperations((JsonObject) toJson(yaml));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      List<JsonObject> shared = params(item.getJsonArray("parameters"));
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        List<JsonObject> parameters = new ArrayList<>(shared);
        parameters.addAll(params(op.getJsonArray("parameters")));
        JsonObject schema = null;
        JsonObject example = null;
        boolean required = false;
        if (op.containsKey("requestBody")) {
          JsonObject body = resolve(op.getJsonObject("requestBody"));
          required = body.getBoolean("required", false);
          JsonObject media = body.getJsonObject("content").getJsonObject("application/json");
          schema = resolve(media.getJsonObject("schema"));
          example = media.getJsonObject("example");
          if (example == null && media.containsKey("examples")) {
            JsonObject examples = media.getJsonObject("examples");
            example = resolve(examples.getJsonObject(examples.fieldNames().iterator().next())).getJsonObject("value");
          }
        }
        ops.add(new Operation(method.toUpperCase(), path, op.getString("operationId"), parameters, schema, required,
          example == null ? new JsonObject() : example.copy()));
      }
    }
    return ops;
  }

  /** The properties of an object schema (refs resolved), in document order. */
  Map<String, JsonObject> properties(JsonObject schema) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    JsonObject props = resolve(schema).getJsonObject("properties", new JsonObject());
    props.forEach(e -> out.put(e.getKey(), resolve((JsonObject) e.getValue())));
    return out;
  }

  List<String> required(JsonObject schema) {
    JsonArray required = resolve(schema).getJsonArray("required", new JsonArray());
    return required.stream().map(String::valueOf).toList();
  }

  /** {@code schema} with a local {@code $ref} followed (its siblings, such as a description, dropped). */
  JsonObject resolve(JsonObject schema) {
    JsonObject s = schema;
    while (s != null && s.containsKey("$ref")) {
      Object target = doc;
      for (String part : s.getString("$ref").substring(2).split("/")) {
        target = ((JsonObject) target).getValue(part);
      }
      s = (JsonObject) target;
    }
    return s;
  }

  private List<JsonObject> params(JsonArray list) {
    List<JsonObject> out = new ArrayList<>();
    if (list != null) {
      list.forEach(p -> out.add(resolve((JsonObject) p)));
    }
    return out;
  }

  private static Object toJson(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      JsonObject o = new JsonObject();
      map.forEach((k, v) -> o.put(String.valueOf(k), toJson(v)));
      return o;
    }
    if (yaml instanceof List<?> list) {
      JsonArray a = new JsonArray();
      list.forEach(v -> a.add(toJson(v)));
      return a;
    }
    if (yaml == null || yaml instanceof String || yaml instanceof Number || yaml instanceof Boolean) {
      return yaml;
    }
    return String.valueOf(yaml);
  }
}
