package io.booker.platform.outbox;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import java.util.UUID;

/**
 * An event waiting in a service's {@code outbox} table: written in the same transaction as the
 * change it describes, published to Kafka later by {@link OutboxRelay}.
 *
 * @param payload the event as canonical protobuf JSON with proto field names
 * @param aggregateVersion the version of the aggregate the event describes (Kafka header
 *     {@code version}), or null when the aggregate has none
 */
public record OutboxEvent(UUID eventId, String topic, String aggregateId, String eventType, String payload, Long aggregateVersion) {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

  public static OutboxEvent of(UUID eventId, String topic, String aggregateId, Message event) {
    return of(eventId, topic, aggregateId, event, null);
  }

  public static OutboxEvent of(UUID eventId, String topic, String aggregateId, Message event, Long aggregateVersion) {
    try {
      return new OutboxEvent(eventId, topic, aggregateId, topic, PRINTER.print(event), aggregateVersion);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("event cannot be printed as JSON", e);
    }
  }
}
