package io.booker.gateway;

import com.google.protobuf.Message;
import io.booker.common.ErrorCode;
import io.booker.common.Paging;
import io.booker.common.ServiceException;
import io.booker.platform.rpc.RpcErrors;
import io.booker.platform.web.ProtoJson;
import io.booker.platform.web.Problems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/** The shape every REST handler shares: JSON in, a service call, JSON (or a problem) out. */
public final class Rest {

  private Rest() {
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  public static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().isEmpty()) {
      return new JsonObject();
    }
    JsonObject json;
    try {
      json = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new ServiceException(ErrorCode.INVALID_ARGUMENT, "request body must be a JSON object");
    }
    if (json == null) {
      // The body "null" parses to nothing: it is not an object either.
      throw new ServiceException(ErrorCode.INVALID_ARGUMENT, "request body must be a JSON object");
    }
    return json;
  }

  /**
   * An integer query parameter; absent gives {@code 0}, the proto default. Only ASCII digits with an
   * optional minus are numbers: no sign, spaces or digits of other scripts, which Java would accept.
   */
  public static int queryInt(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null) {
      return 0;
    }
    if (!ASCII_INTEGER.matcher(v).matches()) {
      throw ServiceException.invalid(name, "must be an integer");
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ServiceException.invalid(name, "must be an integer");
    }
  }

  /** A 64-bit integer query parameter (Unix seconds and the like); absent gives {@code 0}. */
  public static long queryLong(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null) {
      return 0;
    }
    if (!ASCII_LONG.matcher(v).matches()) {
      throw ServiceException.invalid(name, "must be an integer");
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ServiceException.invalid(name, "must be an integer");
    }
  }

  private static final java.util.regex.Pattern ASCII_LONG = java.util.regex.Pattern.compile("-?[0-9]{1,19}");

  private static final java.util.regex.Pattern ASCII_INTEGER = java.util.regex.Pattern.compile("-?[0-9]{1,10}");

  /**
   * The {@code limit} of a list. On the wire 0 means "the default limit", so an explicit
   * {@code limit=0} in a URL, which the service could not tell from an absent one, is refused here.
   */
  public static int limit(RoutingContext ctx) {
    int limit = queryInt(ctx, "limit");
    if (limit == 0 && ctx.request().getParam("limit") != null) {
      throw ServiceException.invalid("limit", "must be between 1 and " + Paging.MAX_LIMIT);
    }
    return limit;
  }

  /** A query parameter, or empty. */
  public static String query(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null ? "" : v;
  }

  public static <M extends Message> void reply(RoutingContext ctx, int status, Future<M> call) {
    reply(ctx, status, call, ProtoJson::toJson);
  }

  public static <T> void reply(RoutingContext ctx, int status, Future<T> call, Function<T, JsonObject> toJson) {
    call.onComplete(ar -> {
      if (ctx.response().ended()) {
        return;
      }
      if (ar.succeeded()) {
        if (status == 204) {
          ctx.response().setStatusCode(204).end();
        } else {
          ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
            .end(toJson.apply(ar.result()).encode());
        }
      } else {
        ServiceException e = RpcErrors.asServiceException(ar.cause());
        if (e.code() == ErrorCode.INTERNAL) {
          ctx.fail(ar.cause());
        } else {
          Problems.send(ctx, e);
        }
      }
    });
  }
}
