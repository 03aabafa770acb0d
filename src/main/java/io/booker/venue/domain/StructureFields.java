package io.booker.venue.domain;

import io.booker.common.ServiceException;
import io.booker.common.Text;
import io.booker.common.Times;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for the free-text and numeric fields of venues, rooms and tables. Each check returns
 * the cleaned value (NFC, trimmed of whitespace and invisible characters; see {@link Text}) or throws
 * INVALID_ARGUMENT naming the field.
 */
public final class StructureFields {

  public static final int VENUE_NAME_MAX = 200;
  public static final int ADDRESS_MAX = 500;
  public static final int PHONE_MAX = 40;
  public static final int EMAIL_MAX = 254;
  public static final int DESCRIPTION_MAX = 2000;
  public static final int ROOM_NAME_MAX = 100;
  public static final int TABLE_NAME_MAX = 50;
  public static final int ZONE_MAX = 50;
  public static final int LANGUAGE_MAX = 35;
  public static final int CAPACITY_MIN = 1;
  public static final int CAPACITY_MAX = 100;
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
  private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]*");
  /**
   * The BCP 47 tags a venue's guests can be written to in: a language, optionally a script, optionally
   * a region (ISO 3166 letters or a UN M.49 number), in canonical case. Extensions, private use and
   * extended language subtags are refused: message templates are chosen by language and region only.
   */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

  private StructureFields() {
  }

  /** A one-line name with at least one visible character. */
  public static String required(String field, String value, int max) {
    return Text.name(field, value, max);
  }

  /** One line of optional text; no control characters (NUL included: PostgreSQL text cannot hold it). */
  public static String optional(String field, String value, int max) {
    return Text.line(field, value, max);
  }

  /** Optional free text that may span several lines (descriptions, postal addresses). */
  public static String multiline(String field, String value, int max) {
    return Text.lines(field, value, max);
  }

  public static String zone(String value) {
    String v = Text.line("timezone", value, ZONE_MAX);
    Times.parseZone("timezone", v);
    return v;
  }

  /**
   * An optional BCP 47 language tag, in any case, answered in canonical case ("fr-ca" is "fr-CA");
   * empty means not set. "und" (undetermined) is refused: leaving the field empty says that.
   */
  public static String language(String value) {
    String v = optional("language", value, LANGUAGE_MAX);
    if (v.isEmpty()) {
      return v;
    }
    String canonical = Locale.forLanguageTag(v).toLanguageTag();
    // The round trip catches what the pattern alone would let through: deprecated codes Locale
    // replaces ("iw" becomes "he") and "und", which is what an unparseable tag turns into.
    if (!canonical.equalsIgnoreCase(v) || !LANGUAGE_TAG.matcher(canonical).matches() || canonical.equals("und")) {
      throw ServiceException.invalid("language", "must be a BCP 47 language tag such as en, de or fr-CA");
    }
    return canonical;
  }

  public static String phone(String value) {
    String v = optional("phone", value, PHONE_MAX);
    if (!PHONE.matcher(v).matches()) {
      throw ServiceException.invalid("phone", "may contain only digits, spaces and + - ( )");
    }
    return v;
  }

  public static String email(String value) {
    String v = optional("email", value, EMAIL_MAX);
    if (!v.isEmpty() && !EMAIL.matcher(v).matches()) {
      throw ServiceException.invalid("email", "must be an email address such as name@example.com");
    }
    return v;
  }

  public static int capacity(int capacity) {
    if (capacity < CAPACITY_MIN || capacity > CAPACITY_MAX) {
      throw ServiceException.invalid("capacity", "must be between " + CAPACITY_MIN + " and " + CAPACITY_MAX);
    }
    return capacity;
  }
}
