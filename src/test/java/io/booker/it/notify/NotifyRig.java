package io.booker.it.notify;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.booker.it.support.NotifyGroups;
import io.booker.notify.NotifyVerticle;
import io.booker.notify.channel.Channel;
import io.booker.notify.template.MessageRenderer;
import io.booker.platform.config.NodeConfig;
import io.booker.platform.pg.PgDatabases;
import io.booker.platform.rpc.RpcClients;
import io.booker.proto.common.BookingCancelled;
import io.booker.proto.common.BookingEvent;
import io.booker.proto.common.BookingHeld;
import io.booker.proto.common.EventHeaders;
import io.booker.proto.common.Slot;
import io.booker.proto.common.TableRef;
import io.booker.proto.notify.ListNotificationsRequest;
import io.booker.proto.notify.Notification;
import io.booker.proto.notify.NotifyServiceClient;
import io.booker.proto.notify.NotifyServiceGrpcService;
import io.booker.testinfra.TestInfra;
import io.booker.testinfra.TestTokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A notify service of its own for a test class: its own consumer group and database on the shared
 * Kafka and PostgreSQL (so other tests' traffic neither interferes nor is disturbed: every
 * assertion filters by the test's own ids), channels the test gives, a renderer that writes the
 * template's name, and a Kafka producer to feed it records directly.
 */
final class NotifyRig implements AutoCloseable {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  final Vertx vertx = Vertx.vertx();
  final String database = "notify_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final KafkaProducer<String, String> producer;
  private final Pool pool;
  private final NotifyServiceClient client;

  /** Starts notify with {@code channels}; {@code notify} is merged over the test's notify section. */
  NotifyRig(List<Channel> channels, JsonObject notify) {
    NotifyGroups.createTopics();
    JsonObject section = new JsonObject()
      .put("database", database)
      .put("group_id", NotifyGroups.fresh("notify-it"))
      .put("reminders", new JsonArray().add("PT1H"))
      .put("poll_timeout_ms", 200)
      .put("db_retry_ms", 200)
      .put("send", new JsonObject().put("interval_ms", 200).put("batch_size", 50).put("lease_ms", 30_000))
      .put("retry", new JsonObject().put("max_attempts", 3).put("initial_backoff_ms", 200).put("max_backoff_ms", 400))
      .mergeIn(notify, true);
    JsonObject config = TestInfra.endpoints().toConfig().put("auth", TestTokens.authConfig()).put("notify", section);
    Map<String, Channel> byName = new java.util.LinkedHashMap<>();
    channels.forEach(c -> byName.put(c.name(), c));
    MessageRenderer renderer = (template, channel, language, m) ->
      new MessageRenderer.Rendered("email".equals(channel) ? template + " " + m.bookingId() : "", template + " at " + m.venueName(), "en");
    vertx.deployVerticle(new NotifyVerticle(byName, renderer), new DeploymentOptions().setConfig(config)).await();
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.endpoints().kafkaBootstrap(),
      "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName(), "acks", "all"));
    pool = PgDatabases.pool(vertx, new NodeConfig(config).postgres(), database, 2);
    client = RpcClients.eventBus(vertx, NotifyServiceClient.class, NotifyServiceGrpcService.SERVICE_DESCRIPTOR, 5000, TestTokens::admin);
  }

  /** A client of this notify's service calling with {@code authorization}. */
  NotifyServiceClient client(Supplier<String> authorization) {
    return RpcClients.eventBus(vertx, NotifyServiceClient.class, NotifyServiceGrpcService.SERVICE_DESCRIPTOR, 5000, authorization);
  }

  NotifyServiceClient client() {
    return client;
  }

  /** Sends a record and waits until Kafka has it; answers its offset. */
  long produce(String topic, String key, String value) {
    try {
      RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, value)).get();
      return m.offset();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  long produce(String topic, String key, Message event) {
    try {
      return produce(topic, key, JsonFormat.printer().preservingProtoFieldNames().print(event));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The notifications of a booking, through the service. */
  List<Notification> notifications(String bookingId) {
    return client.listNotifications(ListNotificationsRequest.newBuilder().setBookingId(bookingId).build()).await()
      .getNotificationsList();
  }

  /** Rows of a query on this notify's database. */
  List<Row> query(String sql, Object... args) {
    List<Row> out = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.wrap(args)).await().forEach(out::add);
    return out;
  }

  /** A booking event of {@code type} for booking {@code bookingId} at {@code venueId}, version {@code version}. */
  static BookingEvent.Builder bookingEvent(String type, String bookingId, String venueId, long version, String status,
                                           Instant startsAt) {
    ZonedDateTime local = startsAt.atZone(TOKYO);
    BookingEvent.Builder b = BookingEvent.newBuilder()
      .setHeaders(EventHeaders.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type)
        .setSource("booking").setTimestamp(Instant.now().getEpochSecond()))
      .setBookingId(bookingId)
      .setTable(TableRef.newBuilder().setVenueId(venueId).setRoomId(UUID.randomUUID().toString()).setTableId(UUID.randomUUID().toString()))
      .setSlot(Slot.newBuilder().setDate(local.toLocalDate().toString()).setStartTime(local.toLocalTime().withSecond(0).withNano(0).toString())
        .setDurationMinutes(120))
      .setPartySize(2).setCustomerName("Jane Guest").setCustomerEmail("jane+" + bookingId.substring(0, 8) + "@example.com")
      .setVersion(version).setStatus(status)
      .setStartsAt(startsAt.getEpochSecond()).setEndsAt(startsAt.plusSeconds(7200).getEpochSecond());
    b.addTables(b.getTable());
    if (type.equals("booking.held")) {
      b.setHeld(BookingHeld.newBuilder().setExpiresAt(Instant.now().plusSeconds(900).getEpochSecond()));
    } else if (type.equals("booking.cancelled")) {
      b.setCancelled(BookingCancelled.newBuilder().setReason("plans changed"));
    }
    return b;
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() {
    producer.close();
    vertx.close().await();
  }
}
