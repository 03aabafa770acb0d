package io.booker.it.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
import io.booker.it.support.KafkaEvents;
import io.booker.it.support.LiveClient;
import io.booker.it.support.TestNodes;
import io.booker.platform.rpc.RpcServiceBinding;
import io.booker.platform.tracing.TraceAttributes;
import io.booker.platform.web.HttpMetricsHandler;
import io.booker.testinfra.TestTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One booking made through REST on a three-node cluster (the services and notify on one node, a
 * gateway on each of two others: one calling the services over the event bus, one over gRPC) is one
 * trace: the gateway's HTTP span → the service call → its SQL and Redis → the outbox publish → the
 * Kafka send → notify's handling → the guest's SMS (a stand-in webhook provider) and the live event's
 * delivery to the gateway's WebSocket feed, each the child of the one before. The Kafka record carries that
 * trace in its {@code traceparent} header and {@code EventHeaders.trace_id}, and the request's log
 * lines carry its trace id.
 */
class TracingTest {

  private static final int HOLD_SECONDS = 4;
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

  static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  static final List<OpenTelemetrySdk> sdks = new ArrayList<>();
  static final CapturedLogs logs = new CapturedLogs();
  static TestNodes.Started services;
  static TestNodes.Started eventBusGateway;
  static TestNodes.Started grpcGateway;
  static Vertx client;
  static Vertx webhookVertx;
  static final List<String> webhookTraceparents = new CopyOnWriteArrayList<>();
  static WebClient web;
  static String venue;
  static String[] table;

  @BeforeAll
  static void startCluster() {
    logs.start();
    int hz = TestNodes.freeRange(3);
    JsonObject cluster = new JsonObject().put("enabled", true).put("name", "tracing-" + UUID.randomUUID()).put("host", "127.0.0.1")
      .put("port", hz).put("members", new JsonArray().add("127.0.0.1:" + hz).add("127.0.0.1:" + (hz + 1)).add("127.0.0.1:" + (hz + 2)));
    webhookVertx = Vertx.vertx();
    HttpServer webhook = webhookVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      webhookTraceparents.add(String.valueOf(req.getHeader("traceparent")));
      req.response().setStatusCode(202).end();
    })).listen(0, "127.0.0.1").await();
    int venueGrpc = TestNodes.freePort();
    int bookingGrpc = TestNodes.freePort();
    services = TestNodes.allInOne("eventbus", new JsonObject().put("cluster", cluster.copy())
        .put("node", new JsonObject().put("name", "trace-services"))
        // Holds lapse quickly: the expiry test waits for one.
        .put("booking", new JsonObject().put("hold_ttl_seconds", HOLD_SECONDS).put("expiry", new JsonObject().put("interval_ms", 200)))
        // The guests' SMS go to a stand-in provider: their send is part of the trace.
        .put("notify", new JsonObject().put("webhook", new JsonObject()
          .put("url", "http://127.0.0.1:" + webhook.actualPort() + "/sms").put("secret", "tracing-test-webhook-secret")))
        .put("verticles", new JsonArray().add(verticle("venue")).add(verticle("booking")).add(verticle("notify"))),
      TestNodes.freePort(), venueGrpc, bookingGrpc, sdk("booker-services"));
    eventBusGateway = gateway("eventbus", cluster.copy().put("port", hz + 1), venueGrpc, bookingGrpc);
    grpcGateway = gateway("grpc", cluster.copy().put("port", hz + 2), venueGrpc, bookingGrpc);
    client = Vertx.vertx();
    web = WebClient.create(client);
    Eventually.await("the three nodes clustered", Duration.ofSeconds(30),
      () -> services.node().vertx().isClustered() && eventBusGateway.node().vertx().isClustered() && grpcGateway.node().vertx().isClustered(),
      up -> up);
    ApiClient api = new ApiClient(web, eventBusGateway.httpPort()).as(TestTokens.admin());
    venue = Bookings.venueOpenAllDay(api);
    table = Bookings.table(api, Bookings.room(api, venue, "Main"), "T1", 6, false);
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) {
      client.close().await();
    }
    for (TestNodes.Started node : new TestNodes.Started[] {grpcGateway, eventBusGateway, services}) {
      if (node != null) {
        node.close();
      }
    }
    sdks.forEach(OpenTelemetrySdk::close);
    if (webhookVertx != null) {
      webhookVertx.close().await();
    }
    logs.stop();
  }

  @Test
  void aBookingThroughTheEventBusGatewayIsOneTraceFromTheRequestToNotify() {
    oneTraceFromRequestToNotify(eventBusGateway, "booker-gateway-eventbus", 1);
  }

  @Test
  void aBookingThroughTheGrpcGatewayIsOneTraceFromTheRequestToNotify() {
    oneTraceFromRequestToNotify(grpcGateway, "booker-gateway-grpc", 2);
  }

  @Test
  void theExpiryOfAHoldIsASpanOfItsOwnLinkedToTheHoldsRequestAndItsEventsFollowIt() {
    ApiClient api = new ApiClient(web, eventBusGateway.httpPort()).as(TestTokens.admin());
    String bookingId = Bookings.hold(api, Bookings.request(venue, table, Bookings.day(3), "19:00", 90, 2)).getString("id");
    SpanData call = Eventually.await("the hold's service call span", Duration.ofSeconds(20),
      () -> find(s -> bookingId.equals(s.getAttributes().get(TraceAttributes.BOOKING_ID)) && s.getAttributes().get(RPC_METHOD) != null),
      Optional::isPresent).orElseThrow();

    SpanData expiry = Eventually.await("the expiry span linked to the hold's request", Duration.ofSeconds(HOLD_SECONDS + 20),
      () -> find(s -> s.getName().equals("booking.expire_holds") && s.getLinks().stream().anyMatch(l ->
        bookingId.equals(l.getAttributes().get(TraceAttributes.BOOKING_ID)))), Optional::isPresent).orElseThrow();
    assertFalse(expiry.getParentSpanContext().isValid(), "a root span: no request made the expiry");
    LinkData link = expiry.getLinks().stream().filter(l -> bookingId.equals(l.getAttributes().get(TraceAttributes.BOOKING_ID))).findFirst().orElseThrow();
    assertEquals(call.getTraceId(), link.getSpanContext().getTraceId());
    assertEquals(call.getSpanId(), link.getSpanContext().getSpanId());

    // The expired event is published and handled in the expiry's trace.
    SpanData publish = Eventually.await("the expired event's publish in the expiry's trace", Duration.ofSeconds(20),
      () -> find(s -> s.getName().equals("outbox.publish booking.expired") && s.getParentSpanId().equals(expiry.getSpanId())),
      Optional::isPresent).orElseThrow();
    assertEquals(expiry.getTraceId(), publish.getTraceId());
    Eventually.await("notify's handling of the expired event in the expiry's trace", Duration.ofSeconds(60),
      () -> find(s -> s.getTraceId().equals(expiry.getTraceId()) && s.getName().equals("notify.handle booking.expired")
        && bookingId.equals(s.getAttributes().get(TraceAttributes.BOOKING_ID))), Optional::isPresent);
    JsonObject expired = KafkaEvents.awaitEvent("booking.expired", bookingId, e -> true);
    assertEquals(expiry.getTraceId(), expired.getJsonObject("headers").getString("trace_id"));
  }

  private void oneTraceFromRequestToNotify(TestNodes.Started gateway, String gatewayService, int day) {
    ApiClient api = new ApiClient(web, gateway.httpPort()).as(TestTokens.admin());
    LiveClient live = LiveClient.ready(client, gateway.httpPort(), TestTokens.admin());
    live.subscribe(venue);
    JsonObject request = Bookings.request(venue, table, Bookings.day(day), "19:00", 90, 2)
      .put("customer_email", "guest-" + UUID.randomUUID() + "@guests.test");
    String bookingId = Bookings.hold(api, request).getString("id");
    live.nextWhere("booking.held", "booking.id", bookingId);
    live.close();

    // The service call that made the booking names it; its trace is the request's.
    SpanData call = Eventually.await("the booking's service call span", Duration.ofSeconds(20),
      () -> find(s -> bookingId.equals(s.getAttributes().get(TraceAttributes.BOOKING_ID)) && s.getAttributes().get(RPC_METHOD) != null),
      Optional::isPresent).orElseThrow();
    String traceId = call.getTraceId();
    SpanData handled = Eventually.await("notify's handling of the booking's event, in the request's trace", Duration.ofSeconds(60),
      () -> find(s -> s.getTraceId().equals(traceId) && s.getName().startsWith("notify.handle")), Optional::isPresent).orElseThrow();

    List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s, (a, b) -> a));
    String shape = trace.stream().map(s -> s.getName() + "[" + s.getKind() + "," + service(s) + "] " + s.getSpanId() + " <- " + s.getParentSpanId())
      .collect(Collectors.joining("\n  ", "\n  ", ""));
    System.out.println("trace of a booking through " + gatewayService + ":" + shape);

    // The root: the gateway's HTTP server span, named after its route.
    List<SpanData> roots = trace.stream().filter(s -> !s.getParentSpanContext().isValid()).toList();
    assertEquals(1, roots.size(), () -> "one root in" + shape);
    SpanData root = roots.get(0);
    assertEquals(SpanKind.SERVER, root.getKind(), shape);
    assertEquals(gatewayService, service(root), shape);
    assertEquals("POST /api/v1/bookings", root.getName(), shape);

    // The service call: served on the services node, called from the gateway node, under the HTTP span.
    assertEquals("booker-services", service(call), shape);
    assertTrue(call.getAttributes().get(RPC_METHOD).endsWith("/CreateBooking"), shape);
    assertEquals(venue, call.getAttributes().get(TraceAttributes.VENUE_ID));
    assertEquals("held", call.getAttributes().get(TraceAttributes.BOOKING_STATUS));
    SpanData resolve = trace.stream().filter(s -> "venue.VenueService/ResolveBookingSlot".equals(s.getAttributes().get(RPC_METHOD)))
      .findFirst().orElseThrow(() -> new AssertionError("no venue call in" + shape));
    assertEquals(venue, resolve.getAttributes().get(TraceAttributes.VENUE_ID), "a call's venue id from its request");
    assertTrue(descends(resolve, call, byId), shape);
    SpanData caller = byId.get(call.getParentSpanId());
    assertNotNull(caller, () -> "the call's parent in" + shape);
    assertEquals(gatewayService, service(caller), shape);
    assertEquals(SpanKind.CLIENT, caller.getKind(), shape); // HTTP/2 request or event-bus request
    assertTrue(descends(caller, root, byId), () -> "the call descends from the HTTP span in" + shape);

    // Its PostgreSQL statements and Redis commands are its children.
    assertTrue(trace.stream().anyMatch(s -> "postgresql".equals(dbSystem(s)) && s.getParentSpanId().equals(call.getSpanId())),
      () -> "SQL under the call in" + shape);
    assertTrue(trace.stream().anyMatch(s -> "redis".equals(dbSystem(s)) && descends(s, call, byId)),
      () -> "Redis under the call in" + shape);

    // The outbox publish continues the call's context (child, and linked to it); the Kafka send is its child.
    SpanData publish = trace.stream().filter(s -> s.getName().equals("outbox.publish booking.held")).findFirst()
      .orElseThrow(() -> new AssertionError("no outbox publish in" + shape));
    assertEquals(call.getSpanId(), publish.getParentSpanId(), shape);
    assertTrue(publish.getLinks().stream().map(LinkData::getSpanContext).anyMatch(l -> l.getSpanId().equals(call.getSpanId())),
      "the publish links the call");
    SpanData send = trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER && publish.getSpanId().equals(s.getParentSpanId()))
      .findFirst().orElseThrow(() -> new AssertionError("no Kafka send under the publish in" + shape));

    // Notify's handling is the child of the Kafka send, and its own SQL is its child.
    assertEquals(SpanKind.CONSUMER, handled.getKind());
    assertEquals(send.getSpanId(), handled.getParentSpanId(), shape);
    assertEquals(bookingId, handled.getAttributes().get(TraceAttributes.BOOKING_ID));
    assertTrue(trace.stream().anyMatch(s -> "postgresql".equals(dbSystem(s)) && handled.getSpanId().equals(s.getParentSpanId())),
      () -> "notify's SQL under its handling in" + shape);

    // The live event reaches the gateway's WebSocket feed in the same trace: notify's publish, and the
    // gateway's delivery under it.
    // (It may end after the handling span that the snapshot above waited for.)
    SpanData livePublish = Eventually.await("notify's live publish under its handling", Duration.ofSeconds(10),
      () -> find(s -> s.getName().equals("publish") && handled.getSpanId().equals(s.getParentSpanId())), Optional::isPresent)
      .orElseThrow(() -> new AssertionError("no live publish under notify's handling in" + shape));
    Eventually.await("the gateway's delivery of the live event", Duration.ofSeconds(10),
      () -> find(s -> livePublish.getSpanId().equals(s.getParentSpanId()) && gatewayService.equals(service(s))), Optional::isPresent);

    // The guest's SMS goes out in the same trace: sent under notify's handling, the provider's
    // request carrying the trace on.
    SpanData sms = Eventually.await("the SMS send in the request's trace", Duration.ofSeconds(30),
      () -> find(s -> s.getTraceId().equals(traceId) && s.getName().equals("notify.send sms")), Optional::isPresent).orElseThrow();
    assertEquals(handled.getSpanId(), sms.getParentSpanId());
    assertEquals("sent", sms.getAttributes().get(AttributeKey.stringKey("booker.outcome")));
    assertEquals(bookingId, sms.getAttributes().get(TraceAttributes.BOOKING_ID));
    assertTrue(webhookTraceparents.stream().anyMatch(h -> h.contains(traceId)), () -> "traceparent at the provider: " + webhookTraceparents);
    trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();

    // No guest data in any span of the trace.
    for (SpanData s : trace) {
      String attributes = s.getAttributes().toString() + s.getName();
      for (String personal : new String[] {request.getString("customer_name"), request.getString("customer_phone"),
        request.getString("customer_email")}) {
        assertFalse(attributes.contains(personal), () -> "guest data in " + s);
      }
    }

    // The Kafka record carries the trace: W3C header and EventHeaders.trace_id.
    ConsumerRecord<String, String> record = KafkaEvents.awaitRecord("booking.held", bookingId);
    Header traceparent = record.headers().lastHeader("traceparent");
    assertNotNull(traceparent, "traceparent header");
    String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
    assertEquals(traceId, parts[1]);
    assertEquals(send.getSpanId(), parts[2]);
    assertEquals(traceId, new JsonObject(record.value()).getJsonObject("headers").getString("trace_id"));

    // The request's log lines carry its trace id, on the gateway, in the service and in notify.
    Eventually.await("notify's log line of the event", Duration.ofSeconds(10),
      () -> logs.withTrace(traceId).stream().anyMatch(e -> e.getFormattedMessage().startsWith("event=notify_event_handled")), found -> found);
    List<ILoggingEvent> lines = logs.withTrace(traceId);
    assertTrue(lines.stream().anyMatch(e -> e.getFormattedMessage().startsWith("event=http_request method=POST route=/api/v1/bookings")),
      () -> "the gateway's line in " + lines);
    assertTrue(lines.stream().anyMatch(e -> e.getFormattedMessage().startsWith("event=rpc_served") && e.getFormattedMessage().contains("CreateBooking")),
      () -> "the service's line in " + lines);
    assertTrue(lines.stream().anyMatch(e -> e.getFormattedMessage().startsWith("event=notify_sent") && e.getFormattedMessage().contains(bookingId)),
      () -> "the SMS send's line in " + lines);
    Map<String, SpanData> all = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
      .collect(Collectors.toMap(SpanData::getSpanId, s -> s, (a, b) -> a));
    for (ILoggingEvent line : lines) {
      assertTrue(all.containsKey(line.getMDCPropertyMap().get("span_id")), () -> "the span of " + line + " is in the trace");
    }
  }

  private static TestNodes.Started gateway(String transport, JsonObject cluster, int venueGrpc, int bookingGrpc) {
    JsonObject extra = new JsonObject().put("cluster", cluster)
      .put("node", new JsonObject().put("name", "trace-gateway-" + transport))
      .put("verticles", new JsonArray().add(verticle("gateway")))
      .put("clients", new JsonObject()
        .put("venue", new JsonObject().put("grpc_port", venueGrpc))
        .put("booking", new JsonObject().put("grpc_port", bookingGrpc)));
    return TestNodes.allInOne(transport, extra, TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort(),
      sdk("booker-gateway-" + transport));
  }

  private static JsonObject verticle(String name) {
    return new JsonObject().put("name", name).put("instances", 1);
  }

  /** An SDK of its own for each node (its service name), all exporting into the one in-memory exporter. */
  private static OpenTelemetrySdk sdk(String serviceName) {
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
        .addSpanProcessor(SimpleSpanProcessor.create(spans))
        .build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
    sdks.add(sdk);
    return sdk;
  }

  private static Optional<SpanData> find(Predicate<SpanData> p) {
    return spans.getFinishedSpanItems().stream().filter(p).findFirst();
  }

  private static String service(SpanData s) {
    return s.getResource().getAttribute(SERVICE_NAME);
  }

  private static String dbSystem(SpanData s) {
    String v = s.getAttributes().get(AttributeKey.stringKey("db.system"));
    return v != null ? v : s.getAttributes().get(AttributeKey.stringKey("db.system.name"));
  }

  private static boolean descends(SpanData span, SpanData ancestor, Map<String, SpanData> byId) {
    SpanData s = span;
    for (int depth = 0; s != null && depth < 50; depth++) {
      if (Objects.equals(s.getParentSpanId(), ancestor.getSpanId())) {
        return true;
      }
      s = byId.get(s.getParentSpanId());
    }
    return false;
  }

  /** The log events of the test, with their MDC fixed when they were logged; debug on for the request's loggers. */
  static final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final List<Logger> raised = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      events.add(event);
    }

    @Override
    public void start() {
      LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
      setContext(ctx);
      super.start();
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
      for (String name : new String[] {HttpMetricsHandler.class.getName(), RpcServiceBinding.class.getName(), "io.booker.notify.EventConsumer"}) {
        Logger logger = ctx.getLogger(name);
        logger.setLevel(Level.DEBUG);
        raised.add(logger);
      }
    }

    @Override
    public void stop() {
      LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
      raised.forEach(l -> l.setLevel(null));
      super.stop();
    }

    List<ILoggingEvent> withTrace(String traceId) {
      return events.stream().filter(e -> traceId.equals(e.getMDCPropertyMap().get("trace_id"))).toList();
    }
  }
}
