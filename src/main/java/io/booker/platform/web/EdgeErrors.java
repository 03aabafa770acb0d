package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * The error handlers of an edge router: every failure the router or a route reports becomes a
 * problem. Client mistakes keep their 4xx status and stable code and are not logged as errors;
 * anything unexpected is a 500 whose correlation id is both in the answer and in the one ERROR
 * log line that has the stack trace (never in the answer).
 */
public final class EdgeErrors {

  private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

  /** Statuses Vert.x-web itself may fail a request with, answered as problems of these codes. */
  private static final ErrorCode[] CLIENT_ERRORS = {
    ErrorCode.INVALID_ARGUMENT, ErrorCode.UNAUTHENTICATED, ErrorCode.PERMISSION_DENIED,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.REQUEST_TIMEOUT,
  };

  private EdgeErrors() {
  }

  /** Installs the handlers on {@code router}; {@code allowed} names the methods for a 405's {@code Allow}. */
  public static void install(Router router, AllowedMethods allowed, long maxBodyBytes) {
    router.errorHandler(404, ctx -> {
      // A path another router serves with other methods (the WebSocket's GET on the root router,
      // seen from the API router's 404) is a resource that exists: 405, as within one router.
      String allow = allowed.allow(ctx.normalizedPath());
      if (allow.isEmpty() || List.of(allow.split(", ")).contains(ctx.request().method().name())) {
        // No route for the path, or one whose own handler found nothing (a file the app does not have).
        Problems.send(ctx, ErrorCode.NOT_FOUND, "no route for " + ctx.request().method() + " " + ctx.request().path());
      } else {
        methodNotAllowed(ctx, allow);
      }
    });
    router.errorHandler(405, ctx -> methodNotAllowed(ctx, allowed.allow(ctx.normalizedPath())));
    router.errorHandler(413, ctx -> Problems.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + maxBodyBytes + " bytes"));
    for (ErrorCode code : CLIENT_ERRORS) {
      router.errorHandler(code.httpStatus(), ctx -> Problems.send(ctx, failureOr(ctx, code)));
    }
    router.errorHandler(500, EdgeErrors::unexpected);
  }

  private static void methodNotAllowed(RoutingContext ctx, String allow) {
    if (!allow.isEmpty()) {
      ctx.response().putHeader("Allow", allow);
    }
    Problems.send(ctx, ErrorCode.METHOD_NOT_ALLOWED, "method " + ctx.request().method() + " is not allowed on " + ctx.request().path());
  }

  private static void unexpected(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ServiceException se && se.code() != ErrorCode.INTERNAL) {
      Problems.send(ctx, se);
    } else if (failure instanceof DecodeException) {
      Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON");
    } else {
      String correlationId = UUID.randomUUID().toString();
      log.error("event=unhandled_failure correlation_id={} method={} path={}", correlationId, ctx.request().method(), ctx.request().path(), failure);
      Problems.sendInternal(ctx, correlationId);
    }
  }

  /** The failure's own problem when it is a service exception, else a generic one for {@code code}. */
  private static ServiceException failureOr(RoutingContext ctx, ErrorCode code) {
    return ctx.failure() instanceof ServiceException se ? se
      : new ServiceException(code, code == ErrorCode.INVALID_ARGUMENT ? "request is not valid" : Problems.title(code));
  }
}
