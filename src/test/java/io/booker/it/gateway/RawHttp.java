package io.booker.it.gateway;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a client library would normalise or refuse to send
 * (malformed escapes, dot segments, invented methods, oversized lines) and for clients that stall.
 */
final class RawHttp {

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private RawHttp() {
  }

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads until the server closes. */
  static Response exchange(int port, String head, String body) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET (or other {@code method}) of {@code target} as an admin. */
  static Response send(int port, String method, String target) {
    return exchange(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
      + io.booker.testinfra.TestTokens.admin(), "");
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        all.write(buf, 0, n);
      }
    } catch (SocketException e) {
      // A reset after the answer: what was read is the answer.
    }
    return all.toByteArray();
  }

  static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Response(status, headers, text.substring(end + 4));
  }

  /** True when the server closes {@code s} within {@code withinMs} (EOF or reset), reading and ignoring what it sends. */
  static boolean closedWithin(Socket s, long withinMs) throws IOException {
    long until = System.currentTimeMillis() + withinMs;
    byte[] buf = new byte[4096];
    while (System.currentTimeMillis() < until) {
      s.setSoTimeout((int) Math.max(1, until - System.currentTimeMillis()));
      try {
        if (s.getInputStream().read(buf) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        return false;
      } catch (SocketException e) {
        return true;
      }
    }
    return false;
  }
}
