package io.booker.it.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a real server that can stall: while stalled it keeps connections open
 * and swallows what the server answers, like a server that has stopped responding (a Redis stuck
 * in a long command, a half-dead network path). Not a mock: the protocol is the server's own.
 */
public final class StallingProxy implements AutoCloseable {

  private final NetServer server;
  private final AtomicBoolean stalled = new AtomicBoolean();

  private StallingProxy(NetServer server) {
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1 and forwards to {@code host:port}. */
  public static StallingProxy to(Vertx vertx, String host, int port) {
    StallingProxy[] self = new StallingProxy[1];
    NetServer server = vertx.createNetServer().connectHandler(client -> {
      client.pause();
      vertx.createNetClient().connect(port, host).onSuccess(upstream -> {
        client.handler(upstream::write);
        upstream.handler(answer -> {
          if (!self[0].stalled.get()) {
            client.write(answer);
          }
        });
        client.closeHandler(v -> upstream.close());
        upstream.closeHandler(v -> client.close());
        client.resume();
      }).onFailure(t -> client.close());
    });
    server.listen(0, "127.0.0.1").await();
    self[0] = new StallingProxy(server);
    return self[0];
  }

  public int port() {
    return server.actualPort();
  }

  /** From now on, answers are swallowed (connections stay open). */
  public void stall() {
    stalled.set(true);
  }

  public void resume() {
    stalled.set(false);
  }

  @Override
  public void close() {
    server.close().await();
  }
}
