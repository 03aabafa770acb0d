package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP decoder could not read (request line too long: 414, headers too large:
 * 431, framing the edge refuses: its {@link RequestRefused} code, anything else malformed: 400) as
 * problems, like Vert.x's default handler does with bare statuses, then closes the connection: what
 * follows on it cannot be trusted.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest req) {
    Throwable cause = req.decoderResult().cause();
    ErrorCode code;
    String detail;
    if (cause instanceof RequestRefused refused) {
      code = refused.code();
      detail = refused.getMessage();
    } else if (cause instanceof TooLongHttpLineException) {
      code = ErrorCode.URI_TOO_LONG;
      detail = "request line is too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      code = ErrorCode.HEADERS_TOO_LARGE;
      detail = "request headers are too large";
    } else {
      code = ErrorCode.INVALID_ARGUMENT;
      detail = "request is not valid HTTP";
    }
    EdgeHeaders.apply(req.response().headers(), null);
    Problems.write(req.response().putHeader("connection", "close"), code, detail)
      .onComplete(ar -> req.connection().close());
  }
}
