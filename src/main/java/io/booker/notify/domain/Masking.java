package io.booker.notify.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guests' addresses as logs and recorded errors may show them: enough is left to tell two recipients
 * apart when debugging, not enough to contact anyone.
 */
public final class Masking {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+");
  /** A run of digits, possibly with the usual phone separators, holding at least five digits. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d ()-]{3,}\\d");

  private Masking() {
  }

  /** {@code john@example.com} → {@code j***@example.com}; without an {@code @} → {@code ***}. */
  public static String email(String address) {
    if (address == null || address.isBlank()) {
      return "";
    }
    String trimmed = address.trim();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return trimmed.charAt(0) + "***" + trimmed.substring(at);
  }

  /**
   * Keeps at most the last two digits, and for an international number ({@code +} and ten or more
   * digits) the two digits after the plus: {@code +44 7911 123489} → {@code +44*******89}.
   * Short numbers (fewer than six digits) are masked entirely.
   */
  public static String phone(String number) {
    if (number == null || number.isBlank()) {
      return "";
    }
    String digits = number.replaceAll("\\D", "");
    if (digits.length() < 6) {
      return "*".repeat(Math.max(digits.length(), 3));
    }
    boolean international = number.trim().startsWith("+") && digits.length() >= 10;
    String head = international ? "+" + digits.substring(0, 2) : "";
    int hidden = digits.length() - 2 - (international ? 2 : 0);
    return head + "*".repeat(hidden) + digits.substring(digits.length() - 2);
  }

  /** Masks every email address and every phone-like digit run in free text (a server's reply, a provider's error body). */
  public static String addressesIn(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String withoutEmails = replace(EMAIL, text, m -> email(m.group()));
    return replace(DIGIT_RUN, withoutEmails, m -> m.group().replaceAll("\\D", "").length() >= 5 ? phone(m.group()) : m.group());
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> by) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Masks a recipient of {@code channel}: an email address for email, a phone number otherwise. */
  public static String recipient(String channel, String recipient) {
    return Channels.EMAIL.equals(channel) ? email(recipient) : phone(recipient);
  }
}
