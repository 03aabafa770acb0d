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
 */
public record OutboxEvent(UUID eventId, String topic, String aggregateId, String eventType, String payload) {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

  public static OutboxEvent of(UUID eventId, String topic, String aggregateId, Message event) {
    try {
      return new OutboxEvent(eventId, topic, aggregateId, topic, PRINTER.print(event));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("event cannot be printed as JSON", e);
    }
  }
}
