package io.booker.gateway.live;

import io.vertx.core.json.JsonObject;

/**
 * The limits and timers of the WebSocket endpoint, from the {@code gateway.live} config section
 * (see docs/websocket.md).
 *
 * @param authTimeoutMs     a socket opened without a token must authenticate within this ({@code auth_timeout_ms}, 10 s)
 * @param pingIntervalMs    the server pings every socket this often ({@code ping_interval_ms}, 25 s)
 * @param idleTimeoutMs     a socket that sent nothing (no message, no pong) for this long is closed ({@code idle_timeout_ms}, 60 s)
 * @param maxVenues         venues one socket may subscribe to ({@code max_venues}, 50)
 * @param maxMessageBytes   largest text message a client may send ({@code max_message_bytes}, 8 KiB)
 * @param maxBadMessages    invalid messages a socket may send before it is closed ({@code max_bad_messages}, 20)
 * @param resumeLimit       most events one catch-up replays; more is a {@code RESUME_UNAVAILABLE} ({@code resume_limit}, 1000)
 * @param catchUpBuffer     live events held back while a catch-up runs (more ends the catch-up), or while a new subscription registers ({@code catch_up_buffer}, 1000)
 */
public record LiveSettings(long authTimeoutMs, long pingIntervalMs, long idleTimeoutMs, int maxVenues, int maxMessageBytes,
                           int maxBadMessages, int resumeLimit, int catchUpBuffer) {

  public LiveSettings {
    if (authTimeoutMs <= 0 || pingIntervalMs <= 0 || idleTimeoutMs <= 0) {
      throw new IllegalArgumentException("gateway.live timeouts and intervals must be positive");
    }
    if (maxVenues < 1 || maxMessageBytes < 256 || maxBadMessages < 1 || catchUpBuffer < 1) {
      throw new IllegalArgumentException("gateway.live limits are too small");
    }
    if (resumeLimit < 1 || resumeLimit > 1000) {
      throw new IllegalArgumentException("gateway.live.resume_limit must be between 1 and 1000 (ListEvents' limit)");
    }
  }

  public static LiveSettings from(JsonObject live) {
    return new LiveSettings(
      live.getLong("auth_timeout_ms", 10_000L),
      live.getLong("ping_interval_ms", 25_000L),
      live.getLong("idle_timeout_ms", 60_000L),
      live.getInteger("max_venues", 50),
      live.getInteger("max_message_bytes", 8192),
      live.getInteger("max_bad_messages", 20),
      live.getInteger("resume_limit", 1000),
      live.getInteger("catch_up_buffer", 1000));
  }

  /** How often a socket's timers are checked: often enough that the idle limit is kept to a quarter of itself. */
  long tickMs() {
    return Math.max(50, Math.min(pingIntervalMs, idleTimeoutMs / 4));
  }
}
