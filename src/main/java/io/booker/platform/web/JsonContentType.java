package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Refuses (415) a POST, PUT or PATCH whose body is not JSON: a {@code Content-Type} other than
 * {@code application/json} (or {@code application/*+json}, UTF-8), or a body without one. Checked
 * on the headers, before the body is read.
 */
public final class JsonContentType implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    HttpMethod m = req.method();
    if (m != HttpMethod.POST && m != HttpMethod.PUT && m != HttpMethod.PATCH) {
      ctx.next();
      return;
    }
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null ? hasBody(req) : !isJson(type)) {
      Problems.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "request body must be application/json");
      return;
    }
    ctx.next();
  }

  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    return req.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.trim().equals("0"));
  }

  static boolean isJson(String contentType) {
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    String media = parts[0].trim();
    if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("charset=") && !p.substring("charset=".length()).replace("\"", "").equals("utf-8")) {
        return false;
      }
    }
    return true;
  }
}
