package io.booker.platform.tracing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.tracing.opentelemetry.VertxContextStorageProvider.VertxContextStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production logback.xml: human-readable lines by default, one JSON object a line with
 * BOOKER_LOG_FORMAT=json, and in both the trace and span id of the span current on the Vert.x
 * context that logs — also after an asynchronous hop on that context.
 */
class LogFormatTest {

  static Vertx vertx;
  static SdkTracerProvider tracer;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    // Without a processor the SDK makes no-op spans.
    tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    tracer.close();
  }

  @Test
  void textLinesCarryTheIdsOnlyWhenTraced() throws Exception {
    Span span = tracer.get("t").spanBuilder("request").startSpan();
    List<String> lines = logWith("text", log -> {
      log.info("event=untraced");
      inSpanAfterAHop(span, () -> log.info("event=traced booking_id={}", "b1"));
    });
    assertEquals(2, lines.size(), lines::toString);
    assertFalse(lines.get(0).contains("trace_id="), lines.get(0));
    assertTrue(lines.get(0).contains("event=untraced"));
    String sc = "trace_id=" + span.getSpanContext().getTraceId() + " span_id=" + span.getSpanContext().getSpanId() + " event=traced booking_id=b1";
    assertTrue(lines.get(1).endsWith(sc), lines.get(1));
  }

  @Test
  void jsonLinesAreOneObjectEachWithTheIdsInTheMdc() throws Exception {
    Span span = tracer.get("t").spanBuilder("request").startSpan();
    List<String> lines = logWith("json", log -> inSpanAfterAHop(span, () -> log.warn("event=traced \"quoted\"")));
    assertEquals(1, lines.size(), lines::toString);
    JsonObject line = new JsonObject(lines.get(0));
    assertEquals("WARN", line.getString("level"));
    assertEquals("event=traced \"quoted\"", line.getString("formattedMessage"));
    assertEquals(span.getSpanContext().getTraceId(), line.getJsonObject("mdc").getString("trace_id"));
    assertEquals(span.getSpanContext().getSpanId(), line.getJsonObject("mdc").getString("span_id"));
  }

  /** Runs {@code action} on a request's duplicated context with {@code span} current, after a timer hop. */
  private static void inSpanAfterAHop(Span span, Runnable action) {
    ContextInternal dup = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    dup.runOnContext(v -> {
      VertxContextStorage.INSTANCE.attach(dup, io.opentelemetry.context.Context.root().with(span));
      vertx.setTimer(5, id -> {
        action.run();
        done.complete();
      });
    });
    done.future().await();
  }

  /** Configures a logger context of its own from src/main/resources/logback.xml with BOOKER_LOG_FORMAT set, and captures stdout. */
  private static List<String> logWith(String format, Consumer<org.slf4j.Logger> body) throws Exception {
    LoggerContext ctx = new LoggerContext();
    ctx.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    ctx.putProperty("BOOKER_LOG_FORMAT", format);
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(ctx);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      body.accept(ctx.getLogger("io.booker.test"));
    } finally {
      ctx.stop();
      System.setOut(original);
    }
    // A clean configuration: logback prints its status at start-up when anything is wrong.
    assertEquals(List.of(), ctx.getStatusManager().getCopyOfStatusList().stream().filter(st -> st.getLevel() > 0).map(Object::toString).toList());
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
