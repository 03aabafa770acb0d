package io.booker.gateway.live;

import io.booker.platform.auth.AccessTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;

/** The control messages the server sends (types without a dot; events have dotted types). See docs/websocket.md. */
final class ServerMessages {

  /** A venue the caller may not see, or that does not exist: one answer for both, as on REST. */
  static final String NOT_FOUND = "NOT_FOUND";
  static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
  /** Missed events cannot be replayed (unknown or too old event, too many, notify unreachable): reload from REST. */
  static final String RESUME_UNAVAILABLE = "RESUME_UNAVAILABLE";

  private ServerMessages() {
  }

  static String ready(AccessTokens.Verified v) {
    return new JsonObject().put("type", "ready").put("user_id", v.caller().userId()).put("role", v.caller().role().wireName())
      .put("expires_at", v.expiresAt()).encode();
  }

  static String subscribed(Collection<String> venueIds) {
    return withVenues("subscribed", venueIds);
  }

  static String unsubscribed(Collection<String> venueIds) {
    return withVenues("unsubscribed", venueIds);
  }

  static String caughtUp(Collection<String> venueIds) {
    return withVenues("caught_up", venueIds);
  }

  static String pong() {
    return new JsonObject().put("type", "pong").encode();
  }

  static String error(String code, String message) {
    return new JsonObject().put("type", "error").put("code", code).put("message", message).encode();
  }

  static String venueError(String code, String venueId, String message) {
    return new JsonObject().put("type", "error").put("code", code).put("venue_id", venueId).put("message", message).encode();
  }

  static String resumeUnavailable(Collection<String> venueIds, String message) {
    return new JsonObject().put("type", "error").put("code", RESUME_UNAVAILABLE).put("venue_ids", new JsonArray(venueIds.stream().toList()))
      .put("message", message).encode();
  }

  private static String withVenues(String type, Collection<String> venueIds) {
    return new JsonObject().put("type", type).put("venue_ids", new JsonArray(venueIds.stream().toList())).encode();
  }
}
