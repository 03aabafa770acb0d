package io.booker.platform.web;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The limits of the HTTP edge, from the {@code http} config section (see README, "Configuration").
 *
 * @param maxBodyBytes          largest request body ({@code http.max_body_bytes}, 64 KiB)
 * @param maxInitialLineLength  longest request line ({@code http.max_initial_line_length}, 8192): longer is a 414
 * @param maxHeaderSize         largest header block ({@code http.max_header_size}, 16384): larger is a 431
 * @param maxJsonDepth          deepest nesting of a JSON body ({@code http.max_json_depth}, 32)
 * @param idleTimeoutMs         a connection with no traffic either way is closed ({@code http.idle_timeout_ms}, 60 s)
 * @param readTimeoutMs         a request must arrive whole (headers, then body) within this ({@code http.read_timeout_ms}, 10 s)
 * @param requestTimeoutMs      deadline of the service calls made for one request ({@code http.request_timeout_ms}, 10 s)
 * @param corsOrigins           origins allowed to call from a browser ({@code http.cors_origins}, none)
 */
public record HttpEdgeSettings(long maxBodyBytes, int maxInitialLineLength, int maxHeaderSize, int maxJsonDepth,
                               long idleTimeoutMs, long readTimeoutMs, long requestTimeoutMs, List<String> corsOrigins) {

  public static HttpEdgeSettings from(JsonObject http) {
    JsonArray origins = http.getJsonArray("cors_origins", new JsonArray());
    return new HttpEdgeSettings(
      http.getLong("max_body_bytes", 64L * 1024),
      http.getInteger("max_initial_line_length", 8192),
      http.getInteger("max_header_size", 16384),
      http.getInteger("max_json_depth", 32),
      http.getLong("idle_timeout_ms", 60_000L),
      http.getLong("read_timeout_ms", 10_000L),
      http.getLong("request_timeout_ms", 10_000L),
      origins.stream().map(String::valueOf).toList());
  }

  /**
   * Server options carrying the request-line, header and idle limits. HTTP/1.1 only: the limits
   * and the slow-client guard are made for it, and no client of the edge needs cleartext HTTP/2.
   */
  public HttpServerOptions serverOptions() {
    return new HttpServerOptions()
      .setHttp2ClearTextEnabled(false)
      .setMaxInitialLineLength(maxInitialLineLength)
      .setMaxHeaderSize(maxHeaderSize)
      .setIdleTimeout((int) idleTimeoutMs)
      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }
}
