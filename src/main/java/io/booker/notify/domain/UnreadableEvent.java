package io.booker.notify.domain;

/**
 * A record notify cannot handle whatever it tries (not JSON, not the event its topic says, no event
 * or aggregate id): it is recorded as poisoned and skipped. The message never quotes the payload.
 */
public final class UnreadableEvent extends RuntimeException {

  public UnreadableEvent(String message) {
    super(message, null, false, false);
  }
}
