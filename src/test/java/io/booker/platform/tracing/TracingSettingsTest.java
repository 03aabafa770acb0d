package io.booker.platform.tracing;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which settings turn tracing on, and what they hand to OpenTelemetry's autoconfiguration. */
class TracingSettingsTest {

  private static TracingSettings settings(JsonObject section, Map<String, String> env) {
    return TracingSettings.from(section, "core-1", env::get);
  }

  @Test
  void offByDefault() {
    TracingSettings s = settings(new JsonObject(), Map.of());
    assertFalse(s.enabled());
    assertNull(Tracing.sdk(s), "no SDK, hence no tracer in the Vert.x instance");
  }

  @Test
  void theOriginalsJaegerEndpointTurnsItOnAsTheOtlpEndpoint() {
    TracingSettings s = settings(new JsonObject(), Map.of("JAEGER_ENDPOINT", "jaeger:4318"));
    assertTrue(s.enabled());
    assertEquals("http://jaeger:4318", s.defaults().get("otel.exporter.otlp.endpoint"));
    assertEquals("http/protobuf", s.defaults().get("otel.exporter.otlp.protocol"));
    assertEquals("booker-core-1", s.serviceName());
  }

  @Test
  void aJaegerUrlEndingInTheTracesPathIsTheTracesEndpoint() {
    TracingSettings s = settings(new JsonObject(), Map.of("JAEGER_ENDPOINT", "https://collector.example:4318/v1/traces"));
    assertEquals("https://collector.example:4318/v1/traces", s.defaults().get("otel.exporter.otlp.traces.endpoint"));
    assertNull(s.defaults().get("otel.exporter.otlp.endpoint"));
  }

  @Test
  void theSeedsJaegerCollectorEndpointIsMappedToTheSameHostsOtlpEndpointWithANotice() {
    TracingSettings s = settings(new JsonObject(), Map.of("JAEGER_ENDPOINT", "http://jaeger:14268/api/traces"));
    assertTrue(s.enabled());
    assertEquals("http://jaeger:4318/v1/traces", s.defaults().get("otel.exporter.otlp.traces.endpoint"));
    assertNull(s.defaults().get("otel.exporter.otlp.endpoint"));
    assertTrue(s.notice().contains("from=http://jaeger:14268/api/traces"), s.notice());
    assertTrue(s.notice().contains("to=http://jaeger:4318/v1/traces"), s.notice());
  }

  @Test
  void jaegerCollectorEndpointsInEveryFormMapToOtlp() {
    // The collector's port alone, with or without the path or a scheme.
    assertMapped("http://jaeger:4318/v1/traces", "jaeger:14268");
    assertMapped("http://jaeger:4318/v1/traces", "http://jaeger:14268");
    assertMapped("http://jaeger:4318/v1/traces", "http://jaeger:14268/");
    assertMapped("http://jaeger:4318/v1/traces", "jaeger:14268/api/traces");
    assertMapped("http://jaeger:4318/v1/traces", " http://jaeger:14268/api/traces?format=jaeger.thrift ");
    assertMapped("https://traces.example.com:4318/v1/traces", "https://traces.example.com:14268/api/traces");
    // Another port (or none) is a proxy's: it is kept, only the path changes.
    assertMapped("https://traces.example.com/v1/traces", "https://traces.example.com/api/traces");
    assertMapped("http://10.0.0.7:8080/v1/traces", "http://10.0.0.7:8080/api/traces/");
    assertMapped("http://[::1]:4318/v1/traces", "http://[::1]:14268/api/traces");
  }

  @Test
  void anOtlpValueIsNotMappedAndGivesNoNotice() {
    for (String otlp : new String[] {"jaeger:4318", "http://jaeger:4318", "https://otel.example/v1/traces", "http://otel:4318/api"}) {
      TracingSettings s = settings(new JsonObject(), Map.of("JAEGER_ENDPOINT", otlp));
      assertNull(s.notice(), otlp);
    }
    assertNull(settings(new JsonObject(), Map.of()).notice());
    // The standard variable wins, so a stale JAEGER_ENDPOINT beside it is not mapped (nor mentioned).
    assertNull(settings(new JsonObject(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318",
      "JAEGER_ENDPOINT", "http://jaeger:14268/api/traces")).notice());
  }

  private static void assertMapped(String expected, String jaegerEndpoint) {
    TracingSettings s = settings(new JsonObject(), Map.of("JAEGER_ENDPOINT", jaegerEndpoint));
    assertEquals(expected, s.defaults().get("otel.exporter.otlp.traces.endpoint"), jaegerEndpoint);
    assertNull(s.defaults().get("otel.exporter.otlp.endpoint"), jaegerEndpoint);
    assertTrue(s.notice() != null && s.notice().contains("to=" + expected), jaegerEndpoint + ": " + s.notice());
  }

  @Test
  void theStandardOtlpEndpointTurnsItOnAndWinsOverJaegerEndpoint() {
    TracingSettings s = settings(new JsonObject(),
      Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318", "JAEGER_ENDPOINT", "jaeger:4318"));
    assertTrue(s.enabled());
    // Not repeated as a default: autoconfigure reads OTEL_EXPORTER_OTLP_ENDPOINT itself.
    assertNull(s.defaults().get("otel.exporter.otlp.endpoint"));
    assertTrue(settings(new JsonObject(), Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel:4318/v1/traces")).enabled());
  }

  @Test
  void theConfigurationTurnsItOnAndNamesTheService() {
    TracingSettings s = settings(new JsonObject().put("enabled", true).put("service_name", "booker-eu-core"), Map.of());
    assertTrue(s.enabled());
    assertEquals("booker-eu-core", s.serviceName());
    assertEquals("booker-core-1", settings(new JsonObject().put("enabled", true).put("service_name", ""), Map.of()).serviceName());
  }

  @Test
  void otelSdkDisabledWinsOverEverything() {
    assertFalse(settings(new JsonObject().put("enabled", true), Map.of("OTEL_SDK_DISABLED", "true", "JAEGER_ENDPOINT", "jaeger:4318")).enabled());
  }

  @Test
  void onlyTracesAreExported() {
    Map<String, String> d = settings(new JsonObject().put("enabled", true), Map.of()).defaults();
    assertEquals("otlp", d.get("otel.traces.exporter"));
    assertEquals("none", d.get("otel.metrics.exporter"));
    assertEquals("none", d.get("otel.logs.exporter"));
  }

  @Test
  void anEnabledSdkIsBuiltFromTheDefaults() {
    var sdk = Tracing.sdk(settings(new JsonObject().put("enabled", true).put("service_name", "booker-test"), Map.of()));
    try {
      assertTrue(sdk.getTracerProvider().get("t").spanBuilder("s").startSpan().getSpanContext().isValid());
    } finally {
      sdk.close();
    }
  }
}
