package io.booker.platform.config;

/** A {@code host:port} pair as the original's environment variables wrote it. */
public record HostPort(String host, int port) {

  public static HostPort parse(String name, String value, int defaultPort) {
    String v = value.trim();
    int colon = v.lastIndexOf(':');
    if (colon < 0) {
      return new HostPort(v, defaultPort);
    }
    try {
      return new HostPort(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be host:port, got " + value);
    }
  }
}
