package io.booker.platform.kafka;

import io.vertx.kafka.client.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsumerLagTest {

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
