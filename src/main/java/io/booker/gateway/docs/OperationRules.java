package io.booker.gateway.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
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

/**
 * What one operation of the OpenAPI document asks of a request, with every schema validator built
 * once, when the document is loaded. Building a validator dereferences and copies the document's
 * schemas; done per request it cost about a third of the gateway's CPU under load (issue 17).
 * The validators keep no state between calls, so one instance serves every request and thread.
 */
final class OperationRules {

  private final String operationId;
  private final List<ParameterRule> parameters;
  private final boolean bodyRequired;
  /** The JSON body's schema; null when the operation takes no body. */
  private final Validator body;

  private OperationRules(String operationId, List<ParameterRule> parameters, boolean bodyRequired, Validator body) {
    this.operationId = operationId;
    this.parameters = parameters;
    this.bodyRequired = bodyRequired;
    this.body = body;
  }

  static OperationRules of(Operation op, SchemaRepository schemas) {
    List<ParameterRule> parameters = new ArrayList<>();
    for (Parameter p : op.getParameters()) {
      parameters.add(ParameterRule.of(p, schemas.validator(p.getSchema())));
    }
    Validator body = null;
    boolean required = false;
    if (op.getRequestBody() != null) {
      MediaType json = op.getRequestBody().getContent().get("application/json");
      if (json == null || op.getRequestBody().getContent().size() != 1) {
        throw new IllegalArgumentException("operation " + op.getOperationId() + ": only application/json request bodies are supported");
      }
      body = schemas.validator(json.getSchema());
      required = op.getRequestBody().isRequired();
    }
    return new OperationRules(op.getOperationId(), List.copyOf(parameters), required, body);
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
