package io.booker.gateway.live;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.booker.platform.auth.AccessTokens;
import io.booker.platform.web.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * {@code GET /api/v1/ws}: the WebSocket of live booking and venue changes (docs/websocket.md).
 * A token in the {@code Authorization} header is checked before the upgrade (a bad one is a 401
 * problem and no upgrade); without one the socket opens and the client authenticates with its
 * first message, as browsers cannot set headers on a WebSocket.
 *
 * <p>Config: {@code gateway.live} ({@link LiveSettings}), {@code clients.notify} (the resume's
 * event log). One instance per gateway verticle instance, with its own venue feeds.
 */
public final class LiveRoute implements Handler<RoutingContext> {

  public static final String PATH = "/api/v1/ws";
  private static final Logger log = LoggerFactory.getLogger(LiveRoute.class);

  private final Vertx vertx;
  private final LiveSettings settings;
  private final AccessTokens tokens;
  private final VenueFeeds feeds;
  private final MissedEvents missed;
  private final Set<LiveSocket> open = new HashSet<>();

  private LiveRoute(Vertx vertx, LiveSettings settings, AccessTokens tokens, MissedEvents missed) {
    this.vertx = vertx;
    this.settings = settings;
    this.tokens = tokens;
    this.feeds = new VenueFeeds(vertx);
    this.missed = missed;
  }

  /**
   * The route's handler, for {@code router.get(LiveRoute.PATH)} on the ROOT router, before the
   * {@code /api/v1} sub-router: the API's body handlers and per-request service deadline are made
   * for requests that end, and a socket lives on (its calls to notify carry their own timeout).
   *
   * @param live          the {@code gateway.live} config section
   * @param notifyClient  the {@code clients.notify} config section
   */
  public static LiveRoute create(Vertx vertx, AccessTokens tokens, JsonObject live, JsonObject notifyClient) {
    return new LiveRoute(vertx, LiveSettings.from(live), tokens, new MissedEvents(vertx, notifyClient));
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
    Future<AccessTokens.Verified> byHeader = authorization == null ? Future.succeededFuture() : tokens.verifyHeader(authorization);
    // Paused while the token is checked: the upgrade must find the request as it came.
    req.pause();
    byHeader.onComplete(ar -> {
      req.resume();
      if (ar.failed()) {
        ServiceException e = ar.cause() instanceof ServiceException s ? s : new ServiceException(ErrorCode.UNAUTHENTICATED, "invalid or expired access token");
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"booker\"");
        Problems.send(ctx, e);
        return;
      }
      if (!isUpgrade(req)) {
        Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, "this endpoint is a WebSocket: send an upgrade request (Upgrade: websocket)");
        return;
      }
      req.toWebSocket().onComplete(ws -> {
        if (ws.succeeded()) {
          LiveSocket socket = new LiveSocket(vertx, ws.result(), settings, tokens, feeds, missed, open);
          LiveFrameLimits.install(req.connection(), settings.maxMessageBytes(),
            () -> socket.close(LiveSocket.MESSAGE_TOO_BIG, "message larger than " + settings.maxMessageBytes() + " bytes"));
          socket.start(ar.result());
        } else {
          log.debug("event=websocket_upgrade_failed error={}", ws.cause().toString());
          Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, "the WebSocket handshake failed");
        }
      });
    });
  }

  /**
   * Closes every open socket with 1001 (going away), so clients reconnect, to another node if this
   * one is leaving, and resume from their last event instead of waiting for a dead connection to time out.
   */
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (LiveSocket socket : List.copyOf(open)) {
      closing.add(socket.close(LiveSocket.GOING_AWAY, "server shutting down"));
    }
    return Future.join(closing).mapEmpty();
  }

  private static boolean isUpgrade(HttpServerRequest req) {
    String upgrade = req.getHeader(HttpHeaders.UPGRADE);
    String connection = req.getHeader(HttpHeaders.CONNECTION);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket")
      && connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade");
  }
}
