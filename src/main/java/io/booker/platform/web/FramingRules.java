package io.booker.platform.web;

import io.booker.common.ErrorCode;

import java.util.Locale;

/**
 * What the edge accepts of a request's version, {@code Host} and body framing (RFC 9112 §2.3,
 * §3.2, §6.1), as plain checks the request decoder runs once per request. A body is delimited by
 * {@code Content-Length} or by a single {@code Transfer-Encoding: chunked}, never both, so that
 * the edge and anything in front of it cannot disagree on where a request ends (request smuggling).
 * Each check answers null when the request is acceptable, else the refusal.
 */
final class FramingRules {

  private FramingRules() {
  }

  /** HTTP/1.0 and HTTP/1.1 only: this edge speaks nothing else (505). */
  static RequestRefused version(String version) {
    if ("HTTP/1.1".equals(version) || "HTTP/1.0".equals(version)) {
      return null;
    }
    return new RequestRefused(ErrorCode.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.1 and HTTP/1.0 are served");
  }

  /** Exactly one {@code Host} on HTTP/1.1, at most one on HTTP/1.0 (400). */
  static RequestRefused hosts(int count, boolean http10) {
    if (count == 1 || count == 0 && http10) {
      return null;
    }
    return new RequestRefused(ErrorCode.INVALID_ARGUMENT, count == 0 ? "the request has no Host header" : "the request has more than one Host header");
  }

  /**
   * The {@code Transfer-Encoding} of a request that has one: {@code lines} header lines, the first
   * being {@code value}. Only one line of exactly {@code chunked} (any case, surrounding space
   * allowed), on HTTP/1.1, without {@code Content-Length}, is accepted. A coding the edge does not
   * implement is a 501; every other combination is a 400.
   */
  static RequestRefused transferEncoding(int lines, String value, boolean hasContentLength, boolean http10) {
    String trimmed = value.trim();
    if (lines == 1 && trimmed.equalsIgnoreCase("chunked")) {
      if (hasContentLength) {
        return new RequestRefused(ErrorCode.INVALID_ARGUMENT, "the request has both Content-Length and Transfer-Encoding");
      }
      return http10 ? new RequestRefused(ErrorCode.INVALID_ARGUMENT, "Transfer-Encoding is not allowed on HTTP/1.0") : null;
    }
    for (String coding : trimmed.split(",", -1)) {
      String name = coding.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        return new RequestRefused(ErrorCode.INVALID_ARGUMENT, "the request's Transfer-Encoding is malformed");
      }
      if (!name.equals("chunked") && !name.equals("identity")) {
        return new RequestRefused(ErrorCode.UNIMPLEMENTED, "transfer coding '" + printable(name) + "' is not implemented");
      }
    }
    return new RequestRefused(ErrorCode.INVALID_ARGUMENT, "the only transfer coding accepted is a single Transfer-Encoding: chunked");
  }

  /** A client's coding name as it may appear in an answer: short, visible ASCII only. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && out.length() < 32; i++) {
      char c = name.charAt(i);
      out.append(c > 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
