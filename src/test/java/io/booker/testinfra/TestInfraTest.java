package io.booker.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.dev.infra.EmbeddedKafkaBroker;
import io.booker.dev.infra.EmbeddedPostgresServer;
import io.booker.dev.infra.EmbeddedRedisServer;
import io.booker.dev.infra.InfraEndpoints;
import io.booker.dev.infra.LocalPorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
@UsesInfrastructure
class TestInfraTest {

  @Test
  void postgresIs17AndUserIsSuperuser() throws Exception {
    InfraEndpoints infra = TestInfra.endpoints();
    try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("postgres"),
            infra.pgUser(), infra.pgPassword());
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("select version()")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).contains("17"), rs.getString(1));
      }
      try (ResultSet rs = statement.executeQuery(
          "select rolsuper from pg_roles where rolname = current_user")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1), "services create their databases, so they need a superuser");
      }
    }
  }

  /** scripts/run keeps restaurants' bookings: its PostgreSQL must survive a power cut. */
  @Test
  void aPersistentPostgresIsDurable(@TempDir Path dir) throws Exception {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, dir.resolve("pg"), false);
         Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
         Statement st = c.createStatement()) {
      for (String setting : List.of("fsync", "full_page_writes", "synchronous_commit")) {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          assertEquals("on", rs.getString(1), setting);
        }
      }
    }
  }

  @Test
  void redisAnswersPing() {
    InfraEndpoints infra = TestInfra.endpoints();
    assertTrue(EmbeddedRedisServer.ping(infra.redisHost(), infra.redisPort()),
        "no +PONG from " + infra.redisAddress());
  }

  @Test
  void kafkaRoundTripThroughAConsumerGroup() {
    InfraEndpoints infra = TestInfra.endpoints();
    String topic = "testinfra-" + UUID.randomUUID();
    produce(infra.kafkaBootstrap(), topic, "k1", "hello");

    Properties config = consumerConfig(infra.kafkaBootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "testinfra-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> records = pollUntilAny(consumer);
      assertEquals("k1", records.get(0).key());
      assertEquals("hello", records.get(0).value());
    }
  }

  @Test
  void nodeConfigHasTheShapeTheNodeReads() {
    InfraEndpoints infra = new InfraEndpoints("h", 1, "u", "p", "r", 2, "k:3");
    assertEquals("{\"infra\":{\"mode\":\"external\",\"postgres\":{\"host\":\"h\",\"port\":1,"
            + "\"user\":\"u\",\"password\":\"p\"},\"redis\":{\"host\":\"r\",\"port\":2},"
            + "\"kafka\":{\"bootstrap\":\"k:3\"}}}",
        infra.toConfig().encode());
    assertFalse(infra.toString().contains("p@"), "toString must not print the password");
  }

  @Test
  void stoppedBrokerRestartsOnTheSameDirectoryWithItsData(@TempDir Path dir) {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"));
    try {
      broker.start();
      String bootstrap = broker.bootstrap();
      produce(bootstrap, "durable", "k", "before-restart");

      broker.stop();
      assertFalse(broker.isRunning());
      assertFalse(LocalPorts.accepting(broker.port()), "port still open after stop");

      broker.start();
      assertEquals(bootstrap, broker.bootstrap(), "restart must keep the port");
      Properties config = consumerConfig(bootstrap);
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
        List<TopicPartition> partitions = consumer.partitionsFor("durable").stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ConsumerRecord<String, String>> records = pollUntilAny(consumer);
        assertEquals("before-restart", records.get(0).value());
      }
    } finally {
      broker.stop();
    }
  }

  private static void produce(String bootstrap, String topic, String key, String value) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("produce to " + topic + " on " + bootstrap + " failed", e);
    }
  }

  private static Properties consumerConfig(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }

  private static List<ConsumerRecord<String, String>> pollUntilAny(
      KafkaConsumer<String, String> consumer) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      if (!records.isEmpty()) {
        return records;
      }
    }
    throw new AssertionError("no record within 30 s");
  }
}
