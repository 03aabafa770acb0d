package io.booker.gateway.auth;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;

/** Sign-ins refused for a while (too many failures); the same words whether or not the login exists. */
public final class LoginLocked extends ServiceException {

  private final long retryAfterSeconds;

  public LoginLocked(long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMITED, "too many failed sign-in attempts; try again later");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
