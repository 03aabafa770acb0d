package io.booker.common;

import java.text.Normalizer;

/**
 * The one rule for free text that the services store (names, addresses, comments...), used by every
 * field check of both transports.
 *
 * <ul>
 *   <li>Lone surrogates are refused: they are not text, PostgreSQL and JSON encoders reject or
 *       mangle them.</li>
 *   <li>The text is NFC-normalised, so "é" typed as one character and as "e" + combining accent is
 *       the same stored value, and a unique name cannot be registered twice in two look-alike
 *       forms.</li>
 *   <li>Leading and trailing whitespace and invisible characters (format characters such as zero-width
 *       spaces and joiners, the BOM, bidi marks) are trimmed; a name that is empty afterwards is
 *       missing. Inside the text they stay: emoji sequences and right-to-left names need them.</li>
 *   <li>Control characters are refused. {@link #lines} allows line breaks ({@code \n}, {@code \r})
 *       and tabs for multi-line free text; {@link #line} allows none, nor the Unicode line and
 *       paragraph separators.</li>
 *   <li>Length is counted in code points, after cleaning.</li>
 * </ul>
 */
public final class Text {

  private Text() {
  }

  /** One line of optional text; "" when missing or blank. */
  public static String line(String field, String value, int max) {
    return clean(field, value, max, false);
  }

  /** Optional free text that may span several lines; "" when missing or blank. */
  public static String lines(String field, String value, int max) {
    return clean(field, value, max, true);
  }

  /** A one-line name that must have at least one visible character. */
  public static String name(String field, String value, int max) {
    String v = line(field, value, max);
    if (v.isEmpty()) {
      throw ServiceException.invalid(field, "is required");
    }
    return v;
  }

  /** Whether a value has no visible character (only whitespace and invisible characters, or none). */
  public static boolean isBlank(String value) {
    if (value == null) {
      return true;
    }
    return value.codePoints().allMatch(cp -> isTrimmable(cp) || isModifierOnly(cp));
  }

  private static String clean(String field, String value, int max, boolean multiline) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    requireWellFormed(field, value);
    String v = trim(Normalizer.normalize(value, Normalizer.Form.NFC));
    if (isBlank(v)) {
      return "";
    }
    int count = 0;
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      if (!allowed(cp, multiline)) {
        throw ServiceException.invalid(field, multiline
          ? "must not contain control characters other than line breaks and tabs"
          : "must not contain control characters or line breaks");
      }
      count++;
      i += Character.charCount(cp);
    }
    if (count > max) {
      throw ServiceException.invalid(field, "must be at most " + max + " characters");
    }
    return v;
  }

  private static boolean allowed(int cp, boolean multiline) {
    int type = Character.getType(cp);
    if (type == Character.CONTROL) {
      return multiline && (cp == '\n' || cp == '\r' || cp == '\t');
    }
    if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      return multiline;
    }
    // Unassigned private-use and noncharacters are left alone: rare, harmless to store.
    return true;
  }

  /**
   * Refuses lone surrogates. Called where JSON becomes a protobuf message too: protobuf's UTF-8
   * encoder would silently turn them into "?" on the way to a service, so the service's own check
   * would never see them.
   */
  public static void requireWellFormed(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw ServiceException.invalid(field, "must be valid Unicode text (lone surrogate)");
      }
      if (Character.isLowSurrogate(c)) {
        throw ServiceException.invalid(field, "must be valid Unicode text (lone surrogate)");
      }
    }
  }

  private static String trim(String v) {
    int start = 0;
    int end = v.length();
    while (start < end) {
      int cp = v.codePointAt(start);
      if (!isTrimmable(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = v.codePointBefore(end);
      if (!isTrimmable(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return v.substring(start, end);
  }

  /**
   * Whitespace (including no-break spaces), format characters (Cf: zero-width space/joiners, BOM,
   * bidi marks, soft hyphen) and the fillers that render as nothing (Hangul fillers, braille blank).
   * Emoji tag characters are Cf too but end a flag sequence, so they are not trimmed.
   */
  static boolean isTrimmable(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85) {
      return true;
    }
    if (Character.getType(cp) == Character.FORMAT) {
      return !isTag(cp);
    }
    return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
  }

  /**
   * Invisible on their own but part of what precedes them (variation selectors, the combining
   * grapheme joiner, emoji tags): never trimmed, yet a value made only of them is blank.
   */
  private static boolean isModifierOnly(int cp) {
    return cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || isTag(cp);
  }

  private static boolean isTag(int cp) {
    return cp >= 0xE0000 && cp <= 0xE007F;
  }
}
