package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * RFC 9457 problem details, plus {@code error} (the text the original's clients read) and the
 * stable machine {@code code}. The HTTP status comes from the code, in one place.
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {
  }

  public static JsonObject body(ErrorCode code, String detail) {
    return new JsonObject()
      .put("type", "urn:booker:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'))
      .put("title", title(code))
      .put("status", code.httpStatus())
      .put("detail", detail)
      .put("error", detail)
      .put("code", code.name());
  }

  public static void send(RoutingContext ctx, ServiceException e) {
    send(ctx, e.code(), e.getMessage());
  }

  public static void send(RoutingContext ctx, ErrorCode code, String detail) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
      .setStatusCode(code.httpStatus())
      .putHeader("content-type", CONTENT_TYPE)
      .end(body(code, detail).encode());
  }

  static String title(ErrorCode code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
