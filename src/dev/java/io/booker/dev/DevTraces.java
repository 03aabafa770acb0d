package io.booker.dev;

import io.booker.dev.infra.LocalPorts;
import io.booker.platform.tracing.TracingSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev system's traces without Docker: an OpenTelemetry SDK whose span processor keeps the most
 * recent traces in memory ({@link Buffer}, bounded, the least recently extended trace dropped first),
 * and a page that shows them ({@code GET /} the recent traces, {@code GET /trace/<id>} one trace as a
 * tree of spans with their timings and attributes, {@code /traces.json} and {@code /trace/<id>.json}
 * for tools). When the environment names an OTLP collector ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code JAEGER_ENDPOINT}, see {@link TracingSettings}) the spans are exported there as well.
 * Everything is in memory: the traces are gone when the dev stack stops. The page is served by a
 * Vert.x instance of its own, which traces nothing (looking at traces makes none). Test scope,
 * started by {@link DevStack}.
 */
public final class DevTraces implements AutoCloseable {

  /** Jaeger UI's port: where a person used to the seeds looks for traces. */
  static final int PAGE_PORT = 16686;
  static final int MAX_TRACES = 200;
  static final int MAX_SPANS = 20_000;
  /** How many ports after the preferred one are tried when it is taken. */
  private static final int PORT_TRIES = 20;
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final Pattern TRACE_PATH = Pattern.compile("^/trace/([0-9a-f]{32})(\\.json)?$");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private final Buffer buffer;
  private final OpenTelemetrySdk sdk;
  private final boolean exporting;
  private final Vertx vertx;
  private HttpServer page;

  private DevTraces(Buffer buffer, OpenTelemetrySdk sdk, boolean exporting, Vertx vertx) {
    this.buffer = buffer;
    this.sdk = sdk;
    this.exporting = exporting;
    this.vertx = vertx;
  }

  /**
   * Builds the SDK (service name and OTLP export as {@code settings} say; no export unless they
   * enable it) with a buffer of {@code maxTraces} / {@code maxSpans}, and serves the page on
   * 127.0.0.1 at {@code pagePort} or the next free port.
   */
  public static DevTraces start(TracingSettings settings, int pagePort, int maxTraces, int maxSpans) {
    Buffer buffer = new Buffer(maxTraces, maxSpans);
    OpenTelemetrySdk sdk = sdk(settings, buffer);
    Vertx vertx = Vertx.vertx();
    try {
      DevTraces traces = new DevTraces(buffer, sdk, settings.enabled(), vertx);
      traces.page = listen(vertx, traces, pagePort);
      return traces;
    } catch (RuntimeException e) {
      vertx.close();
      sdk.close();
      throw e;
    }
  }

  public static DevTraces start(TracingSettings settings, int pagePort) {
    return start(settings, pagePort, MAX_TRACES, MAX_SPANS);
  }

  /**
   * OpenTelemetry's autoconfiguration with the node's defaults (service name, OTLP over HTTP), the
   * OTEL_* variables winning as they do for a node, plus the buffer; the exporter is "none" unless
   * the settings enable tracing (an endpoint is named).
   */
  static OpenTelemetrySdk sdk(TracingSettings settings, Buffer buffer) {
    Map<String, String> defaults = new HashMap<>(settings.defaults());
    if (!settings.enabled()) {
      defaults.put("otel.traces.exporter", "none");
    }
    return AutoConfiguredOpenTelemetrySdk.builder()
      .addPropertiesSupplier(() -> defaults)
      .addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(buffer))
      .disableShutdownHook()
      .build()
      .getOpenTelemetrySdk();
  }

  private static HttpServer listen(Vertx vertx, DevTraces traces, int preferred) {
    Exception last = null;
    for (int port = preferred; port < preferred + PORT_TRIES; port++) {
      try {
        return vertx.createHttpServer().requestHandler(traces::handle).listen(port, LocalPorts.LOOPBACK).await();
      } catch (Exception e) { // await() rethrows the bind failure as it is (a BindException)
        last = e;
      }
    }
    throw new IllegalStateException("no free port for the dev traces page in " + preferred + ".." + (preferred + PORT_TRIES - 1), last);
  }

  /** What the node traces with (the caller passes it to {@code Node.start}; closed with this). */
  public OpenTelemetrySdk openTelemetry() {
    return sdk;
  }

  /** Whether the spans are also exported over OTLP. */
  public boolean exporting() {
    return exporting;
  }

  public Buffer buffer() {
    return buffer;
  }

  public int pagePort() {
    return page.actualPort();
  }

  public String pageUrl() {
    return "http://localhost:" + pagePort() + "/";
  }

  // ---------------------------------------------------------------- the buffer

  /**
   * A span processor that keeps the ended spans of the most recent traces: at most {@code maxTraces}
   * traces and {@code maxSpans} spans in all; beyond either the trace extended least recently is
   * dropped whole. A single trace larger than {@code maxSpans} keeps its first spans. Thread-safe.
   */
  public static final class Buffer implements SpanProcessor {
    private final int maxTraces;
    private final int maxSpans;
    /** Trace id → its spans, least recently extended first. */
    private final LinkedHashMap<String, List<SpanData>> traces = new LinkedHashMap<>(16, 0.75f, true);
    private int spans;
    private long droppedTraces;
    private long droppedSpans;

    public Buffer(int maxTraces, int maxSpans) {
      if (maxTraces < 1 || maxSpans < 1) {
        throw new IllegalArgumentException("the dev traces buffer needs room for a trace and a span");
      }
      this.maxTraces = maxTraces;
      this.maxSpans = maxSpans;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      if (span.getSpanContext().isSampled()) {
        add(span.toSpanData());
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    synchronized void add(SpanData span) {
      List<SpanData> trace = traces.computeIfAbsent(span.getTraceId(), id -> new ArrayList<>());
      if (trace.size() >= maxSpans) {
        droppedSpans++;
        return;
      }
      trace.add(span);
      spans++;
      Iterator<Map.Entry<String, List<SpanData>>> oldest = traces.entrySet().iterator();
      while ((traces.size() > maxTraces || spans > maxSpans) && oldest.hasNext()) {
        Map.Entry<String, List<SpanData>> entry = oldest.next();
        if (entry.getValue() == trace) {
          break; // the one just extended is the newest
        }
        spans -= entry.getValue().size();
        droppedTraces++;
        oldest.remove();
      }
    }

    /** The traces kept, newest (latest start) first. */
    public synchronized List<Trace> traces() {
      List<Trace> all = new ArrayList<>(traces.size());
      // Iterating an access-ordered map by entrySet does not reorder it.
      for (Map.Entry<String, List<SpanData>> e : traces.entrySet()) {
        all.add(new Trace(e.getKey(), List.copyOf(e.getValue())));
      }
      all.sort(Comparator.comparingLong(Trace::startNanos).reversed());
      return all;
    }

    /** One trace, or null when it is not (or no longer) kept. */
    public synchronized Trace trace(String traceId) {
      List<SpanData> spansOf = null;
      for (Map.Entry<String, List<SpanData>> e : traces.entrySet()) { // get() would count as an access
        if (e.getKey().equals(traceId)) {
          spansOf = e.getValue();
          break;
        }
      }
      return spansOf == null ? null : new Trace(traceId, List.copyOf(spansOf));
    }

    public synchronized int spanCount() {
      return spans;
    }

    public synchronized long droppedTraces() {
      return droppedTraces;
    }

    public synchronized long droppedSpans() {
      return droppedSpans;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }
  }

  // ---------------------------------------------------------------- a trace as a tree

  /** A span in a trace's tree: its depth (roots 0) and where it lies in the trace's time. */
  public record Row(SpanData span, int depth) {
  }

  /** The spans of one trace as they were kept. */
  public record Trace(String traceId, List<SpanData> spans) {

    public long startNanos() {
      return spans.stream().mapToLong(SpanData::getStartEpochNanos).min().orElse(0);
    }

    public long endNanos() {
      return spans.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(0);
    }

    public long durationNanos() {
      return Math.max(0, endNanos() - startNanos());
    }

    public boolean error() {
      return spans.stream().anyMatch(s -> s.getStatus().getStatusCode() == StatusCode.ERROR);
    }

    public Set<String> services() {
      Set<String> services = new TreeSet<>();
      spans.forEach(s -> services.add(service(s)));
      return services;
    }

    /**
     * Depth first, children by start time; a span whose parent is not in the trace (not kept, or
     * not ended yet) is a root.
     */
    public List<Row> tree() {
      Map<String, SpanData> byId = new HashMap<>();
      spans.forEach(s -> byId.putIfAbsent(s.getSpanId(), s));
      Map<String, List<SpanData>> children = new HashMap<>();
      List<SpanData> roots = new ArrayList<>();
      for (SpanData s : byId.values()) {
        String parent = s.getParentSpanId();
        if (SpanId.isValid(parent) && byId.containsKey(parent) && !parent.equals(s.getSpanId())) {
          children.computeIfAbsent(parent, p -> new ArrayList<>()).add(s);
        } else {
          roots.add(s);
        }
      }
      Comparator<SpanData> byStart = Comparator.comparingLong(SpanData::getStartEpochNanos).thenComparing(SpanData::getSpanId);
      roots.sort(byStart);
      children.values().forEach(l -> l.sort(byStart));
      List<Row> out = new ArrayList<>(byId.size());
      Set<String> seen = new HashSet<>();
      for (SpanData root : roots) {
        walk(root, 0, children, seen, out);
      }
      // A parent cycle (never from a real SDK) leaves spans unreached: shown as roots.
      byId.values().stream().filter(s -> !seen.contains(s.getSpanId())).sorted(byStart).forEach(s -> walk(s, 0, children, seen, out));
      return out;
    }

    private static void walk(SpanData span, int depth, Map<String, List<SpanData>> children, Set<String> seen, List<Row> out) {
      if (!seen.add(span.getSpanId())) {
        return;
      }
      out.add(new Row(span, depth));
      for (SpanData child : children.getOrDefault(span.getSpanId(), List.of())) {
        walk(child, depth + 1, children, seen, out);
      }
    }

    /** The root shown in the list: the earliest span without a parent in the trace. */
    public SpanData root() {
      List<Row> tree = tree();
      return tree.isEmpty() ? null : tree.get(0).span();
    }

    JsonObject summaryJson() {
      SpanData root = root();
      return new JsonObject().put("trace_id", traceId)
        .put("start", Instant.ofEpochSecond(0, startNanos()).toString())
        .put("root", root == null ? "" : root.getName())
        .put("duration_ms", millis(durationNanos()))
        .put("span_count", spans.size())
        .put("error", error())
        .put("services", new JsonArray(List.copyOf(services())));
    }

    JsonObject json() {
      long start = startNanos();
      JsonArray out = new JsonArray();
      for (Row node : tree()) {
        SpanData s = node.span();
        JsonObject attributes = new JsonObject();
        s.getAttributes().forEach((k, v) -> attributes.put(k.getKey(), String.valueOf(v)));
        JsonArray events = new JsonArray();
        for (EventData e : s.getEvents()) {
          JsonObject ea = new JsonObject();
          e.getAttributes().forEach((k, v) -> ea.put(k.getKey(), String.valueOf(v)));
          events.add(new JsonObject().put("name", e.getName()).put("offset_ms", millis(e.getEpochNanos() - start)).put("attributes", ea));
        }
        out.add(new JsonObject().put("span_id", s.getSpanId()).put("parent_span_id", SpanId.isValid(s.getParentSpanId()) ? s.getParentSpanId() : null)
          .put("depth", node.depth()).put("name", s.getName()).put("kind", s.getKind().name()).put("service", service(s))
          .put("offset_ms", millis(s.getStartEpochNanos() - start)).put("duration_ms", millis(s.getEndEpochNanos() - s.getStartEpochNanos()))
          .put("status", s.getStatus().getStatusCode().name()).put("status_message", s.getStatus().getDescription())
          .put("attributes", attributes).put("events", events));
      }
      return summaryJson().put("spans", out);
    }
  }

  static String service(SpanData span) {
    String name = span.getResource().getAttribute(SERVICE_NAME);
    return name == null ? "" : name;
  }

  static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }

  // ---------------------------------------------------------------- the page

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (!"GET".equals(request.method().name())) {
      notFound(request);
      return;
    }
    if ("/".equals(path)) {
      html(request, listHtml(buffer.traces()));
    } else if ("/traces.json".equals(path)) {
      JsonArray array = new JsonArray();
      buffer.traces().forEach(t -> array.add(t.summaryJson()));
      request.response().putHeader("content-type", "application/json").putHeader("cache-control", "no-store").end(array.encodePrettily());
    } else {
      Matcher m = TRACE_PATH.matcher(path);
      Trace trace = m.matches() ? buffer.trace(m.group(1)) : null;
      if (trace == null) {
        notFound(request);
      } else if (m.group(2) != null) {
        request.response().putHeader("content-type", "application/json").putHeader("cache-control", "no-store").end(trace.json().encodePrettily());
      } else {
        html(request, traceHtml(trace));
      }
    }
  }

  private static void notFound(HttpServerRequest request) {
    request.response().setStatusCode(404).putHeader("content-type", "text/plain; charset=utf-8")
      .end("not found (traces are kept in memory, the most recent " + MAX_TRACES + " by default)\n");
  }

  private static void html(HttpServerRequest request, String body) {
    request.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("cache-control", "no-store").end(body);
  }

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em}"
    + "table{border-collapse:collapse;width:100%}td,th{padding:.25em .5em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}"
    + ".num{text-align:right;font-variant-numeric:tabular-nums}.time,.svc{color:#666}.err{color:#b00;font-weight:bold}"
    + ".bar{width:35%;min-width:10em}.track{position:relative;height:1em;background:#f3f3f3}"
    + ".span{position:absolute;top:0;height:1em;background:#4a7fc1;min-width:1px}.span.error{background:#c33}"
    + ".hint{color:#555;font-size:.8em}summary{cursor:pointer}dl{margin:.3em 0 .3em 1em;font-size:.85em}dt{color:#555}dd{margin:0 0 .2em 1em;white-space:pre-wrap;word-break:break-all}";

  private String header(String title) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>" + STYLE
      + "</style></head><body>";
  }

  private String listHtml(List<Trace> traces) {
    StringBuilder out = new StringBuilder(8192).append(header("Booker dev traces"));
    out.append("<h1>Booker dev traces</h1><p>").append(traces.size()).append(traces.size() == 1 ? " trace" : " traces")
      .append(" (").append(buffer.spanCount()).append(" spans), newest first. Kept in memory only: the most recent ")
      .append(buffer.maxTraces).append(" traces / ").append(buffer.maxSpans).append(" spans, gone when <code>scripts/run</code> stops")
      .append(exporting ? "; also exported over OTLP" : "").append(". <a href=\"/\">Refresh</a> · <a href=\"/traces.json\">JSON</a></p>");
    out.append("<table><thead><tr><th>Start</th><th>Root span</th><th class=\"num\">Duration (ms)</th><th class=\"num\">Spans</th>")
      .append("<th>Services</th></tr></thead><tbody>");
    for (Trace t : traces) {
      SpanData root = t.root();
      out.append("<tr><td class=\"time\">").append(esc(TIME.format(Instant.ofEpochSecond(0, t.startNanos())))).append("</td><td>")
        .append(t.error() ? "<span class=\"err\" title=\"a span failed\">✖ </span>" : "")
        .append("<a href=\"/trace/").append(esc(t.traceId())).append("\">").append(esc(root == null ? "" : root.getName())).append("</a></td>")
        .append("<td class=\"num\">").append(fmt(millis(t.durationNanos()))).append("</td><td class=\"num\">").append(t.spans().size())
        .append("</td><td class=\"svc\">").append(esc(String.join(", ", t.services()))).append("</td></tr>");
    }
    return out.append("</tbody></table></body></html>").toString();
  }

  private String traceHtml(Trace trace) {
    long start = trace.startNanos();
    double total = Math.max(1, trace.durationNanos());
    StringBuilder out = new StringBuilder(16384).append(header("Trace " + trace.traceId()));
    out.append("<p><a href=\"/\">← all traces</a></p><h1>").append(esc(trace.root() == null ? trace.traceId() : trace.root().getName()))
      .append("</h1><p>Trace <code>").append(esc(trace.traceId())).append("</code> · ")
      .append(esc(TIME.format(Instant.ofEpochSecond(0, start)))).append(" · ").append(fmt(millis(trace.durationNanos()))).append(" ms · ")
      .append(trace.spans().size()).append(" spans · ").append(esc(String.join(", ", trace.services())))
      .append(" · <a href=\"/trace/").append(esc(trace.traceId())).append(".json\">JSON</a></p>");
    out.append("<table><thead><tr><th>Span</th><th>Service</th><th class=\"num\">Duration (ms)</th><th class=\"bar\">Timeline</th></tr></thead><tbody>");
    for (Row node : trace.tree()) {
      SpanData s = node.span();
      boolean error = s.getStatus().getStatusCode() == StatusCode.ERROR;
      long duration = s.getEndEpochNanos() - s.getStartEpochNanos();
      double left = (s.getStartEpochNanos() - start) / total * 100;
      double width = Math.min(100 - left, duration / total * 100);
      out.append("<tr><td style=\"padding-left:").append(0.5 + 1.2 * node.depth()).append("em\"><details><summary>")
        .append(error ? "<span class=\"err\">✖ </span>" : "").append(esc(s.getName()))
        .append(" <span class=\"svc\">").append(esc(s.getKind().name().toLowerCase(Locale.ROOT))).append("</span>")
        .append(hint(s).isEmpty() ? "" : " <code class=\"hint\">" + esc(hint(s)) + "</code>").append("</summary><dl>")
        .append("<dt>span id</dt><dd>").append(esc(s.getSpanId())).append("</dd>")
        .append("<dt>starts at</dt><dd>+").append(fmt(millis(s.getStartEpochNanos() - start))).append(" ms</dd>");
      if (error || s.getStatus().getStatusCode() == StatusCode.OK) {
        out.append("<dt>status</dt><dd>").append(esc(s.getStatus().getStatusCode().name()))
          .append(s.getStatus().getDescription().isEmpty() ? "" : ": " + esc(s.getStatus().getDescription())).append("</dd>");
      }
      s.getAttributes().forEach((k, v) -> out.append("<dt>").append(esc(k.getKey())).append("</dt><dd>").append(esc(String.valueOf(v))).append("</dd>"));
      for (EventData e : s.getEvents()) {
        out.append("<dt>event +").append(fmt(millis(e.getEpochNanos() - start))).append(" ms</dt><dd>").append(esc(e.getName()));
        e.getAttributes().forEach((k, v) -> out.append("\n").append(esc(k.getKey())).append(": ").append(esc(String.valueOf(v))));
        out.append("</dd>");
      }
      out.append("</dl></details></td><td class=\"svc\">").append(esc(service(s))).append("</td><td class=\"num\">")
        .append(fmt(millis(duration))).append("</td><td class=\"bar\"><div class=\"track\"><div class=\"span").append(error ? " error" : "")
        .append("\" style=\"left:").append(pct(left)).append("%;width:").append(pct(width)).append("%\"></div></div></td></tr>");
    }
    return out.append("</tbody></table></body></html>").toString();
  }

  /** What a span's name does not say, shown next to it: the SQL statement or the Redis command, cut short. */
  private static String hint(SpanData s) {
    for (String key : HINT_KEYS) {
      Object v = s.getAttributes().get(AttributeKey.stringKey(key));
      if (v != null && !v.toString().isBlank()) {
        String text = v.toString().replaceAll("\\s+", " ").trim();
        return text.length() > 80 ? text.substring(0, 79) + "…" : text;
      }
    }
    return "";
  }

  private static final List<String> HINT_KEYS = List.of("db.query.text", "db.statement");

  private static String fmt(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis);
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0, Math.min(100, value)));
  }

  static String esc(String text) {
    return DevMailbox.esc(text == null ? "" : text);
  }

  /** Page first, then the SDK (which flushes what it still exports). */
  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      sdk.close();
    }
  }
}
