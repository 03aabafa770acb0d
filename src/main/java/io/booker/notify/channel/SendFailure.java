package io.booker.notify.channel;

/**
 * A send that did not go through. {@code permanent} when retrying cannot help (a rejected address,
 * a 4xx from the provider); transient otherwise (connection refused, timeout, 5xx, SMTP 4xx).
 * The message must not contain a full address or phone number.
 */
public final class SendFailure extends RuntimeException {

  private final boolean permanent;

  public SendFailure(String message, boolean permanent) {
    super(message, null, false, false);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
