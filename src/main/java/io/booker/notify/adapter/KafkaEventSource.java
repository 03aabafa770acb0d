package io.booker.notify.adapter;

import io.booker.notify.EventSource;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaHeader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Notify's records from its Kafka consumer group (string keys and values, offsets committed explicitly). */
public final class KafkaEventSource implements EventSource {

  private final KafkaConsumer<String, String> consumer;

  public KafkaEventSource(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  @Override
  public Future<Void> subscribe(Pattern topics, Handler<Throwable> errors) {
    consumer.exceptionHandler(errors);
    return consumer.subscribe(topics);
  }

  @Override
  public Future<List<SourceRecord>> poll(Duration timeout) {
    return consumer.poll(timeout).map(KafkaEventSource::records);
  }

  @Override
  public Future<Void> commit(Map<Partition, Long> nextOffsets) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    nextOffsets.forEach((p, offset) -> offsets.put(topicPartition(p), new OffsetAndMetadata(offset, "")));
    return consumer.commit(offsets).mapEmpty();
  }

  @Override
  public Future<Void> seek(Map<Partition, Long> offsets) {
    return Future.join(offsets.entrySet().stream().map(e -> consumer.seek(topicPartition(e.getKey()), e.getValue())).toList())
      .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return consumer.close();
  }

  private static List<SourceRecord> records(KafkaConsumerRecords<String, String> batch) {
    List<SourceRecord> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      KafkaConsumerRecord<String, String> r = batch.recordAt(i);
      Map<String, String> headers = new HashMap<>();
      for (KafkaHeader h : r.headers()) {
        if (h.value() != null) {
          headers.put(h.key(), h.value().toString());
        }
      }
      out.add(new SourceRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers));
    }
    return out;
  }

  private static TopicPartition topicPartition(Partition p) {
    return new TopicPartition(p.topic(), p.partition());
  }
}
