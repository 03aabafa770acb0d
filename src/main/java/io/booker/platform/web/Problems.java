package io.booker.platform.web;

import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.tracing.Tracing;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    Tracing.currentSpan().setAttribute(TraceAttributes.ERROR_CODE, code.name());
    ctx.response()
      .setStatusCode(code.httpStatus())
      .putHeader("content-type", CONTENT_TYPE)
      .end(body(code, detail).encode());
  }

  /**
   * A 500 whose body carries {@code correlationId}, the id the ERROR log line of the failure names,
   * so that a client's report can be matched to the log without the answer revealing anything.
   */
  public static void sendInternal(RoutingContext ctx, String correlationId) {
    if (ctx.response().ended()) {
      return;
    }
    Tracing.currentSpan().setAttribute(TraceAttributes.ERROR_CODE, ErrorCode.INTERNAL.name());
    ctx.response()
      .setStatusCode(ErrorCode.INTERNAL.httpStatus())
      .putHeader("content-type", CONTENT_TYPE)
      .end(body(ErrorCode.INTERNAL, "internal error (correlation id " + correlationId + ")")
        .put("correlation_id", correlationId).encode());
  }

  /** Writes a problem straight to a response, for answers given outside a router. */
  public static Future<Void> write(HttpServerResponse response, ErrorCode code, String detail) {
    Tracing.currentSpan().setAttribute(TraceAttributes.ERROR_CODE, code.name());
    return response
      .setStatusCode(code.httpStatus())
      .putHeader("content-type", CONTENT_TYPE)
      .end(body(code, detail).encode());
  }

  /**
   * A whole HTTP/1.1 answer carrying a problem, with the edge's headers and {@code Connection: close},
   * for the few answers written straight to a connection on which no request could be read.
   */
  static byte[] rawHttp11(ErrorCode code, String detail) {
    byte[] body = body(code, detail).encode().getBytes(StandardCharsets.UTF_8);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
      .set("content-type", CONTENT_TYPE)
      .set("content-length", Integer.toString(body.length))
      .set("connection", "close");
    EdgeHeaders.apply(headers, null);
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(code.httpStatus()).append(' ')
      .append(HttpResponseStatus.valueOf(code.httpStatus()).reasonPhrase()).append("\r\n");
    headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
    byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  public static String title(ErrorCode code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
