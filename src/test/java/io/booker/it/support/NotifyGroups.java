package io.booker.it.support;

import io.booker.testinfra.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Notify's consumer groups in the suite. The suite's nodes share one Kafka; were they in one group,
 * a node that outlived its test (a start that failed half-way, a leak) would keep some partitions,
 * and the events on them would reach its notify and its event bus instead of the running test's.
 * So each test node reads in a group of its own, started at the end of every topic.
 */
public final class NotifyGroups {

  /** The topics notify reads that the suite's tests write to first. */
  public static final List<String> TOPICS = List.of("booking.held", "booking.confirmed", "booking.cancelled", "booking.rescheduled",
    "booking.no_show", "venue.updated", "block.created", "block.deleted");

  private NotifyGroups() {
  }

  /** A new group name, started at the end of every topic. */
  public static String fresh(String prefix) {
    String group = prefix + "-" + UUID.randomUUID();
    startAtTheEnd(group);
    return group;
  }

  /**
   * Creates the topics the tests write to, before notify subscribes: a topic that appears later is
   * only seen by its pattern subscription at the next metadata refresh (up to 5 s).
   */
  public static void createTopics() {
    try (Admin admin = admin()) {
      for (String topic : TOPICS) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Commits {@code group}'s offsets at the current end of every topic, so its notify does not first
   * work through the whole history of the suite's shared Kafka (which could take longer than the
   * tests' waits); topics created later start from their beginning, as in production.
   */
  public static void startAtTheEnd(String group) {
    try (Admin admin = admin()) {
      Set<String> topics = admin.listTopics().names().get();
      if (topics.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
        d.partitions().forEach(p -> ask.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      admin.listOffsets(ask).all().get().forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, ends).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Admin admin() {
    return Admin.create(Map.<String, Object>of("bootstrap.servers", TestInfra.endpoints().kafkaBootstrap()));
  }
}
