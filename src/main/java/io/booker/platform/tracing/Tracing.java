package io.booker.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.tracing.opentelemetry.VertxContextStorageProvider.VertxContextStorage;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Booker's side of OpenTelemetry. Vert.x's own integration (vertx-opentelemetry) traces the HTTP
 * server and client (so gRPC), the event bus, the PostgreSQL and Redis clients and Kafka sends, and
 * keeps the current trace context in the Vert.x (duplicated) context of each request; this class
 * builds the SDK from {@link TracingSettings}, remembers which {@link OpenTelemetry} each Vert.x
 * instance traces with, and carries a context across Kafka by its W3C {@code traceparent}.
 *
 * <p>When tracing is off the instance's {@link OpenTelemetry} is the no-op one: spans started here are
 * no-ops and {@link #traceparent()} is null.
 */
public final class Tracing {

  /** The W3C header (Kafka record header, outbox column) that carries a trace context. */
  public static final String TRACEPARENT = "traceparent";

  private static final Map<Vertx, OpenTelemetry> BY_VERTX = Collections.synchronizedMap(new WeakHashMap<>());
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private Tracing() {
  }

  /** The SDK the settings describe (OTLP export configured from OTEL_* over the settings' defaults), or null when off. */
  public static OpenTelemetrySdk sdk(TracingSettings settings) {
    if (!settings.enabled()) {
      return null;
    }
    return AutoConfiguredOpenTelemetrySdk.builder()
      .addPropertiesSupplier(settings::defaults)
      .disableShutdownHook()
      .build()
      .getOpenTelemetrySdk();
  }

  /** Records the OpenTelemetry a Vert.x instance was built with (its tracer factory's). */
  public static void register(Vertx vertx, OpenTelemetry openTelemetry) {
    BY_VERTX.put(vertx, openTelemetry);
  }

  public static void unregister(Vertx vertx) {
    BY_VERTX.remove(vertx);
  }

  /** The OpenTelemetry {@code vertx} traces with; the no-op one when it does not trace. */
  public static OpenTelemetry of(Vertx vertx) {
    OpenTelemetry otel = BY_VERTX.get(vertx);
    return otel == null ? OpenTelemetry.noop() : otel;
  }

  /** Whether {@code vertx} traces. */
  public static boolean enabled(Vertx vertx) {
    return BY_VERTX.containsKey(vertx);
  }

  /** Booker's tracer on {@code vertx}: the spans Booker starts itself (outbox publish, event handling). */
  public static Tracer tracer(Vertx vertx) {
    return of(vertx).getTracer("io.booker");
  }

  /** The trace context of the request or event being served on the current Vert.x context (root when none). */
  public static Context current() {
    Context c = VertxContextStorage.INSTANCE.current();
    return c == null ? Context.root() : c;
  }

  /** The span being served on the current Vert.x context (invalid when none). */
  public static Span currentSpan() {
    return Span.fromContext(current());
  }

  /** The current trace id, or "" when nothing is traced. */
  public static String traceId() {
    SpanContext sc = currentSpan().getSpanContext();
    return sc.isValid() ? sc.getTraceId() : "";
  }

  /** The current context as a W3C traceparent, or null when nothing is traced. */
  public static String traceparent() {
    Context c = current();
    if (!Span.fromContext(c).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(c, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * The context that message headers (a Kafka record's) carry, read with the propagators
   * {@code vertx} traces with (those that wrote them: W3C {@code traceparent} unless OTEL_PROPAGATORS
   * says otherwise); root when none.
   */
  public static Context fromHeaders(Vertx vertx, Map<String, String> headers) {
    return of(vertx).getPropagators().getTextMapPropagator().extract(Context.root(), headers, MAP_GETTER);
  }

  /** The context a W3C traceparent describes; root when null or unreadable. */
  public static Context fromTraceparent(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
  }

  /**
   * Runs {@code action} with {@code context} current on the current Vert.x context, then restores what
   * was current: for callbacks that run after Vert.x closed the request's span (an HTTP end handler)
   * but still belong to the request, so their log lines carry its ids.
   */
  public static void runIn(Context context, Runnable action) {
    ContextInternal vertxContext = ContextInternal.current();
    if (vertxContext == null || context == Context.root()) {
      action.run();
      return;
    }
    try (Scope ignored = VertxContextStorage.INSTANCE.attach(vertxContext, context)) {
      action.run();
    }
  }

  /**
   * Runs {@code work} in a fresh duplicated Vert.x context in which {@code span} (built by the caller,
   * not started) is current, so that everything Vert.x traces inside it (SQL, event bus, Kafka send)
   * becomes its child; the span ends with the work's outcome, a failure recorded on it. When
   * {@code vertx} does not trace, runs {@code work} as it is.
   */
  public static <T> Future<T> inSpan(Vertx vertx, SpanBuilder span, Supplier<Future<T>> work) {
    if (!enabled(vertx)) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    ContextInternal dup = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    Promise<T> done = dup.promise();
    dup.runOnContext(v -> {
      Span started = span.startSpan();
      Scope scope = VertxContextStorage.INSTANCE.attach(dup, current().with(started));
      Future<T> result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(ar -> {
        if (ar.failed()) {
          started.recordException(ar.cause());
          started.setStatus(StatusCode.ERROR, String.valueOf(ar.cause().getMessage()));
        }
        started.end();
        scope.close();
        done.handle(ar);
      });
    });
    return done.future();
  }
}
