package io.booker.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * One parameter of an operation, ready to check: where it is read, what it must be, and the schema
 * validator built once when the document is loaded. A value is read as the HTTP layer delivered it:
 * path and query values decoded once by the router, header values exactly as sent (a header is not
 * URL-encoded: {@code Idempotency-Key: 100%} is the key {@code 100%}). Strings stay strings: a value
 * is never parsed as JSON, so {@code [1]} or {@code a"b} is the text it is. Numbers and booleans are
 * converted only when they are written as such; anything else goes to the schema as the string it
 * is, which then answers "must be of type integer".
 */
final class ParameterRule {

  private final String name;
  /** The name problems give: as the services name the same value ({@code venueId} is {@code venue_id}). */
  private final String field;
  private final Location in;
  private final boolean required;
  private final SchemaType type;
  private final SchemaType itemType;
  private final boolean explode;
  private final Validator validator;
  /** The same schema compiled, or null: a value it accepts is not shown to the validator. */
  private final CompiledSchema.Check fast;

  private ParameterRule(Parameter p, Validator validator, CompiledSchema.Check fast) {
    this.name = p.getName();
    this.field = p.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    this.in = p.getIn();
    this.required = p.isRequired();
    this.type = p.getSchemaType();
    this.itemType = type == SchemaType.ARRAY ? itemType(p.getSchema().get("items")) : null;
    this.explode = p.isExplode();
    this.validator = validator;
    this.fast = fast;
  }

  /**
   * The rule for {@code p}; the document's parameters are all simple values or form arrays in path,
   * query and header, so anything else is refused when the document is loaded, not met per request.
   */
  static ParameterRule of(Parameter p, Validator validator, CompiledSchema.Check fast) {
    boolean supported = switch (p.getIn()) {
      case PATH, HEADER -> p.getStyle() == Style.SIMPLE && p.getSchemaType() != SchemaType.OBJECT && p.getSchemaType() != SchemaType.ARRAY;
      case QUERY -> p.getStyle() == Style.FORM && p.getSchemaType() != SchemaType.OBJECT;
      case COOKIE -> false;
    };
    if (!supported) {
      throw new IllegalArgumentException("parameter " + p.getName() + " in " + p.getIn() + " with style " + p.getStyle()
        + " and type " + p.getSchemaType() + " is not supported by the request validation");
    }
    return new ParameterRule(p, validator, fast);
  }

  private static SchemaType itemType(Object items) {
    String t = items instanceof JsonObject o ? o.getString("type") : null;
    if (t == null) {
      return SchemaType.STRING;
    }
    return switch (t) {
      case "integer" -> SchemaType.INTEGER;
      case "number" -> SchemaType.NUMBER;
      case "boolean" -> SchemaType.BOOLEAN;
      default -> SchemaType.STRING;
    };
  }

  /** Why the request's value breaks the rule ({@code "limit: must be ..."}), or null when it keeps it. */
  String problem(RoutingContext ctx) {
    Object value;
    if (type == SchemaType.ARRAY) {
      List<String> values = ctx.queryParams().getAll(name);
      if (values.isEmpty()) {
        return required ? field + ": is required" : null;
      }
      value = array(values);
    } else {
      String raw;
      if (in == Location.PATH) {
        raw = ctx.pathParam(name);
      } else {
        List<String> values = in == Location.QUERY ? ctx.queryParams().getAll(name) : ctx.request().headers().getAll(name);
        if (values.size() > 1) {
          // Which one a handler would read is arbitrary (parameter pollution): refuse rather than guess.
          return field + ": must be given once";
        }
        raw = values.isEmpty() ? null : values.get(0);
      }
      if (raw == null) {
        return required ? field + ": is required" : null;
      }
      value = convert(raw, type);
    }
    if (fast != null && fast.test(value) == CompiledSchema.Verdict.VALID) {
      return null;
    }
    OutputUnit result = validator.validate(value);
    return Boolean.TRUE.equals(result.getValid()) ? null : ValidationProblem.parameter(field, result);
  }

  private JsonArray array(List<String> values) {
    JsonArray array = new JsonArray();
    for (String v : values) {
      if (explode) {
        array.add(convert(v, itemType));
      } else {
        for (String part : v.split(",", -1)) {
          array.add(convert(part, itemType));
        }
      }
    }
    return array;
  }

  /** {@code raw} as the JSON value it stands for when it is written as one of {@code type}; else the string. */
  static Object convert(String raw, SchemaType type) {
    switch (type) {
      case INTEGER:
        if (isAsciiInteger(raw)) {
          return raw.length() <= 18 ? (Object) Long.parseLong(raw) : new BigInteger(raw);
        }
        return raw;
      case NUMBER:
        if (isAsciiNumber(raw)) {
          return new BigDecimal(raw);
        }
        return raw;
      case BOOLEAN:
        return "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : raw;
      default:
        return raw;
    }
  }

  private static boolean isAsciiInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start || s.length() > 1000) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiNumber(String s) {
    // JSON's number grammar: -?int(.digits)?([eE][+-]?digits)?
    return s.length() <= 1000 && s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  }
}
