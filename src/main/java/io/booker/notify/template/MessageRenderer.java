package io.booker.notify.template;

/** Writes a guest's message from a template file per template name, channel and language. */
public interface MessageRenderer {

  /**
   * @param template  held, confirmed, rescheduled, cancelled, expired, no_show or reminder
   * @param channel   email or sms
   * @param language  the venue's language (BCP 47, e.g. "de" or "fr-CA"); empty or unknown falls back to English
   */
  Rendered render(String template, String channel, String language, BookingMessage message);

  /** The written message and the language it was actually written in. */
  record Rendered(String subject, String text, String language) {
  }
}
