package io.booker.platform.tracing;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a node traces, and the defaults it hands to OpenTelemetry's autoconfiguration.
 *
 * <p>Tracing is on when an OTLP endpoint is named ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or the original's {@code JAEGER_ENDPOINT}) or when
 * {@code tracing.enabled} is true (then OpenTelemetry's default endpoint, {@code http://localhost:4318},
 * unless one is named); OpenTelemetry's own {@code OTEL_SDK_DISABLED=true} turns it off whatever else
 * is set. Off means no tracer at all in the Vert.x instance.
 *
 * <p>Everything else is OpenTelemetry's own configuration: the {@link #defaults()} only fill in what
 * the {@code OTEL_*} variables (or {@code otel.*} system properties) leave unset, so those always win.
 */
public record TracingSettings(boolean enabled, Map<String, String> defaults) {

  /** The original's variable: an OTLP/HTTP collector, e.g. {@code jaeger:4318} or {@code http://jaeger:4318}. */
  public static final String JAEGER_ENDPOINT = "JAEGER_ENDPOINT";

  /**
   * @param section the node's {@code tracing} configuration section (may be empty)
   * @param nodeName the node's name: the service name defaults to {@code booker-<node name>}
   * @param env the environment (System::getenv in production)
   */
  public static TracingSettings from(JsonObject section, String nodeName, Function<String, String> env) {
    String otlp = firstSet(env, "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    String jaeger = blankToNull(env.apply(JAEGER_ENDPOINT));
    boolean sdkDisabled = "true".equalsIgnoreCase(String.valueOf(env.apply("OTEL_SDK_DISABLED")).trim());
    boolean enabled = !sdkDisabled && (section.getBoolean("enabled", false) || otlp != null || jaeger != null);

    Map<String, String> defaults = new LinkedHashMap<>();
    String serviceName = blankToNull(section.getString("service_name"));
    defaults.put("otel.service.name", serviceName != null ? serviceName : "booker-" + nodeName);
    // Booker exports traces only: its metrics are Prometheus', its logs go to stdout.
    defaults.put("otel.traces.exporter", "otlp");
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    if (otlp == null && jaeger != null) {
      String url = jaegerUrl(jaeger);
      defaults.put(url.endsWith("/v1/traces") ? "otel.exporter.otlp.traces.endpoint" : "otel.exporter.otlp.endpoint", url);
    }
    return new TracingSettings(enabled, Map.copyOf(defaults));
  }

  /** The service name the spans of this node carry unless {@code OTEL_SERVICE_NAME} says otherwise. */
  public String serviceName() {
    return defaults.get("otel.service.name");
  }

  /** {@code jaeger:4318} → {@code http://jaeger:4318}; a URL stays as it is. */
  static String jaegerUrl(String value) {
    String v = value.trim();
    return v.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*") ? v : "http://" + v;
  }

  private static String firstSet(Function<String, String> env, String... names) {
    for (String name : names) {
      String v = blankToNull(env.apply(name));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }
}
