package io.booker.platform.rpc;

import io.vertx.core.json.JsonObject;

/**
 * What one gRPC server accepts from a client, read from a service's config section.
 *
 * @param maxMessageBytes  largest request message, before and after decompression ({@code grpc_max_message_bytes})
 * @param messageTimeoutMs time a call has to deliver its whole request message ({@code grpc_message_timeout_ms});
 *                         a stream that is opened but never finishes its message is answered and reset after it
 * @param idleTimeoutS     a connection without any traffic for this long is closed ({@code grpc_idle_timeout_s})
 * @param maxConcurrentStreams HTTP/2 streams one connection may have open at once ({@code grpc_max_concurrent_streams})
 * @param maxHeaderListBytes   HTTP/2 header list size one request may carry ({@code grpc_max_header_list_bytes})
 */
public record GrpcLimits(int maxMessageBytes, long messageTimeoutMs, int idleTimeoutS, long maxConcurrentStreams,
                         int maxHeaderListBytes) {

  /**
   * The defaults: 256 KB messages (the vertx-grpc default), 10 s to send one, 120 s idle (longer than
   * the 60 s after which a Vert.x client drops an unused connection itself), 100 streams and 8 KB of
   * headers (the Vert.x defaults, stated here so that they are visible and configurable).
   */
  public static final GrpcLimits DEFAULTS = new GrpcLimits(256 * 1024, 10_000, 120, 100, 8 * 1024);

  public GrpcLimits {
    if (maxMessageBytes <= 0 || messageTimeoutMs <= 0 || idleTimeoutS <= 0 || maxConcurrentStreams <= 0 || maxHeaderListBytes <= 0) {
      throw new IllegalArgumentException("gRPC limits must be positive: " + maxMessageBytes + "/" + messageTimeoutMs + "/"
        + idleTimeoutS + "/" + maxConcurrentStreams + "/" + maxHeaderListBytes);
    }
  }

  /** The limits a service's config section sets, the defaults for the keys it leaves out. */
  public static GrpcLimits of(JsonObject cfg) {
    return new GrpcLimits(
      cfg.getInteger("grpc_max_message_bytes", DEFAULTS.maxMessageBytes),
      cfg.getLong("grpc_message_timeout_ms", DEFAULTS.messageTimeoutMs),
      cfg.getInteger("grpc_idle_timeout_s", DEFAULTS.idleTimeoutS),
      cfg.getLong("grpc_max_concurrent_streams", DEFAULTS.maxConcurrentStreams),
      cfg.getInteger("grpc_max_header_list_bytes", DEFAULTS.maxHeaderListBytes));
  }
}
