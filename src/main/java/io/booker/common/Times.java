package io.booker.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict parsing of the wire formats for dates ("YYYY-MM-DD"), times ("HH:MM"), time zones and
 * durations. Strict on purpose: the original accepted "9:5" and "24:00", which then broke the hold
 * keys and the overlap checks downstream.
 */
public final class Times {

  public static final int DEFAULT_DURATION_MINUTES = 120;
  public static final int MIN_DURATION_MINUTES = 15;
  public static final int MAX_DURATION_MINUTES = 720;

  // [0-9], not \d: \d would also accept non-ASCII digits if the pattern ever gets UNICODE flags.
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  // Read once: the set is a fresh copy on every call.
  private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
  // The canonical IANA shape: "UTC", a fixed-offset Etc zone, or Region/City[/Sub] in one of the
  // tz database's geographic regions. Leaves out what Java alone accepts or what are old aliases
  // (EST, GMT0, UCT, Zulu, US/Eastern, SystemV/..., offsets): Go and JavaScript clients read the
  // zone id back and must be able to load it.
  private static final Pattern CANONICAL_ZONE = Pattern.compile(
      "UTC|Etc/UTC|Etc/GMT[+-](1[0-4]|[1-9])"
      + "|(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)"
      + "/[A-Z][A-Za-z_\\-]*[A-Za-z](/[A-Z][A-Za-z_\\-]*[A-Za-z])?");

  private Times() {
  }

  /** A real calendar date in strict {@code YYYY-MM-DD} form. */
  public static LocalDate parseDate(String field, String s) {
    requirePresent(field, s);
    if (!DATE.matcher(s).matches()) {
      throw ServiceException.invalid(field, "must be YYYY-MM-DD");
    }
    int year = Integer.parseInt(s.substring(0, 4));
    int month = Integer.parseInt(s.substring(5, 7));
    int day = Integer.parseInt(s.substring(8, 10));
    if (year < 1) {
      throw ServiceException.invalid(field, "is not a real calendar date");
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw ServiceException.invalid(field, "is not a real calendar date");
    }
  }

  /** A wall-clock time in strict {@code HH:MM} form, 00:00 to 23:59. */
  public static LocalTime parseTime(String field, String s) {
    requirePresent(field, s);
    if (!TIME.matcher(s).matches()) {
      throw ServiceException.invalid(field, "must be HH:MM (00:00-23:59)");
    }
    return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(3, 5)));
  }

  /** {@code HH:MM}; seconds, if any, are dropped. */
  public static String formatTime(LocalTime t) {
    char[] out = new char[5];
    twoDigits(out, 0, t.getHour());
    out[2] = ':';
    twoDigits(out, 3, t.getMinute());
    return new String(out);
  }

  /** {@code YYYY-MM-DD}. */
  public static String formatDate(LocalDate d) {
    if (d.getYear() < 0 || d.getYear() > 9999) {
      return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    // Formatted by hand: it runs for every booking written and read, and String.format is slow.
    char[] out = new char[10];
    twoDigits(out, 0, d.getYear() / 100);
    twoDigits(out, 2, d.getYear() % 100);
    out[4] = '-';
    twoDigits(out, 5, d.getMonthValue());
    out[7] = '-';
    twoDigits(out, 8, d.getDayOfMonth());
    return new String(out);
  }

  private static void twoDigits(char[] out, int at, int value) {
    out[at] = (char) ('0' + value / 10);
    out[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * A canonical IANA zone id known to this JVM's tz database ("Europe/Berlin", "UTC",
   * "America/Argentina/Buenos_Aires", "Etc/GMT+2"): see {@link #CANONICAL_ZONE}. Offsets such as
   * "+02:00" are refused: they have no daylight-saving rules, so a venue set up with one would
   * silently be an hour off for half of the year.
   */
  public static ZoneId parseZone(String field, String s) {
    requirePresent(field, s);
    if (!CANONICAL_ZONE.matcher(s).matches() || !ZONE_IDS.contains(s)) {
      throw ServiceException.invalid(field, "must be an IANA time zone such as Europe/Berlin");
    }
    return ZoneId.of(s);
  }

  /**
   * A zone id this JVM knows, canonical or not: for zones one service passes another from its own
   * data (a venue created before the canonical rule may still have "US/Eastern"), where refusing
   * would break the venue rather than protect anything. Clients' new zones go through
   * {@link #parseZone}.
   */
  public static ZoneId knownZone(String field, String s) {
    requirePresent(field, s);
    if (!ZONE_IDS.contains(s)) {
      throw ServiceException.invalid(field, "must be an IANA time zone such as Europe/Berlin");
    }
    return ZoneId.of(s);
  }

  /**
   * The slot length to use: 0 (unset on the wire) means {@value #DEFAULT_DURATION_MINUTES};
   * otherwise 15 to 720 minutes in steps of 5.
   */
  public static int durationMinutes(int requested) {
    if (requested == 0) {
      return DEFAULT_DURATION_MINUTES;
    }
    if (requested < MIN_DURATION_MINUTES || requested > MAX_DURATION_MINUTES
        || requested % 5 != 0) {
      throw ServiceException.invalid("slot.duration_minutes",
          "must be between 15 and 720 minutes in steps of 5 (0 means 120)");
    }
    return requested;
  }

  /** The contract's weekday number: 0 = Sunday ... 6 = Saturday. */
  public static int weekday(LocalDate date) {
    return date.getDayOfWeek().getValue() % 7;
  }

  private static void requirePresent(String field, String s) {
    if (s == null || s.isBlank()) {
      throw ServiceException.invalid(field, "is required");
    }
  }
}
