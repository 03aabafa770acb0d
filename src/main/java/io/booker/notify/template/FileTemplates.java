package io.booker.notify.template;

import java.time.format.DateTimeFormatter;

/** Plain-text messages in English: the template name and the booking's facts. */
public final class FileTemplates implements MessageRenderer {

  public static FileTemplates load() {
    return new FileTemplates();
  }

  @Override
  public Rendered render(String template, String channel, String language, BookingMessage m) {
    String ref = m.bookingId().replace("-", "").substring(0, 8).toUpperCase();
    String venue = m.venueName().isEmpty() ? "the restaurant" : m.venueName();
    String when = (m.date() == null ? "" : m.date().format(DateTimeFormatter.ISO_LOCAL_DATE))
      + (m.time() == null ? "" : " " + m.time().format(DateTimeFormatter.ofPattern("HH:mm")));
    String text = "Booking " + ref + " at " + venue + " on " + when + " for " + m.partySize() + ": " + template
      + (m.reason().isEmpty() ? "" : " (" + m.reason() + ")");
    return new Rendered("email".equals(channel) ? "Your booking " + ref + ": " + template : "", text, "en");
  }
}
