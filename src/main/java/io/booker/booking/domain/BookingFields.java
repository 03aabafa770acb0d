package io.booker.booking.domain;

import io.booker.common.ServiceException;
import io.booker.common.Text;
import java.util.regex.Pattern;

/**
 * The rules for a booking's free-text fields. Each check returns the cleaned value (NFC, trimmed;
 * see {@link Text}) or throws INVALID_ARGUMENT naming the field.
 */
public final class BookingFields {

  public static final int NAME_MAX = 200;
  public static final int PHONE_MAX = 40;
  public static final int EMAIL_MAX = 254;
  public static final int COMMENT_MAX = 1000;
  public static final int REASON_MAX = 500;
  public static final int MAX_PARTY_SIZE = 100;
  public static final int IDEMPOTENCY_KEY_MAX = 255;

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]*[0-9][0-9 ()\\-.]*");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

  private BookingFields() {
  }

  public static String customerName(String value) {
    return Text.name("customer_name", value, NAME_MAX);
  }

  public static String customerPhone(String value) {
    String v = text("customer_phone", value, PHONE_MAX);
    if (!v.isEmpty() && !PHONE.matcher(v).matches()) {
      throw ServiceException.invalid("customer_phone", "must be digits, with spaces, a leading + and ( ) - . allowed");
    }
    return v;
  }

  public static String customerEmail(String value) {
    String v = text("customer_email", value, EMAIL_MAX);
    if (!v.isEmpty() && !EMAIL.matcher(v).matches()) {
      throw ServiceException.invalid("customer_email", "must be an email address such as name@example.com");
    }
    return v;
  }

  public static String comment(String value) {
    return Text.lines("comment", value, COMMENT_MAX);
  }

  public static String reason(String value) {
    return text("reason", value, REASON_MAX);
  }

  public static int partySize(int value) {
    if (value < 1 || value > MAX_PARTY_SIZE) {
      throw ServiceException.invalid("party_size", "must be between 1 and " + MAX_PARTY_SIZE);
    }
    return value;
  }

  /** Empty for none; otherwise 1-255 printable ASCII characters, as the Idempotency-Key header. */
  public static String idempotencyKey(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (value.length() > IDEMPOTENCY_KEY_MAX || !PRINTABLE_ASCII.matcher(value).matches()) {
      throw ServiceException.invalid("idempotency_key", "must be 1 to " + IDEMPOTENCY_KEY_MAX + " printable ASCII characters without spaces");
    }
    return value;
  }

  /** One line: NFC, trimmed of whitespace and invisible characters, no control characters (see {@link Text}). */
  static String text(String field, String value, int max) {
    return Text.line(field, value, max);
  }
}
