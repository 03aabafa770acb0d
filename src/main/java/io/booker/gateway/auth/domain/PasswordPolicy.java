package io.booker.gateway.auth.domain;

import io.booker.common.ServiceException;

/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS 2.1): 10 to 128 characters, any
 * characters, no composition rules, and not the login name. Length counts code points, so a
 * password of emoji is as long as it looks.
 */
public final class PasswordPolicy {

  public static final int MIN = 10;
  public static final int MAX = 128;

  private PasswordPolicy() {
  }

  /** Refuses {@code password} as the new password of {@code login}, naming {@code field}. */
  public static void check(String field, String password, String login) {
    if (password == null || password.isEmpty()) {
      throw ServiceException.invalid(field, "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN) {
      throw ServiceException.invalid(field, "must be at least " + MIN + " characters");
    }
    if (length > MAX) {
      throw ServiceException.invalid(field, "must be at most " + MAX + " characters");
    }
    if (login != null && password.strip().equalsIgnoreCase(login)) {
      throw ServiceException.invalid(field, "must not be the login name");
    }
  }
}
