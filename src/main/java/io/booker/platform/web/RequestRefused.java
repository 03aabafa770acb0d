package io.booker.platform.web;

import io.booker.common.ErrorCode;

/**
 * Why the request decoder refused a request's framing (its version, {@code Host}, or how its body
 * is delimited). It travels as the failed request's decoder result to {@link InvalidRequests},
 * which answers it as a problem of this code and closes the connection.
 *
 * <p>No stack trace: it is a client's doing, raised on the event loop, and never logged with one.
 */
public final class RequestRefused extends RuntimeException {

  private final ErrorCode code;

  public RequestRefused(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
