package io.booker.gateway.live;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.metrics.Metrics;
import io.booker.platform.rpc.RpcErrors;
import io.booker.proto.notify.ListEventsResponse;
import io.booker.proto.notify.LiveEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's WebSocket: authentication (by header before the upgrade, or by the first message)
 * and its renewals, subscriptions, resume, heartbeats and the limits that protect the gateway
 * (see docs/websocket.md for the protocol). Runs on its verticle instance's event loop.
 */
final class LiveSocket implements VenueFeeds.Listener {

  private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

  static final short UNSUPPORTED_DATA = 1003;
  static final short POLICY_VIOLATION = 1008;
  static final short MESSAGE_TOO_BIG = 1009;
  static final short TRY_AGAIN_LATER = 1013;
  static final short UNAUTHENTICATED = 4401;
  static final short IDLE = 4408;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final LiveSettings settings;
  private final AccessTokens tokens;
  private final VenueFeeds feeds;
  private final MissedEvents missed;

  private AccessTokens.Verified verified;
  private final Set<String> subscribed = new LinkedHashSet<>();
  /** Per resumed venue, the last sequence number replayed: a live event at or below it was already sent. */
  private final Map<String, Long> replayedUpTo = new HashMap<>();
  private CatchUp catchUp;
  private long lastHeard = System.currentTimeMillis();
  private long lastPing = lastHeard;
  private int badMessages;
  private boolean verifying;
  private boolean closed;
  /** Whether this socket's close was counted (once, by whoever closed it). */
  private boolean counted;
  private long ticker;
  private long authTimer = -1;
  private long expiryTimer = -1;

  LiveSocket(Vertx vertx, ServerWebSocket ws, LiveSettings settings, AccessTokens tokens, VenueFeeds feeds, MissedEvents missed) {
    this.vertx = vertx;
    this.ws = ws;
    this.settings = settings;
    this.tokens = tokens;
    this.feeds = feeds;
    this.missed = missed;
  }

  /** Starts serving the socket; {@code byHeader} is the token verified before the upgrade, or null. */
  void start(AccessTokens.Verified byHeader) {
    Metrics.increment("websocket_connections_opened");
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> close(UNSUPPORTED_DATA, "binary messages are not supported"));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(t -> log.debug("event=websocket_error error={}", t.toString()));
    ws.closeHandler(v -> cleanUp());
    ticker = vertx.setPeriodic(settings.tickMs(), id -> tick());
    if (byHeader != null) {
      accept(byHeader);
    } else {
      authTimer = vertx.setTimer(settings.authTimeoutMs(), id -> {
        // A token that arrived in time but is still being checked decides for itself.
        if (verified == null && !verifying) {
          close(UNAUTHENTICATED, "not authenticated within " + settings.authTimeoutMs() + " ms");
        }
      });
    }
  }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    if (closed) {
      return;
    }
    // Characters first: only a long message needs its bytes counted.
    if (text.length() * 3L > settings.maxMessageBytes() && text.getBytes(StandardCharsets.UTF_8).length > settings.maxMessageBytes()) {
      close(MESSAGE_TOO_BIG, "message larger than " + settings.maxMessageBytes() + " bytes");
      return;
    }
    ClientMessage message;
    try {
      message = ClientMessage.parse(text, settings.maxVenues());
    } catch (ClientMessage.Invalid e) {
      if (verified == null) {
        close(UNAUTHENTICATED, "authenticate first: {\"type\":\"auth\",\"token\":\"...\"}");
      } else {
        refuse(e.getMessage());
      }
      return;
    }
    if (verified == null && !(message instanceof ClientMessage.Auth)) {
      close(UNAUTHENTICATED, "authenticate first: {\"type\":\"auth\",\"token\":\"...\"}");
      return;
    }
    if (message instanceof ClientMessage.Auth auth) {
      authenticate(auth.token());
    } else if (message instanceof ClientMessage.Subscribe sub) {
      subscribe(sub);
    } else if (message instanceof ClientMessage.Unsubscribe unsub) {
      unsubscribe(unsub.venueIds());
    } else {
      send(ServerMessages.pong());
    }
  }

  private void refuse(String problem) {
    send(ServerMessages.error(ServerMessages.INVALID_ARGUMENT, problem));
    if (++badMessages >= settings.maxBadMessages()) {
      close(POLICY_VIOLATION, "too many invalid messages");
    }
  }

  // ------------------------------------------------------------------ authentication

  private void authenticate(String token) {
    // Nothing else is read until the token is checked: the next message must see its outcome.
    ws.pause();
    verifying = true;
    tokens.verify(token).onComplete(ar -> {
      verifying = false;
      if (closed) {
        return;
      }
      ws.resume();
      if (ar.failed()) {
        close(UNAUTHENTICATED, ar.cause() instanceof ServiceException e ? e.getMessage() : "invalid or expired access token");
      } else if (verified != null && !verified.caller().userId().equals(ar.result().caller().userId())) {
        close(UNAUTHENTICATED, "a renewal must be a token of the same user");
      } else {
        accept(ar.result());
      }
    });
  }

  private void accept(AccessTokens.Verified v) {
    verified = v;
    vertx.cancelTimer(authTimer);
    vertx.cancelTimer(expiryTimer);
    // A renewal must come before this: the client sends a fresh token ahead of the old one's expiry.
    expiryTimer = vertx.setTimer(Math.max(1, v.expiresAt() * 1000 - System.currentTimeMillis()), id -> {
      if (verified == v) {
        close(UNAUTHENTICATED, "token expired");
      }
    });
    // Subscriptions the renewed token no longer allows end now.
    List<String> lost = subscribed.stream().filter(venue -> !v.caller().sees(venue)).toList();
    if (!lost.isEmpty()) {
      lost.forEach(this::drop);
      send(ServerMessages.unsubscribed(lost));
    }
    send(ServerMessages.ready(v));
  }

  // ------------------------------------------------------------------ subscriptions

  private void subscribe(ClientMessage.Subscribe sub) {
    if (sub.resumes() && catchUp != null) {
      refuse("a resume is in progress; wait for caught_up before resuming again");
      return;
    }
    List<String> accepted = new ArrayList<>();
    for (String venue : sub.venueIds()) {
      if (verified.caller().sees(venue)) {
        accepted.add(venue);
      } else {
        // The same answer as for a venue that does not exist.
        send(ServerMessages.venueError(ServerMessages.NOT_FOUND, venue, "venue " + venue + " not found"));
      }
    }
    if (accepted.isEmpty()) {
      return;
    }
    long adding = accepted.stream().filter(v -> !subscribed.contains(v)).count();
    if (subscribed.size() + adding > settings.maxVenues()) {
      refuse("venue_ids: at most " + settings.maxVenues() + " venues per connection");
      return;
    }
    subscribed.addAll(accepted);
    if (sub.resumes()) {
      catchUp = new CatchUp(new LinkedHashSet<>(accepted), settings.catchUpBuffer());
    }
    CatchUp resume = catchUp;
    feeds.joinAll(accepted, this).onComplete(ar -> {
      if (closed) {
        return;
      }
      if (ar.failed()) {
        log.warn("event=live_subscribe_failed error={}", ar.cause().toString());
      }
      send(ServerMessages.subscribed(accepted));
      // Listening first, then reading the log: nothing can fall between the replay and the live events.
      if (sub.resumes() && resume == catchUp) {
        replay(resume, sub);
      }
    });
  }

  private void unsubscribe(List<String> venueIds) {
    venueIds.forEach(this::drop);
    send(ServerMessages.unsubscribed(venueIds));
  }

  private void drop(String venue) {
    if (subscribed.remove(venue)) {
      feeds.leave(venue, this);
      replayedUpTo.remove(venue);
    }
  }

  // ------------------------------------------------------------------ resume

  private void replay(CatchUp resume, ClientMessage.Subscribe sub) {
    missed.list(verified.token(), resume.venueIds(), sub.sinceEventId(), sub.since(), settings.resumeLimit()).onComplete(ar -> {
      if (closed || catchUp != resume) {
        return;
      }
      catchUp = null;
      if (ar.failed()) {
        ServiceException e = RpcErrors.asServiceException(ar.cause());
        String why = e.code() == ErrorCode.NOT_FOUND ? "the event is unknown or too old; reload from the REST API"
          : "missed events cannot be read now; reload from the REST API";
        log.debug("event=live_resume_failed code={} error={}", e.code(), e.getMessage());
        resumeFailed(resume, why);
        return;
      }
      ListEventsResponse page = ar.result();
      if (page.getTruncated()) {
        resumeFailed(resume, "more events were missed than a resume replays; reload from the REST API");
        return;
      }
      if (resume.overflowed()) {
        return; // already told, when it overflowed
      }
      long last = 0;
      for (LiveEvent e : page.getEventsList()) {
        if (subscribed.contains(e.getVenueId())) {
          send(e.getMessage());
        }
        last = Math.max(last, e.getSeq());
      }
      for (CatchUp.Held h : resume.after(last)) {
        if (subscribed.contains(h.venueId())) {
          send(h.event());
        }
      }
      for (String venue : resume.venueIds()) {
        if (subscribed.contains(venue)) {
          replayedUpTo.put(venue, last);
        }
      }
      send(ServerMessages.caughtUp(resume.venueIds()));
    });
  }

  /** The replay failed: the client reloads from REST; the held-back live events follow, then the live stream. */
  private void resumeFailed(CatchUp resume, String why) {
    if (resume.overflowed()) {
      return;
    }
    send(ServerMessages.resumeUnavailable(resume.venueIds(), why));
    for (CatchUp.Held h : resume.after(0)) {
      if (subscribed.contains(h.venueId())) {
        send(h.event());
      }
    }
  }

  // ------------------------------------------------------------------ live events

  @Override
  public void onEvent(String venueId, long seq, String event) {
    if (closed || !subscribed.contains(venueId)) {
      return;
    }
    if (catchUp != null && catchUp.covers(venueId)) {
      if (!catchUp.hold(venueId, seq, event) && catchUp.overflowed()) {
        // Too much arrived while catching up: give the resume up now, live events flow from here.
        CatchUp gaveUp = catchUp;
        catchUp = null;
        send(ServerMessages.resumeUnavailable(gaveUp.venueIds(), "too many events arrived while catching up; reload from the REST API"));
        send(event);
      }
      return;
    }
    Long replayed = replayedUpTo.get(venueId);
    if (replayed != null && seq <= replayed) {
      return; // sent by the replay already
    }
    send(event);
  }

  // ------------------------------------------------------------------ writing, timers, closing

  private void send(String text) {
    if (closed) {
      return;
    }
    if (ws.writeQueueFull()) {
      // A client that does not read is disconnected, not buffered for without bound.
      close(TRY_AGAIN_LATER, "slow client");
      return;
    }
    ws.writeTextMessage(text);
  }

  private void tick() {
    if (closed) {
      return;
    }
    long now = System.currentTimeMillis();
    if (now - lastHeard > settings.idleTimeoutMs()) {
      close(IDLE, "nothing received for " + settings.idleTimeoutMs() + " ms");
      return;
    }
    if (now - lastPing >= settings.pingIntervalMs()) {
      lastPing = now;
      if (!ws.writeQueueFull()) {
        ws.writePing(Buffer.buffer("booker"));
      }
      if (verified != null) {
        recheck();
      }
    }
  }

  /** A token revoked since it was checked (logout, disabled user, changed access) ends the socket. */
  private void recheck() {
    AccessTokens.Verified current = verified;
    tokens.verify(current.token()).onFailure(t -> {
      if (verified == current) {
        close(UNAUTHENTICATED, "the access token was revoked");
      }
    });
  }

  void close(short code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    counted = true;
    Metrics.increment("websocket_connections_closed", "code", Short.toString(code));
    log.debug("event=websocket_closed code={} reason={}", code, reason);
    ws.close(code, reason);
    cleanUp();
  }

  private void cleanUp() {
    if (!counted) {
      // Closed by the client (its code), or the connection dropped (none).
      counted = true;
      Short code = ws.closeStatusCode();
      Metrics.increment("websocket_connections_closed", "code", code == null ? "none" : code.toString());
    }
    closed = true;
    vertx.cancelTimer(ticker);
    vertx.cancelTimer(authTimer);
    vertx.cancelTimer(expiryTimer);
    for (String venue : List.copyOf(subscribed)) {
      feeds.leave(venue, this);
    }
    subscribed.clear();
    catchUp = null;
  }
}
