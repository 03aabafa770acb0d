package io.booker.platform.tracing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the original's {@code JAEGER_ENDPOINT} means to an OTLP/HTTP exporter. The seed pointed it
 * at Jaeger's own collector ({@code http://jaeger:14268/api/traces}, Thrift over HTTP), which an
 * OTLP exporter would post protobuf to, in vain and without a word. Jaeger 1.35 and later accept
 * OTLP/HTTP on port 4318 of the same host, so such a value is mapped there:
 * <ul>
 *   <li>a path of {@code /api/traces} (the collector's) becomes {@code /v1/traces} (OTLP's);</li>
 *   <li>port 14268 (the collector's) becomes 4318, whatever the path; any other port, or none, is
 *       kept, as it is then a proxy's or a load balancer's and only it knows where OTLP lives;</li>
 *   <li>anything else (e.g. {@code jaeger:4318}, {@code https://otel.example/v1/traces}) is taken
 *       as the OTLP endpoint it names; a bare {@code host:port} gets {@code http://}.</li>
 * </ul>
 */
final class JaegerEndpoint {

  static final int COLLECTOR_PORT = 14268;
  static final int OTLP_HTTP_PORT = 4318;
  static final String COLLECTOR_PATH = "/api/traces";
  static final String OTLP_TRACES_PATH = "/v1/traces";

  /**
   * @param url the OTLP endpoint to export to
   * @param tracesPath whether {@code url} is the traces endpoint itself (ends in {@code /v1/traces})
   *        rather than the base to which the exporter appends it
   * @param mappedFrom the value given, when it named a Jaeger collector and was mapped; else null
   */
  record Otlp(String url, boolean tracesPath, String mappedFrom) {
  }

  private JaegerEndpoint() {
  }

  static Otlp resolve(String value) {
    String url = withScheme(value.trim());
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return asGiven(url); // the exporter refuses it at start, with its own message
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    boolean collectorPath = stripSlash(path).equals(COLLECTOR_PATH);
    boolean collectorPort = uri.getPort() == COLLECTOR_PORT;
    if (uri.getHost() == null || !(collectorPath || collectorPort)) {
      return asGiven(url);
    }
    int port = collectorPort ? OTLP_HTTP_PORT : uri.getPort();
    String mapped = uri.getScheme() + "://" + hostOf(uri) + (port < 0 ? "" : ":" + port) + OTLP_TRACES_PATH;
    return new Otlp(mapped, true, value.trim());
  }

  private static Otlp asGiven(String url) {
    return new Otlp(url, stripSlash(url).endsWith(OTLP_TRACES_PATH), null);
  }

  /** {@code jaeger:4318} → {@code http://jaeger:4318}; a URL stays as it is. */
  private static String withScheme(String v) {
    return v.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*") ? v : "http://" + v;
  }

  /** The host as written in a URL (an IPv6 address keeps its brackets). */
  private static String hostOf(URI uri) {
    String host = uri.getHost();
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
