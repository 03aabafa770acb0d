package io.booker.notify.domain;

/**
 * Guests' addresses as logs may show them: enough to tell two apart, never the whole thing.
 * {@code jane@example.com} → {@code j***@example.com}; {@code +441234567889} → {@code +44******89}.
 */
public final class Masking {

  private Masking() {
  }

  public static String email(String email) {
    if (email == null || email.isEmpty()) {
      return "";
    }
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  /** Keeps the first three and last two characters of numbers long enough to hide something. */
  public static String phone(String phone) {
    if (phone == null || phone.isEmpty()) {
      return "";
    }
    if (phone.length() <= 6) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
  }

  /** Masks a recipient of {@code channel}: an email address for email, a phone number otherwise. */
  public static String recipient(String channel, String recipient) {
    return Channels.EMAIL.equals(channel) ? email(recipient) : phone(recipient);
  }
}
