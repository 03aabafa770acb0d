package io.booker.platform.live;

/**
 * The clustered event-bus addresses on which notify publishes each venue's changes for the gateways'
 * WebSocket clients: one address per venue, so a gateway node only receives the venues its clients
 * subscribed to. A message body is a JSON object {@code {"seq": <long>, "event": <WebSocket message>}}.
 */
public final class LiveEvents {

  public static final String PREFIX = "booker.live.venue.";
  /** Body key: notify's arrival order of the event (the event log's sequence). */
  public static final String SEQ = "seq";
  /** Body key: the WebSocket message itself, REST-shaped. */
  public static final String EVENT = "event";

  private LiveEvents() {
  }

  public static String address(String venueId) {
    return PREFIX + venueId;
  }
}
