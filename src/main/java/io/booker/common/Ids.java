package io.booker.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers on the wire are UUID strings in the canonical 8-4-4-4-12 hexadecimal form. Hex digits
 * may be upper- or lower-case (RFC 9562 reads them case-insensitively); Booker always answers in
 * lower-case. Everything else {@link UUID#fromString} would take is refused: "1-1-1-1-1", braces,
 * "urn:uuid:" prefixes, surrounding spaces, non-ASCII digits. Refusing them keeps one id from having
 * many spellings that compare differently in caches, logs and other clients.
 */
public final class Ids {

  private static final Pattern CANONICAL =
    Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {
  }

  public static UUID uuid(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw ServiceException.invalid(field, "is required");
    }
    if (value.length() != 36 || !CANONICAL.matcher(value).matches()) {
      throw ServiceException.invalid(field, "must be a UUID (8-4-4-4-12 hex digits)");
    }
    return UUID.fromString(value);
  }

  /** Whether a value is a canonical UUID string; for callers that map a miss to their own answer. */
  public static boolean isCanonical(String value) {
    return value != null && value.length() == 36 && CANONICAL.matcher(value).matches();
  }
}
