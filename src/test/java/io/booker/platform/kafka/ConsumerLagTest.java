package io.booker.platform.kafka;

import io.booker.testinfra.TestInfra;
import io.booker.testinfra.UsesInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@UsesInfrastructure
class ConsumerLagTest {

  @Test
  void aGroupsLagIsReadFromTheBrokerByTopic() {
    String bootstrap = TestInfra.endpoints().kafkaBootstrap();
    Vertx vertx = Vertx.vertx();
    String topic = "lag.test." + UUID.randomUUID();
    String group = "lag-test-" + UUID.randomUUID();
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, Map.of("bootstrap.servers", bootstrap));
    KafkaProducer<String, String> producer = KafkaClients.producer(vertx, bootstrap, "lag-test-" + UUID.randomUUID());
    ConsumerLag lag = new ConsumerLag(vertx, bootstrap, group, 60_000);
    try {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).await();
      for (int i = 0; i < 7; i++) {
        producer.send(KafkaProducerRecord.create(topic, null, "e" + i, i % 2)).await();
      }
      // Partition 0 has 4 records, partition 1 has 3: the group has read 1 of the first and all of the second.
      admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1, ""),
        new TopicPartition(topic, 1), new OffsetAndMetadata(3, ""))).await();
      lag.start();
      assertEquals(Map.of(topic, 3L), lag.refresh().await());
    } finally {
      lag.stop().await();
      producer.close().await();
      admin.close().await();
      vertx.close().await();
    }
  }

  @Test
  void theLagOfATopicIsTheSumOverItsPartitionsOfEndMinusCommitted() {
    Map<TopicPartition, Long> committed = new HashMap<>();
    committed.put(new TopicPartition("booking.held", 0), 10L);
    committed.put(new TopicPartition("booking.held", 1), 4L);
    committed.put(new TopicPartition("venue.created", 0), 7L);
    Map<TopicPartition, Long> ends = new HashMap<>();
    ends.put(new TopicPartition("booking.held", 0), 15L);
    ends.put(new TopicPartition("booking.held", 1), 4L);
    ends.put(new TopicPartition("venue.created", 0), 7L);
    assertEquals(Map.of("booking.held", 5L, "venue.created", 0L), ConsumerLag.byTopic(committed, ends));
  }

  @Test
  void anEndReadBeforeTheCommitNeverMakesALagBelowZeroAndAnUnknownEndCountsNothing() {
    Map<TopicPartition, Long> committed = new HashMap<>();
    committed.put(new TopicPartition("booking.confirmed", 0), 12L);
    committed.put(new TopicPartition("booking.confirmed", 1), 3L);
    Map<TopicPartition, Long> ends = Map.of(new TopicPartition("booking.confirmed", 0), 9L);
    assertEquals(Map.of("booking.confirmed", 0L), ConsumerLag.byTopic(committed, ends));
  }
}
