package io.booker.platform.tracing;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
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
public record TracingSettings(boolean enabled, Map<String, String> defaults, String notice) {

  /**
   * The original's variable: an OTLP/HTTP collector, e.g. {@code jaeger:4318} or {@code http://jaeger:4318};
   * the seed's Jaeger collector endpoint ({@code http://jaeger:14268/api/traces}) is mapped to the same
   * host's OTLP one (see {@link JaegerEndpoint}), and {@link #notice()} says so.
   */
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
    String notice = null;
    if (otlp == null && jaeger != null) {
      JaegerEndpoint.Otlp endpoint = JaegerEndpoint.resolve(jaeger);
      defaults.put(endpoint.tracesPath() ? "otel.exporter.otlp.traces.endpoint" : "otel.exporter.otlp.endpoint", endpoint.url());
      if (endpoint.mappedFrom() != null) {
        notice = "event=jaeger_endpoint_mapped from=" + endpoint.mappedFrom() + " to=" + endpoint.url()
          + " reason=\"a Jaeger collector endpoint; traces are exported over OTLP/HTTP (Jaeger 1.35+)\"";
      }
    }
    return new TracingSettings(enabled, Map.copyOf(defaults), notice);
  }

  /** The service name the spans of this node carry unless {@code OTEL_SERVICE_NAME} says otherwise. */
  public String serviceName() {
    return defaults.get("otel.service.name");
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
