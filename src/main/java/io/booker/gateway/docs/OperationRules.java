package io.booker.gateway.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one operation of the OpenAPI document asks of a request, with every schema validator built
 * once, when the document is loaded. Building a validator dereferences and copies the document's
 * schemas; done per request it cost about a third of the gateway's CPU under load (issue 17).
 * The validators keep no state between calls, so one instance serves every request and thread. A
 * request the compiled schemas accept is not shown to the validators at all.
 */
final class OperationRules {

  private final String operationId;
  private final List<ParameterRule> parameters;
  private final boolean bodyRequired;
  /** The JSON body's schema; null when the operation takes no body. */
  private final Validator body;
  /** The body's schema compiled; null when it uses what {@link CompiledSchema} does not handle. */
  private final CompiledSchema.Check fastBody;

  private OperationRules(String operationId, List<ParameterRule> parameters, boolean bodyRequired, Validator body,
                         CompiledSchema.Check fastBody) {
    this.operationId = operationId;
    this.parameters = parameters;
    this.bodyRequired = bodyRequired;
    this.body = body;
    this.fastBody = fastBody;
  }

  /**
   * The rules of {@code op}: its validators from the contract's {@code schemas}, and the same
   * schemas compiled from the raw {@code document} for the fast path ({@link CompiledSchema}).
   */
  static OperationRules of(Operation op, SchemaRepository schemas, JsonObject document) {
    JsonObject path = document.getJsonObject("paths").getJsonObject(op.getOpenAPIPath());
    JsonObject raw = path.getJsonObject(op.getHttpMethod().name().toLowerCase(Locale.ROOT));
    List<ParameterRule> parameters = new ArrayList<>();
    for (Parameter p : op.getParameters()) {
      Object schema = rawParameterSchema(document, path, raw, p);
      parameters.add(ParameterRule.of(p, schemas.validator(p.getSchema()), CompiledSchema.compile(schema, document)));
    }
    Validator body = null;
    CompiledSchema.Check fastBody = null;
    boolean required = false;
    if (op.getRequestBody() != null) {
      MediaType json = op.getRequestBody().getContent().get("application/json");
      if (json == null || op.getRequestBody().getContent().size() != 1) {
        throw new IllegalArgumentException("operation " + op.getOperationId() + ": only application/json request bodies are supported");
      }
      body = schemas.validator(json.getSchema());
      required = op.getRequestBody().isRequired();
      Object rawBody = resolve(document, raw.getValue("requestBody"));
      fastBody = CompiledSchema.compile(((JsonObject) rawBody).getJsonObject("content").getJsonObject("application/json").getValue("schema"), document);
    }
    return new OperationRules(op.getOperationId(), List.copyOf(parameters), required, body, fastBody);
  }

  /** The schema of parameter {@code p} as written: the operation's own declaration wins over the path's. */
  private static Object rawParameterSchema(JsonObject document, JsonObject path, JsonObject op, Parameter p) {
    Object found = null;
    for (JsonObject declared : new JsonObject[] {path, op}) {
      for (Object item : declared.getJsonArray("parameters", new JsonArray())) {
        JsonObject param = (JsonObject) resolve(document, item);
        if (p.getName().equals(param.getString("name")) && p.getIn().name().equalsIgnoreCase(param.getString("in"))) {
          found = param.getValue("schema");
        }
      }
    }
    return found;
  }

  /** {@code item} itself, or what its {@code $ref} points to in {@code document}. */
  private static Object resolve(JsonObject document, Object item) {
    Object at = item;
    while (at instanceof JsonObject o && o.getValue("$ref") instanceof String ref && ref.startsWith("#/")) {
      at = document;
      for (String part : ref.substring(2).split("/")) {
        at = ((JsonObject) at).getValue(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return at;
  }

  String operationId() {
    return operationId;
  }

  boolean hasBody() {
    return body != null;
  }

  /**
   * Whether a request with a body names a media type the operation lists ({@code application/json}
   * with any parameters; the edge already refused other charsets and non-JSON types).
   */
  boolean acceptsMediaTypeOf(RoutingContext ctx) {
    RequestBody requestBody = ctx.body();
    if (body == null || requestBody == null || requestBody.isEmpty()) {
      return true;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return false;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().equalsIgnoreCase("application/json");
  }

  /** Why the request's parameters break the document (the first problem found), or null. */
  String parameterProblem(RoutingContext ctx) {
    for (ParameterRule p : parameters) {
      String problem = p.problem(ctx);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * Why the body breaks the document, or null. The body was read by the BodyHandler and its JSON
   * syntax checked by {@code JsonBodyLimits}; an object is parsed once and kept by the context for
   * the route's handler.
   */
  String bodyProblem(RoutingContext ctx) {
    if (body == null) {
      return null;
    }
    RequestBody requestBody = ctx.body();
    if (requestBody == null || requestBody.isEmpty()) {
      return bodyRequired ? "body: is required" : null;
    }
    Object value;
    try {
      value = startsObject(requestBody.buffer()) ? requestBody.asJsonObject() : Json.decodeValue(requestBody.buffer());
    } catch (DecodeException | ClassCastException e) {
      return "body: is not valid JSON";
    }
    if (fastBody != null && fastBody.test(value) == CompiledSchema.Verdict.VALID) {
      return null;
    }
    OutputUnit result = body.validate(value);
    return Boolean.TRUE.equals(result.getValid()) ? null : ValidationProblem.body(result);
  }

  private static boolean startsObject(Buffer buffer) {
    for (int i = 0; i < buffer.length(); i++) {
      byte b = buffer.getByte(i);
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{';
      }
    }
    return false;
  }
}
