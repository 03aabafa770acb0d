package io.booker.platform.web;

import io.booker.common.ErrorCode;
import io.booker.platform.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Drops slowloris-style clients. The idle timeout of the server only closes connections on which
 * nothing moves; a client that trickles a byte now and then keeps it open. So each connection
 * must deliver a request's headers within {@code readTimeoutMs} of opening (or of the previous
 * answer, which also bounds idle keep-alive), and its body within {@code readTimeoutMs} of the
 * headers. A request that started to arrive and stalled gets a 408 problem; a connection on which
 * no byte of a new request came is closed without one (RFC 9110 §9.6 lets a server close idle
 * connections). Either way the connection is then closed.
 *
 * <p>It also answers a request whose chunked body turned out malformed ({@link StrictRequestDecoder}
 * reports it): a 400 problem if nothing of the answer was written yet, then the connection is closed.
 *
 * <p>One guard per server handler (verticle instance): its connections all run on that instance's
 * event loop, so the map needs no locking.
 */
public final class SlowClientGuard {

  private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);

  private enum Phase { AWAITING_HEADERS, RECEIVING_BODY, ANSWERING }

  private final Vertx vertx;
  private final long readTimeoutMs;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  public SlowClientGuard(Vertx vertx, long readTimeoutMs) {
    this.vertx = vertx;
    this.readTimeoutMs = readTimeoutMs;
  }

  /** The server's connection handler; {@code decoder} is the connection's, null if it has none. */
  void onConnection(HttpConnection conn, StrictRequestDecoder decoder) {
    Watch watch = new Watch(conn, decoder);
    if (decoder != null) {
      decoder.onMalformedBody(watch::malformedBody);
    }
    watches.put(conn, watch);
    conn.closeHandler(v -> {
      vertx.cancelTimer(watch.timer);
      watches.remove(conn);
    });
  }

  /** Wraps the server's request handler so that each request is timed. */
  public Handler<HttpServerRequest> watching(Handler<HttpServerRequest> next) {
    return req -> {
      Watch watch = watches.get(req.connection());
      if (watch != null) {
        watch.started(req);
      }
      next.handle(req);
    };
  }

  private final class Watch {
    private final HttpConnection conn;
    private final StrictRequestDecoder decoder;
    private final long timer;
    private Phase phase = Phase.AWAITING_HEADERS;
    private long since = System.currentTimeMillis();
    private HttpServerRequest request;

    Watch(HttpConnection conn, StrictRequestDecoder decoder) {
      this.conn = conn;
      this.decoder = decoder;
      this.timer = vertx.setPeriodic(Math.max(50, readTimeoutMs / 4), id -> tick());
    }

    void started(HttpServerRequest req) {
      request = req;
      phase = Phase.RECEIVING_BODY;
      since = System.currentTimeMillis();
    }

    private void tick() {
      long now = System.currentTimeMillis();
      if (phase == Phase.RECEIVING_BODY && request.isEnded()) {
        phase = Phase.ANSWERING;
      }
      if (phase == Phase.ANSWERING && request.response().ended() && request.response().getStatusCode() == 101) {
        // Upgraded to a WebSocket: no more requests come on it, and the socket keeps its own heartbeats and limits.
        vertx.cancelTimer(timer);
        return;
      }
      if (phase == Phase.ANSWERING && request.response().ended()) {
        phase = Phase.AWAITING_HEADERS;
        since = now;
      }
      if (phase == Phase.ANSWERING || now - since <= readTimeoutMs) {
        return;
      }
      vertx.cancelTimer(timer);
      String reason = phase == Phase.AWAITING_HEADERS ? "headers_not_received" : "body_not_received";
      // Counted, and logged at DEBUG only: how many such clients come is the client's choice.
      Metrics.httpConnectionDropped(reason);
      log.debug("event=http_connection_dropped reason={} remote={}", reason, conn.remoteAddress());
      String detail = "request was not received within " + readTimeoutMs + " ms";
      if (phase == Phase.RECEIVING_BODY && !request.response().headWritten()) {
        Problems.write(request.response().putHeader("connection", "close"), ErrorCode.REQUEST_TIMEOUT, detail)
          .onComplete(ar -> conn.close());
      } else if (phase == Phase.AWAITING_HEADERS && decoder != null && decoder.requestUnderway()) {
        // Vert.x has no request to answer through yet: its headers are still arriving.
        decoder.answerAndClose(Problems.rawHttp11(ErrorCode.REQUEST_TIMEOUT, detail));
      } else {
        conn.close();
      }
    }

    /** The body of the request being received cannot be decoded; the decoder reads nothing more. */
    void malformedBody() {
      vertx.cancelTimer(timer);
      log.debug("event=http_malformed_body remote={}", conn.remoteAddress());
      if (phase == Phase.RECEIVING_BODY && !request.response().headWritten()) {
        Problems.write(request.response().putHeader("connection", "close"), ErrorCode.INVALID_ARGUMENT,
          "the request's chunked body is malformed").onComplete(ar -> conn.close());
      } else {
        conn.close();
      }
    }
  }
}
