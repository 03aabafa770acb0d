package io.booker.gateway.docs;

import io.booker.common.ErrorCode;
import io.booker.platform.web.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Validates each {@code /api/v1} request against its operation in the OpenAPI document before the
 * route's own handler runs (placed after the route's access check, so an unauthorised caller learns
 * nothing about shapes): path, query and header parameters by type, format and bounds, the body
 * against its schema (required where it is, unknown fields refused). A failure is a 400 problem
 * ({@code INVALID_ARGUMENT}) whose detail names the field first ({@link ValidationProblem}); a
 * body the contract cannot read as JSON is a 415. The body was read by the API's BodyHandler.
 */
public final class RequestValidation implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(RequestValidation.class);

  private final RequestValidator validator;
  /** Operation by "METHOD /api/v1/path/{param}", the form of the document's paths. */
  private final Map<String, Operation> operations = new HashMap<>();
  private final String prefix;

  private RequestValidation(Vertx vertx, OpenAPIContract contract, String prefix) {
    this.validator = RequestValidator.create(vertx, contract);
    this.prefix = prefix;
    for (Operation op : contract.operations()) {
      operations.put(op.getHttpMethod().name() + " " + op.getOpenAPIPath(), op);
    }
  }

  /**
   * Loads {@link ApiDocument} (on a worker thread) as a contract; routes mounted on a router at
   * {@code prefix} (e.g. {@code /api/v1}) are matched to the document's paths under it.
   */
  public static Future<RequestValidation> load(Vertx vertx, String prefix) {
    return vertx.executeBlocking(() -> ApiDocument.load().forVertxOpenApi(), false)
      // forVertxOpenApi is a fresh copy: the contract annotates the object it is given.
      .compose(json -> OpenAPIContract.from(vertx, json))
      .map(contract -> new RequestValidation(vertx, contract, prefix));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation op = operation(ctx);
    if (op == null) {
      // OpenApiContractTest keeps router and document in step; a miss here is a programming error.
      ctx.fail(new IllegalStateException("no documented operation for " + ctx.request().method() + " " + ctx.currentRoute().getPath()));
      return;
    }
    RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture(body(ctx)))
      .compose(request -> validator.validate(request, op.getOperationId()))
      .onComplete(ar -> {
        if (ctx.response().ended()) {
          return;
        }
        if (ar.succeeded()) {
          ctx.next();
        } else if (ar.cause() instanceof ValidatorException e) {
          refuse(ctx, op, e);
        } else {
          ctx.fail(ar.cause());
        }
      });
  }

  private static void refuse(RoutingContext ctx, Operation op, ValidatorException e) {
    if (e.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && e.getMessage() != null && e.getMessage().contains("body")) {
      Problems.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "request body must be application/json");
      return;
    }
    String detail = ValidationProblem.detail(e);
    log.debug("event=request_invalid operation={} detail=\"{}\"", op.getOperationId(), detail);
    Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, detail);
  }

  private Operation operation(RoutingContext ctx) {
    HttpMethod method = ctx.request().method() == HttpMethod.HEAD ? HttpMethod.GET : ctx.request().method();
    String template = ctx.currentRoute().getPath();
    if (template == null) {
      return null;
    }
    String path = prefix + template.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
    return operations.get(method.name() + " " + path);
  }

  /** The body as read by the BodyHandler; none (or empty) is {@code null}, which "required" catches. */
  private static Buffer body(RoutingContext ctx) {
    RequestBody body = ctx.body();
    return body == null || body.isEmpty() ? null : body.buffer();
  }
}
