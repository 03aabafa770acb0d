package io.booker.it.notify;

import io.booker.notify.channel.Channel;
import io.booker.notify.channel.OutgoingMessage;
import io.booker.notify.channel.SendFailure;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A channel for notify's tests: keeps what it was asked to send, and fails the sends a rule picks
 * (the rule answers the failure, or null to deliver). The real SMTP and webhook channels have tests
 * of their own.
 */
final class RecordingChannel implements Channel {

  private final String name;
  private final Function<OutgoingMessage, SendFailure> failure;
  private final List<OutgoingMessage> sent = new ArrayList<>();
  private final List<OutgoingMessage> tried = new ArrayList<>();

  RecordingChannel(String name, Function<OutgoingMessage, SendFailure> failure) {
    this.name = name;
    this.failure = failure;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Future<Void> send(OutgoingMessage message) {
    tried.add(message);
    SendFailure f = failure.apply(message);
    if (f != null) {
      return Future.failedFuture(f);
    }
    sent.add(message);
    return Future.succeededFuture();
  }

  /** The messages delivered for {@code bookingId}. */
  synchronized List<OutgoingMessage> sentFor(String bookingId) {
    return sent.stream().filter(m -> m.bookingId().equals(bookingId)).toList();
  }

  /** Every attempt for {@code bookingId}, delivered or not. */
  synchronized List<OutgoingMessage> triedFor(String bookingId) {
    return tried.stream().filter(m -> m.bookingId().equals(bookingId)).toList();
  }
}
