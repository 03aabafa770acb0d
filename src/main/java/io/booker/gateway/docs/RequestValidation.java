package io.booker.gateway.docs;

import io.booker.common.ErrorCode;
import io.booker.platform.web.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Validates each {@code /api/v1} request against its operation in the OpenAPI document before the
 * route's own handler runs (placed after the route's access check, so an unauthorised caller learns
 * nothing about shapes): path, query and header parameters by type, format and bounds, the body
 * against its schema (required where it is, unknown fields refused). A failure is a 400 problem
 * ({@code INVALID_ARGUMENT}) whose detail names the field first ({@link ValidationProblem}); a body
 * in a JSON media type the operation does not list is a 415.
 *
 * <p>The document is read and every operation's validators are built once, at start
 * ({@link OperationRules}); a request only looks its operation up by its route and runs them. The
 * check runs on the event loop; only a large body (over {@value #INLINE_BODY_BYTES} bytes, up to the
 * edge's body limit) is checked on a worker so that one hostile body cannot stall other requests.
 */
public final class RequestValidation implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(RequestValidation.class);
  /** Bodies up to this size are checked in place: a few microseconds. */
  static final int INLINE_BODY_BYTES = 8 * 1024;

  private final Vertx vertx;
  /** Operation by route template as the API router knows it ({@code /venues/:id}), then by method. */
  private final Map<String, Map<HttpMethod, OperationRules>> operations;

  private RequestValidation(Vertx vertx, Map<String, Map<HttpMethod, OperationRules>> operations) {
    this.vertx = vertx;
    this.operations = operations;
  }

  /**
   * Loads {@link ApiDocument} (on a worker thread) as a contract and builds every operation's rules;
   * routes mounted on a router at {@code prefix} (e.g. {@code /api/v1}) are matched to the
   * document's paths under it.
   */
  public static Future<RequestValidation> load(Vertx vertx, String prefix) {
    return vertx.executeBlocking(ApiDocument::load, false).compose(document -> OpenAPIContract.from(vertx, document.forVertxOpenApi())
      // forVertxOpenApi is a fresh copy: the contract annotates the object it is given.
      .compose(contract -> vertx.executeBlocking(() -> new RequestValidation(vertx, rules(contract, document.json(), prefix)), false)));
  }

  private static Map<String, Map<HttpMethod, OperationRules>> rules(OpenAPIContract contract, JsonObject document, String prefix) {
    Map<String, Map<HttpMethod, OperationRules>> byRoute = new HashMap<>();
    for (Operation op : contract.operations()) {
      String path = op.getOpenAPIPath();
      if (!path.startsWith(prefix + "/")) {
        continue;
      }
      String route = path.substring(prefix.length()).replaceAll("\\{([A-Za-z0-9_]+)}", ":$1");
      byRoute.computeIfAbsent(route, r -> new HashMap<>()).put(op.getHttpMethod(), OperationRules.of(op, contract.getSchemaRepository(), document));
    }
    return byRoute;
  }

  @Override
  public void handle(RoutingContext ctx) {
    OperationRules op = operation(ctx);
    if (op == null) {
      // OpenApiContractTest keeps router and document in step; a miss here is a programming error.
      ctx.fail(new IllegalStateException("no documented operation for " + ctx.request().method() + " " + ctx.currentRoute().getPath()));
      return;
    }
    String problem = op.parameterProblem(ctx);
    if (problem != null) {
      refuse(ctx, op, problem);
      return;
    }
    if (!op.acceptsMediaTypeOf(ctx)) {
      Problems.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "request body must be application/json");
      return;
    }
    if (!op.hasBody() || ctx.body() == null || ctx.body().length() <= INLINE_BODY_BYTES) {
      answer(ctx, op, op.bodyProblem(ctx));
      return;
    }
    vertx.executeBlocking(() -> op.bodyProblem(ctx), false).onComplete(ar -> {
      if (ar.succeeded()) {
        answer(ctx, op, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  private static void answer(RoutingContext ctx, OperationRules op, String problem) {
    if (ctx.response().ended()) {
      return;
    }
    if (problem == null) {
      ctx.next();
    } else {
      refuse(ctx, op, problem);
    }
  }

  private static void refuse(RoutingContext ctx, OperationRules op, String detail) {
    log.debug("event=request_invalid operation={} detail=\"{}\"", op.operationId(), detail);
    Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, detail);
  }

  private OperationRules operation(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    String template = route == null ? null : route.getPath();
    Map<HttpMethod, OperationRules> byMethod = template == null ? null : operations.get(template);
    if (byMethod == null) {
      return null;
    }
    HttpMethod method = ctx.request().method();
    return byMethod.get(method == HttpMethod.HEAD ? HttpMethod.GET : method);
  }
}
