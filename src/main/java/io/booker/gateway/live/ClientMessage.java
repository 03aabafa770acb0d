package io.booker.gateway.live;

import io.booker.common.Ids;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A message a client sends on the socket, parsed and checked (see docs/websocket.md). Unknown
 * fields are ignored, so clients may send what a later version reads.
 */
sealed interface ClientMessage {

  /** {@code {"type":"auth","token":"..."}}: the first authentication, or a renewal. */
  record Auth(String token) implements ClientMessage {
  }

  /** {@code {"type":"subscribe","venue_ids":[...]}}, optionally resuming after an event or from a time. */
  record Subscribe(List<String> venueIds, String sinceEventId, Long since) implements ClientMessage {
    boolean resumes() {
      return sinceEventId != null || since != null;
    }
  }

  /** {@code {"type":"unsubscribe","venue_ids":[...]}}. */
  record Unsubscribe(List<String> venueIds) implements ClientMessage {
  }

  /** {@code {"type":"ping"}}: answered with a pong (for clients that cannot send ping frames). */
  record Ping() implements ClientMessage {
  }

  /** Why a message was refused; the text goes back to the client. */
  final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static ClientMessage parse(String text, int maxVenues) throws Invalid {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      throw new Invalid("message is not a JSON object");
    }
    Object type = json.getValue("type");
    if (!(type instanceof String t)) {
      throw new Invalid("type: is required (a string)");
    }
    return switch (t) {
      case "auth" -> new Auth(token(json));
      case "subscribe" -> subscribe(json, maxVenues);
      case "unsubscribe" -> new Unsubscribe(venueIds(json, maxVenues));
      case "ping" -> new Ping();
      default -> throw new Invalid("type: unknown message type '" + abbreviate(t) + "'");
    };
  }

  private static String token(JsonObject json) throws Invalid {
    if (!(json.getValue("token") instanceof String token) || token.isBlank()) {
      throw new Invalid("token: is required (an access token)");
    }
    return token.strip();
  }

  private static Subscribe subscribe(JsonObject json, int maxVenues) throws Invalid {
    List<String> venues = venueIds(json, maxVenues);
    Object after = json.getValue("since_event_id");
    Object since = json.getValue("since");
    if (after != null && since != null) {
      throw new Invalid("since_event_id, since: give one or the other");
    }
    String afterId = null;
    if (after != null) {
      if (!(after instanceof String s) || !Ids.isCanonical(s)) {
        throw new Invalid("since_event_id: must be an event id (UUID)");
      }
      afterId = s;
    }
    Long sinceSeconds = null;
    if (since != null) {
      if (!(since instanceof Integer || since instanceof Long) || ((Number) since).longValue() < 0) {
        throw new Invalid("since: must be a Unix time in seconds (a non-negative integer)");
      }
      sinceSeconds = ((Number) since).longValue();
    }
    return new Subscribe(venues, afterId, sinceSeconds);
  }

  private static List<String> venueIds(JsonObject json, int maxVenues) throws Invalid {
    if (!(json.getValue("venue_ids") instanceof JsonArray ids) || ids.isEmpty()) {
      throw new Invalid("venue_ids: is required (a non-empty array of venue ids)");
    }
    if (ids.size() > maxVenues) {
      throw new Invalid("venue_ids: at most " + maxVenues + " venues");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!(ids.getValue(i) instanceof String id) || !Ids.isCanonical(id)) {
        throw new Invalid("venue_ids[" + i + "]: must be a venue id (UUID)");
      }
      out.add(id.toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(out);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
