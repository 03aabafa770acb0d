package io.booker.notify;

import io.booker.notify.adapter.EventParser;
import io.booker.notify.adapter.KafkaEventSource;
import io.booker.notify.adapter.PgNotifyStore;
import io.booker.notify.adapter.RpcVenueDirectory;
import io.booker.notify.channel.Channel;
import io.booker.notify.domain.NotificationPlanner;
import io.booker.notify.template.MessageRenderer;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.kafka.ConsumerLag;
import io.booker.platform.kafka.KafkaClients;
import io.booker.platform.service.ServiceRuntime;
import io.booker.proto.notify.NotifyService;
import io.booker.proto.notify.NotifyServiceGrpcService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Wires the notify service: its database (created and migrated at start), the Kafka consumer of
 * every booking and venue topic ({@link EventConsumer}), the sender of guests' messages
 * ({@link NotificationSender}) with the channels and templates of {@link NotifyChannels}, the read
 * side ({@link NotifyServiceImpl}) on the event bus (and on gRPC when {@code notify.grpc_port} is
 * set), and the periodic clean-up of the event log. Config: {@link NotifySettings}.
 */
public final class NotifyVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(NotifyVerticle.class);
  /** How often the event log drops entries past their retention. */
  private static final long LOG_CLEANUP_INTERVAL_MS = 10 * 60_000L;

  private final Map<String, Channel> givenChannels;
  private final MessageRenderer givenRenderer;
  private ServiceRuntime runtime;
  private EventConsumer consumer;
  private ConsumerLag lag;
  private NotificationSender sender;
  private long cleanupTimer = -1;

  /** Channels and templates from the node's config. */
  public NotifyVerticle() {
    this(null, null);
  }

  /** With the given channels and renderer instead of the configured ones (tests). */
  public NotifyVerticle(Map<String, Channel> channels, MessageRenderer renderer) {
    this.givenChannels = channels;
    this.givenRenderer = renderer;
  }

  @Override
  public Future<?> start() {
    NodeConfig node = new NodeConfig(config());
    runtime = new ServiceRuntime(vertx, node, "notify");
    JsonObject cfg = runtime.config();
    NotifySettings settings = NotifySettings.from(cfg);
    // The group's lag as the broker sees it (kafka_consumer_lag_records), every lag_refresh_ms.
    lag = new ConsumerLag(vertx, node.kafkaBootstrap(), settings.groupId(), cfg.getLong("lag_refresh_ms", 15_000L));
    Map<String, Channel> channels = givenChannels != null ? givenChannels : NotifyChannels.create(vertx, cfg);
    Future<MessageRenderer> renderer = givenRenderer != null ? Future.succeededFuture(givenRenderer)
      : vertx.executeBlocking(NotifyChannels::renderer, false);
    return renderer.compose(r -> runtime.open(settings.database(), Map.of()).compose(v -> {
        NotifyStore store = new PgNotifyStore(runtime.pool());
        VenueDirectory venues = RpcVenueDirectory.create(vertx, node.section("clients").getJsonObject("venue", new JsonObject()),
          runtime.tokens());
        sender = new NotificationSender(vertx, store, channels, r, venues, settings.retry(), settings.sendInterval(), settings.sendBatch(),
          settings.sendLease());
        consumer = new EventConsumer(vertx, new KafkaEventSource(kafkaConsumer(node, settings)), EventParser::parse, store,
          new NotificationPlanner(channels.keySet(), settings.reminders()), sender::kick, settings.pollTimeout(), settings.dbRetry());
        startCleanup(store, settings);
        log.info("event=notify_starting group={} database={} channels={} reminders={}", settings.groupId(), settings.database(),
          channels.keySet(), settings.reminders());
        return runtime.serve(NotifyService.class, new NotifyServiceImpl(store), NotifyServiceGrpcService.SERVICE_DESCRIPTOR, -1);
      }))
      .compose(v -> consumer.start())
      .onSuccess(v -> lag.start())
      .onSuccess(v -> sender.start());
  }

  private KafkaConsumer<String, String> kafkaConsumer(NodeConfig node, NotifySettings settings) {
    Map<String, String> kafka = KafkaClients.consumerConfig(node.kafkaBootstrap(), settings.groupId());
    // Topics appear as services first publish to them; a pattern subscription sees them this soon.
    kafka.put("metadata.max.age.ms", "5000");
    kafka.put("max.poll.records", "200");
    return KafkaConsumer.create(vertx, kafka);
  }

  private void startCleanup(NotifyStore store, NotifySettings settings) {
    Runnable cleanup = () -> store.deleteEventsOlderThan(settings.eventLogRetention())
      .onSuccess(n -> {
        if (n > 0) {
          log.info("event=notify_event_log_trimmed deleted={} retention_h={}", n, settings.eventLogRetention().toHours());
        }
      })
      .compose(n -> store.deleteProcessedOlderThan(settings.processedRetention()))
      .onSuccess(n -> {
        if (n > 0) {
          log.info("event=notify_processed_ids_trimmed deleted={} retention_h={}", n, settings.processedRetention().toHours());
        }
      })
      .onFailure(t -> log.warn("event=notify_trim_failed error={}", t.toString()));
    cleanup.run();
    cleanupTimer = vertx.setPeriodic(LOG_CLEANUP_INTERVAL_MS, id -> cleanup.run());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(cleanupTimer);
    Future<Void> lagStopped = lag == null ? Future.succeededFuture() : lag.stop();
    Future<Void> consumed = consumer == null ? Future.succeededFuture() : consumer.stop();
    Future<Void> sent = sender == null ? Future.succeededFuture() : sender.stop();
    Future<Void> own = Future.join(consumed, sent, lagStopped).mapEmpty();
    return runtime == null ? own : runtime.stop(own);
  }
}
