package io.booker.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A JSON schema of the API document compiled once into plain Java checks: the fast path of request
 * validation. The general validator interprets the schema on every call and compiles each
 * {@code pattern} anew each time it meets it; a parameter with a UUID pattern cost a tenth of the
 * gateway's CPU that way. A compiled schema answers {@link Verdict#VALID} only where the JSON
 * Schema 2020-12 rules surely accept the value; the validator is then not asked. Anything else
 * ({@code INVALID}, or {@code UNKNOWN} where it cannot be sure) goes to the validator, which has the
 * last word and names what is wrong, so the fast path can never refuse a request the document allows.
 * A schema using a keyword not handled here is not compiled at all ({@link #compile} returns null).
 */
final class CompiledSchema {

  enum Verdict { VALID, INVALID, UNKNOWN }

  @FunctionalInterface
  interface Check {
    Verdict test(Object value);
  }

  /** Keywords that never change the outcome. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "default", "example", "examples",
    "deprecated", "readOnly", "writeOnly", "$comment");
  private static final Pattern UUID = Pattern.compile("^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
    Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile("^\\d\\d\\d\\d-[0-1]\\d-[0-3]\\d$");

  private final JsonObject document;
  /** Compiled targets of {@code $ref}s by pointer, so each is compiled once and a cycle ends. */
  private final Map<String, Check[]> refs = new HashMap<>();

  private CompiledSchema(JsonObject document) {
    this.document = document;
  }

  /**
   * {@code schema} (of {@code document}, against which its {@code $ref}s resolve) compiled, or null
   * when it uses something not handled here. The check answers {@code UNKNOWN} rather than fail on
   * a value it cannot judge (a number beyond a double, say).
   */
  static Check compile(Object schema, JsonObject document) {
    Check check;
    try {
      check = new CompiledSchema(document).schema(schema);
    } catch (Unsupported | ClassCastException e) {
      return null;
    }
    return v -> {
      try {
        return check.test(v);
      } catch (RuntimeException e) {
        return Verdict.UNKNOWN;
      }
    };
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private Check schema(Object s) {
    if (s instanceof Boolean b) {
      return b ? v -> Verdict.VALID : v -> Verdict.INVALID;
    }
    if (!(s instanceof JsonObject schema)) {
      throw new Unsupported("schema " + s);
    }
    List<Check> checks = new ArrayList<>();
    for (String key : schema.fieldNames()) {
      Object arg = schema.getValue(key);
      if (ANNOTATIONS.contains(key) || key.startsWith("x-")) {
        continue;
      }
      checks.add(keyword(key, arg, schema));
    }
    return all(checks);
  }

  private Check keyword(String key, Object arg, JsonObject schema) {
    switch (key) {
      case "$ref": return ref((String) arg);
      case "type": return type(arg);
      case "enum": return enumOf((JsonArray) arg);
      case "const": return v -> verdict(same(v, arg));
      case "pattern": return pattern((String) arg);
      case "minLength": return string(v -> codePoints(v) >= number(arg).longValue());
      case "maxLength": return string(v -> codePoints(v) <= number(arg).longValue());
      case "format": return format((String) arg);
      case "minimum": return numeric(v -> decimal(v).compareTo(decimal(number(arg))) >= 0);
      case "maximum": return numeric(v -> decimal(v).compareTo(decimal(number(arg))) <= 0);
      case "exclusiveMinimum": return numeric(v -> decimal(v).compareTo(decimal(number(arg))) > 0);
      case "exclusiveMaximum": return numeric(v -> decimal(v).compareTo(decimal(number(arg))) < 0);
      case "multipleOf": return multipleOf(number(arg));
      case "properties": return properties((JsonObject) arg);
      case "required": return required((JsonArray) arg);
      case "additionalProperties": return additional(arg, schema.getJsonObject("properties", new JsonObject()), schema);
      case "minProperties": return object(o -> o.size() >= number(arg).longValue());
      case "dependentRequired": return dependentRequired((JsonObject) arg);
      case "items": return items(schema(arg), schema);
      case "minItems": return array(a -> a.size() >= number(arg).longValue());
      case "maxItems": return array(a -> a.size() <= number(arg).longValue());
      case "contains": return contains(schema(arg), schema);
      case "minContains", "maxContains": return v -> Verdict.VALID; // applied by "contains"
      case "allOf": return all(each((JsonArray) arg));
      case "anyOf": return anyOf(each((JsonArray) arg));
      case "oneOf": return oneOf(each((JsonArray) arg));
      case "not": return not(schema(arg));
      case "if": return ifThenElse(schema(arg), schema.containsKey("then") ? schema(schema.getValue("then")) : null,
        schema.containsKey("else") ? schema(schema.getValue("else")) : null);
      case "then", "else": return v -> Verdict.VALID; // applied by "if"
      default: throw new Unsupported("keyword " + key);
    }
  }

  // --- references and combinations ---

  private Check ref(String pointer) {
    if (!pointer.startsWith("#/")) {
      throw new Unsupported("$ref " + pointer);
    }
    Check[] target = refs.get(pointer);
    if (target == null) {
      target = new Check[1];
      refs.put(pointer, target);
      target[0] = schema(resolve(pointer));
    }
    Check[] t = target;
    return v -> t[0].test(v);
  }

  private Object resolve(String pointer) {
    Object at = document;
    for (String part : pointer.substring(2).split("/")) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (!(at instanceof JsonObject o) || !o.containsKey(name)) {
        throw new Unsupported("$ref " + pointer);
      }
      at = o.getValue(name);
    }
    return at;
  }

  private List<Check> each(JsonArray schemas) {
    List<Check> out = new ArrayList<>();
    for (Object s : schemas) {
      out.add(schema(s));
    }
    return out;
  }

  private static Check all(List<Check> checks) {
    Check[] c = checks.toArray(new Check[0]);
    if (c.length == 1) {
      return c[0];
    }
    return v -> {
      Verdict out = Verdict.VALID;
      for (Check check : c) {
        Verdict r = check.test(v);
        if (r == Verdict.INVALID) {
          return r;
        }
        if (r == Verdict.UNKNOWN) {
          out = r;
        }
      }
      return out;
    };
  }

  private static Check anyOf(List<Check> checks) {
    return v -> {
      Verdict out = Verdict.INVALID;
      for (Check check : checks) {
        Verdict r = check.test(v);
        if (r == Verdict.VALID) {
          return r;
        }
        if (r == Verdict.UNKNOWN) {
          out = r;
        }
      }
      return out;
    };
  }

  private static Check oneOf(List<Check> checks) {
    return v -> {
      int valid = 0;
      for (Check check : checks) {
        Verdict r = check.test(v);
        if (r == Verdict.UNKNOWN) {
          return r;
        }
        if (r == Verdict.VALID) {
          valid++;
        }
      }
      return verdict(valid == 1);
    };
  }

  private static Check not(Check inner) {
    return v -> switch (inner.test(v)) {
      case VALID -> Verdict.INVALID;
      case INVALID -> Verdict.VALID;
      case UNKNOWN -> Verdict.UNKNOWN;
    };
  }

  private static Check ifThenElse(Check condition, Check then, Check otherwise) {
    return v -> {
      Verdict c = condition.test(v);
      if (c == Verdict.UNKNOWN) {
        return c;
      }
      Check branch = c == Verdict.VALID ? then : otherwise;
      return branch == null ? Verdict.VALID : branch.test(v);
    };
  }

  // --- types and values ---

  private static Check type(Object arg) {
    List<String> types = new ArrayList<>();
    if (arg instanceof JsonArray a) {
      a.forEach(t -> types.add((String) t));
    } else {
      types.add((String) arg);
    }
    for (String t : types) {
      if (!Set.of("string", "integer", "number", "boolean", "object", "array", "null").contains(t)) {
        throw new Unsupported("type " + t);
      }
    }
    return v -> {
      for (String t : types) {
        if (hasType(v, t)) {
          return Verdict.VALID;
        }
      }
      return Verdict.INVALID;
    };
  }

  private static boolean hasType(Object v, String type) {
    return switch (type) {
      case "string" -> v instanceof String;
      case "boolean" -> v instanceof Boolean;
      case "object" -> v instanceof JsonObject;
      case "array" -> v instanceof JsonArray;
      case "null" -> v == null;
      case "number" -> v instanceof Number;
      case "integer" -> v instanceof Number n && isIntegral(n);
      default -> false;
    };
  }

  private static boolean isIntegral(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
      return true;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d);
    }
    return n instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0;
  }

  private static Check enumOf(JsonArray values) {
    return v -> {
      for (Object allowed : values) {
        if (same(v, allowed)) {
          return Verdict.VALID;
        }
      }
      return Verdict.INVALID;
    };
  }

  /** JSON equality: numbers by value (1 is 1.0), objects and arrays member by member. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      if (!x.fieldNames().equals(y.fieldNames())) {
        return false;
      }
      for (String k : x.fieldNames()) {
        if (!same(x.getValue(k), y.getValue(k))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.getValue(i), y.getValue(i))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static Check pattern(String regex) {
    Pattern p = Pattern.compile(regex);
    return string(s -> p.matcher(s).find());
  }

  private static Check format(String format) {
    return switch (format) {
      case "uuid" -> string(s -> UUID.matcher(s).find());
      case "date" -> string(CompiledSchema::isDate);
      default -> throw new Unsupported("format " + format);
    };
  }

  private static boolean isDate(String s) {
    if (!DATE.matcher(s).find()) {
      return false;
    }
    try {
      DateTimeFormatter.ISO_DATE.parse(s, LocalDate::from);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Check multipleOf(Number divisor) {
    if (!isIntegral(divisor) || decimal(divisor).signum() <= 0) {
      throw new Unsupported("multipleOf " + divisor);
    }
    BigDecimal d = decimal(divisor);
    return v -> {
      if (!(v instanceof Number n)) {
        return Verdict.VALID;
      }
      if (!isIntegral(n)) {
        // The validator allows a tolerance for fractions: let it decide.
        return Verdict.UNKNOWN;
      }
      return verdict(decimal(n).remainder(d).signum() == 0);
    };
  }

  // --- objects and arrays ---

  private Check properties(JsonObject properties) {
    Map<String, Check> checks = new HashMap<>();
    properties.forEach(e -> checks.put(e.getKey(), schema(e.getValue())));
    return object(o -> Verdict.VALID, (o, out) -> {
      for (String key : o.fieldNames()) {
        Check c = checks.get(key);
        if (c != null) {
          out = and(out, c.test(o.getValue(key)));
          if (out == Verdict.INVALID) {
            return out;
          }
        }
      }
      return out;
    });
  }

  private static Check required(JsonArray names) {
    List<String> required = new ArrayList<>();
    names.forEach(n -> required.add((String) n));
    return object(o -> {
      for (String name : required) {
        if (!o.containsKey(name)) {
          return false;
        }
      }
      return true;
    });
  }

  private Check additional(Object arg, JsonObject properties, JsonObject schema) {
    if (schema.containsKey("patternProperties")) {
      throw new Unsupported("patternProperties");
    }
    Set<String> known = properties.fieldNames();
    Check extra = schema(arg);
    return object(o -> Verdict.VALID, (o, out) -> {
      for (String key : o.fieldNames()) {
        if (!known.contains(key)) {
          out = and(out, extra.test(o.getValue(key)));
          if (out == Verdict.INVALID) {
            return out;
          }
        }
      }
      return out;
    });
  }

  private static Check dependentRequired(JsonObject dependencies) {
    return object(o -> {
      for (String key : dependencies.fieldNames()) {
        if (o.containsKey(key)) {
          for (Object needed : dependencies.getJsonArray(key)) {
            if (!o.containsKey((String) needed)) {
              return false;
            }
          }
        }
      }
      return true;
    });
  }

  private static Check items(Check item, JsonObject schema) {
    if (schema.containsKey("prefixItems")) {
      throw new Unsupported("prefixItems");
    }
    return v -> {
      if (!(v instanceof JsonArray a)) {
        return Verdict.VALID;
      }
      Verdict out = Verdict.VALID;
      for (int i = 0; i < a.size() && out != Verdict.INVALID; i++) {
        out = and(out, item.test(a.getValue(i)));
      }
      return out;
    };
  }

  private static Check contains(Check element, JsonObject schema) {
    long min = schema.containsKey("minContains") ? number(schema.getValue("minContains")).longValue() : 1;
    long max = schema.containsKey("maxContains") ? number(schema.getValue("maxContains")).longValue() : Long.MAX_VALUE;
    return v -> {
      if (!(v instanceof JsonArray a)) {
        return Verdict.VALID;
      }
      long matches = 0;
      for (int i = 0; i < a.size(); i++) {
        Verdict r = element.test(a.getValue(i));
        if (r == Verdict.UNKNOWN) {
          return r;
        }
        if (r == Verdict.VALID) {
          matches++;
        }
      }
      return verdict(matches >= min && matches <= max);
    };
  }

  // --- helpers: a keyword about one JSON type passes any value of another type ---

  @FunctionalInterface
  private interface ObjectFold {
    Verdict apply(JsonObject o, Verdict soFar);
  }

  private static Check object(Function<JsonObject, Boolean> test) {
    return v -> v instanceof JsonObject o ? verdict(test.apply(o)) : Verdict.VALID;
  }

  private static Check object(Function<JsonObject, Verdict> start, ObjectFold fold) {
    return v -> v instanceof JsonObject o ? fold.apply(o, start.apply(o)) : Verdict.VALID;
  }

  private static Check array(Function<JsonArray, Boolean> test) {
    return v -> v instanceof JsonArray a ? verdict(test.apply(a)) : Verdict.VALID;
  }

  private static Check string(Function<String, Boolean> test) {
    return v -> v instanceof String s ? verdict(test.apply(s)) : Verdict.VALID;
  }

  private static Check numeric(Function<Number, Boolean> test) {
    return v -> v instanceof Number n ? verdict(test.apply(n)) : Verdict.VALID;
  }

  private static long codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Number number(Object arg) {
    if (!(arg instanceof Number n)) {
      throw new Unsupported("a number expected, got " + arg);
    }
    return n;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static Verdict and(Verdict a, Verdict b) {
    return a == Verdict.INVALID || b == Verdict.INVALID ? Verdict.INVALID
      : a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
  }

  private static Verdict verdict(boolean valid) {
    return valid ? Verdict.VALID : Verdict.INVALID;
  }
}
