package io.booker.dev.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers shared by the embedded servers. */
public final class LocalPorts {

  public static final String LOOPBACK = "127.0.0.1";

  private LocalPorts() {
  }

  /** A port that was free on 127.0.0.1 a moment ago (the usual small race applies). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** {@code port} itself if it is not 0, otherwise a free one. */
  public static int orFree(int port) {
    return port == 0 ? free() : port;
  }

  /** Whether something accepts TCP connections on host:port right now. */
  public static boolean accepting(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static boolean accepting(int port) {
    return accepting(LOOPBACK, port);
  }

  /** Fails fast with a readable message when a fixed port is already taken. */
  public static void requireFree(int port, String what) {
    if (port != 0 && accepting(port)) {
      throw new IllegalStateException(what + ": port " + port + " on " + LOOPBACK
          + " is already in use (another dev stack or a leftover process?)");
    }
  }
}
