package io.booker.gateway.auth.domain;

import io.booker.common.ServiceException;

/** A user's name as people read it: 1 to 100 characters, no control characters; the login when absent. */
public final class DisplayName {

  public static final String FIELD = "display_name";
  public static final int MAX = 100;

  private DisplayName() {
  }

  public static String of(String raw, String login) {
    if (raw == null) {
      return login;
    }
    String name = raw.strip();
    if (name.isEmpty()) {
      throw ServiceException.invalid(FIELD, "must not be blank");
    }
    if (name.codePointCount(0, name.length()) > MAX) {
      throw ServiceException.invalid(FIELD, "must be at most " + MAX + " characters");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw ServiceException.invalid(FIELD, "must not contain control characters");
    }
    return name;
  }
}
