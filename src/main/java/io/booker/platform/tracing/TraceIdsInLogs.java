package io.booker.platform.tracing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the trace and span id of the request or event being served into the MDC ({@code trace_id},
 * {@code span_id}) of each log line that will be written, and removes them when nothing is traced.
 * Logback runs turbo filters on the logging thread just before the event is made, so the ids are
 * those of the Vert.x context serving the request at that moment, after any number of async hops
 * (the trace context lives in the request's duplicated context, not in a thread local).
 * Configured in logback.xml; the text pattern and the JSON encoder both show the MDC.
 */
public final class TraceIdsInLogs extends TurboFilter {

  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != null && !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL;
    }
    SpanContext sc = Tracing.currentSpan().getSpanContext();
    if (sc.isValid()) {
      MDC.put(TRACE_ID, sc.getTraceId());
      MDC.put(SPAN_ID, sc.getSpanId());
    } else if (MDC.get(TRACE_ID) != null) {
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
    return FilterReply.NEUTRAL;
  }
}
