package io.booker.gateway.live;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import java.util.Set;
import io.booker.common.ServiceException;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One client's WebSocket connection: authentication (by header before the upgrade, or by the first
 * message) and its renewals and expiry, the client's messages, heartbeats, and the limits that
 * protect the gateway (message size, invalid messages, slow readers); what it subscribed to is its
 * {@link Subscriptions}. See docs/websocket.md for the protocol. Runs on its verticle instance's
 * event loop.
 */
final class LiveSocket implements Subscriptions.Peer {

  private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

  static final short GOING_AWAY = 1001;
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
  private final Subscriptions subscriptions;
  /** The open sockets of this route instance, which a shutdown closes. */
  private final Set<LiveSocket> open;

  private AccessTokens.Verified verified;
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

  LiveSocket(Vertx vertx, ServerWebSocket ws, LiveSettings settings, AccessTokens tokens, VenueFeeds feeds, MissedEvents missed,
             Set<LiveSocket> open) {
    this.vertx = vertx;
    this.open = open;
    this.ws = ws;
    this.settings = settings;
    this.tokens = tokens;
    this.subscriptions = new Subscriptions(this, settings, feeds, missed);
  }

  /** Starts serving the socket; {@code byHeader} is the token verified before the upgrade, or null. */
  void start(AccessTokens.Verified byHeader) {
    Metrics.webSocketOpened();
    open.add(this);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> close(UNSUPPORTED_DATA, "binary messages are not supported"));
    ws.pongHandler(b -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(this::onError);
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
      subscriptions.subscribe(verified.caller(), sub);
    } else if (message instanceof ClientMessage.Unsubscribe unsub) {
      subscriptions.unsubscribe(unsub.venueIds());
    } else {
      send(ServerMessages.pong());
    }
  }

  private void onError(Throwable t) {
    log.debug("event=websocket_error error={}", t.toString());
    if (t instanceof CorruptedWebSocketFrameException corrupted && !counted) {
      // A frame the decoder refused: the close frame went out with its code (LiveFrameLimits), and the connection is dropping.
      counted = true;
      Metrics.webSocketClosed(Integer.toString(corrupted.closeStatus().code()));
    }
  }

  @Override
  public void refuse(String problem) {
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
    subscriptions.retainVisible(v.caller());
    send(ServerMessages.ready(v));
  }

  // ------------------------------------------------------------------ writing, timers, closing

  @Override
  public void send(String text) {
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

  @Override
  public boolean closed() {
    return closed;
  }

  @Override
  public String token() {
    return verified.token();
  }

  /** Closes with {@code code}; answers when the close frame is written (at once if it was closed already). */
  Future<Void> close(short code, String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    counted = true;
    Metrics.webSocketClosed(Short.toString(code));
    log.debug("event=websocket_closed code={} reason={}", code, reason);
    Future<Void> written = ws.close(code, reason);
    cleanUp();
    return written;
  }

  private void cleanUp() {
    if (!counted) {
      // Closed by the client (its code), or the connection dropped (none).
      counted = true;
      Short code = ws.closeStatusCode();
      Metrics.webSocketClosed(Metrics.clientCloseCode(code));
    }
    closed = true;
    open.remove(this);
    vertx.cancelTimer(ticker);
    vertx.cancelTimer(authTimer);
    vertx.cancelTimer(expiryTimer);
    subscriptions.leaveAll();
  }
}
