package io.booker.gateway.docs;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The compiled schemas (the fast path of request validation) agree with the JSON-schema validator
 * over every request schema of the API document: on thousands of generated values, built from each
 * schema and then bent (types swapped, fields dropped or added, out-of-range numbers, strings that
 * break patterns), a compiled VALID is always valid for the validator and a compiled INVALID always
 * invalid. And every request schema compiles, so no operation silently falls back to the slow path.
 */
class CompiledSchemaTest {

  static Vertx vertx;
  static JsonObject document;
  static OpenAPIContract contract;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    ApiDocument doc = ApiDocument.load();
    document = doc.json();
    contract = OpenAPIContract.from(vertx, doc.forVertxOpenApi()).await();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  record Case(String name, Object raw, Validator validator) {
  }

  static List<Case> requestSchemas() {
    List<Case> cases = new ArrayList<>();
    for (Operation op : contract.operations()) {
      JsonObject path = document.getJsonObject("paths").getJsonObject(op.getOpenAPIPath());
      JsonObject raw = path.getJsonObject(op.getHttpMethod().name().toLowerCase(Locale.ROOT));
      for (Parameter p : op.getParameters()) {
        Object schema = null;
        for (JsonObject declared : new JsonObject[] {path, raw}) {
          for (Object item : declared.getJsonArray("parameters", new JsonArray())) {
            JsonObject param = (JsonObject) deref(item);
            if (p.getName().equals(param.getString("name"))) {
              schema = param.getValue("schema");
            }
          }
        }
        cases.add(new Case(op.getOperationId() + " " + p.getName(), schema, contract.getSchemaRepository().validator(p.getSchema())));
      }
      if (op.getRequestBody() != null) {
        Object body = ((JsonObject) deref(raw.getValue("requestBody"))).getJsonObject("content").getJsonObject("application/json").getValue("schema");
        cases.add(new Case(op.getOperationId() + " body", body,
          contract.getSchemaRepository().validator(op.getRequestBody().getContent().get("application/json").getSchema())));
      }
    }
    return cases;
  }

  @Test
  void everyRequestSchemaCompiles() {
    List<Case> cases = requestSchemas();
    assertTrue(cases.size() > 50, "parameters and bodies of the whole document: " + cases.size());
    for (Case c : cases) {
      assertNotNull(CompiledSchema.compile(c.raw(), document), () -> c.name() + " does not compile: it would be checked by the slow path");
    }
  }

  @Test
  void aCompiledVerdictIsTheValidatorsVerdict() {
    Random random = new Random(17);
    int valid = 0;
    int checked = 0;
    for (Case c : requestSchemas()) {
      CompiledSchema.Check fast = CompiledSchema.compile(c.raw(), document);
      for (int i = 0; i < 150; i++) {
        Object value = generate(c.raw(), random, 0);
        CompiledSchema.Verdict verdict = fast.test(value);
        if (verdict == CompiledSchema.Verdict.UNKNOWN) {
          continue;
        }
        boolean validatorSays = Boolean.TRUE.equals(c.validator().validate(value).getValid());
        checked++;
        if (verdict == CompiledSchema.Verdict.VALID) {
          valid++;
        }
        assertEquals(validatorSays, verdict == CompiledSchema.Verdict.VALID,
          () -> c.name() + ": compiled " + verdict + ", validator " + validatorSays + " for " + encode(value));
      }
    }
    assertTrue(valid > checked / 10, "enough valid values generated to exercise the fast path: " + valid + " of " + checked);
  }

  // --- a value for a schema, often valid, often bent ---

  static final String[] STRINGS = {"", "x", "Ada", "12:00", "23:59", "24:00", "7:5", "2026-12-24", "2026-02-30", "2026-13-01",
    "UTC", "Europe/Rome", "Mars/Base", "en", "de-CH", "held", "confirmed", "held,confirmed", "gone", "a\u0000b", "tab\tx",
    "é", "x".repeat(51), "y".repeat(256), "+39 06 1234", "ada@example.com", "not@mail", "admin", "manager", "host",
    "not a uuid", "ok-key", " ", "T1", "window seat", "😀", "12", "true"};
  static final Object[] NUMBERS = {0, 1, 2, 4, 5, -1, 6, 7, 15, 17, 90, 100, 101, 120, 150, 499, 500, 501, 719, 720, 721,
    1_000_000, 1_000_001, Long.MAX_VALUE, 1.5, 4.0, 1e300};

  static Object generate(Object schema, Random r, int depth) {
    if (r.nextInt(12) == 0 || depth > 6) {
      return junk(r);
    }
    if (!(schema instanceof JsonObject s)) {
      return junk(r);
    }
    if (s.containsKey("$ref")) {
      return generate(deref(s), r, depth + 1);
    }
    if (s.containsKey("const") && r.nextInt(5) > 0) {
      return s.getValue("const");
    }
    if (s.containsKey("enum") && r.nextInt(5) > 0) {
      JsonArray e = s.getJsonArray("enum");
      return e.getValue(r.nextInt(e.size()));
    }
    for (String combination : new String[] {"anyOf", "oneOf", "allOf"}) {
      if (s.containsKey(combination) && !s.containsKey("type")) {
        JsonArray options = s.getJsonArray(combination);
        return generate(options.getValue(r.nextInt(options.size())), r, depth + 1);
      }
    }
    Object type = s.getValue("type");
    String t = type instanceof JsonArray a ? a.getString(r.nextInt(a.size())) : (String) type;
    if (t == null) {
      t = s.containsKey("properties") ? "object" : "string";
    }
    switch (t) {
      case "object": {
        JsonObject out = new JsonObject();
        JsonObject props = s.getJsonObject("properties", new JsonObject());
        List<String> required = new ArrayList<>();
        s.getJsonArray("required", new JsonArray()).forEach(n -> required.add((String) n));
        for (String name : props.fieldNames()) {
          if ((required.contains(name) && r.nextInt(12) > 0) || r.nextInt(3) == 0) {
            out.put(name, generate(props.getValue(name), r, depth + 1));
          }
        }
        if (r.nextInt(15) == 0) {
          out.put("unknown_" + r.nextInt(3), 1);
        }
        return out;
      }
      case "array": {
        JsonArray out = new JsonArray();
        int min = s.getInteger("minItems", 0);
        int n = min + r.nextInt(3) + (r.nextInt(20) == 0 ? s.getInteger("maxItems", 3) : 0);
        for (int i = 0; i < n; i++) {
          out.add(generate(s.getValue("items"), r, depth + 1));
        }
        return out;
      }
      case "string":
        return string(s, r);
      case "integer":
      case "number": {
        List<Object> candidates = new ArrayList<>(List.of(NUMBERS));
        for (String bound : new String[] {"minimum", "maximum"}) {
          if (s.getValue(bound) instanceof Number b) {
            candidates.add(b.longValue());
            candidates.add(b.longValue() + 1);
            candidates.add(b.longValue() - 1);
          }
        }
        return candidates.get(r.nextInt(candidates.size()));
      }
      case "boolean":
        return r.nextBoolean();
      case "null":
        return null;
      default:
        return junk(r);
    }
  }

  static Object string(JsonObject s, Random r) {
    if ("uuid".equals(s.getString("format")) && r.nextInt(4) > 0) {
      return r.nextBoolean() ? UUID.randomUUID().toString() : UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
    String pattern = s.getString("pattern");
    if (pattern != null && r.nextInt(4) > 0) {
      Pattern p = Pattern.compile(pattern);
      List<String> matching = new ArrayList<>();
      for (String candidate : STRINGS) {
        if (p.matcher(candidate).find()) {
          matching.add(candidate);
        }
      }
      if (!matching.isEmpty()) {
        return matching.get(r.nextInt(matching.size()));
      }
    }
    return STRINGS[r.nextInt(STRINGS.length)];
  }

  static Object junk(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> STRINGS[r.nextInt(STRINGS.length)];
      case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
      case 2 -> r.nextBoolean();
      case 3 -> null;
      case 4 -> new JsonArray().add(STRINGS[r.nextInt(STRINGS.length)]);
      default -> new JsonObject().put("x", 1);
    };
  }

  static Object deref(Object item) {
    Object at = item;
    while (at instanceof JsonObject o && o.getValue("$ref") instanceof String ref) {
      at = document;
      for (String part : ref.substring(2).split("/")) {
        at = ((JsonObject) at).getValue(part);
      }
    }
    return at;
  }

  static String encode(Object value) {
    return value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode() : String.valueOf(value);
  }
}
