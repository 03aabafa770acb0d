package io.booker.notify.channel;

import io.vertx.core.Future;

/**
 * A way to reach a guest (email, SMS/push through a provider's webhook). A send either succeeds or
 * fails with a {@link SendFailure} that says whether trying again can help.
 */
public interface Channel {

  /** The channel's name as stored with each notification: {@code email} or {@code sms}. */
  String name();

  /** Delivers one message; fails with {@link SendFailure} (any other failure counts as transient). */
  Future<Void> send(OutgoingMessage message);
}
