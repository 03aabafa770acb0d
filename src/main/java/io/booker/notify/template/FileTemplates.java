package io.booker.notify.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guests' messages from plain-text files on the classpath,
 * {@code notify/templates/<lang>/<template>.<channel>.txt}, for the languages listed in
 * {@code notify/templates/languages.txt} (the first is the default). An email file starts with
 * {@code Subject: ...} and a blank line; an SMS file is the text only. Everything is read and
 * checked once, at {@link #load()}: a missing file or an unknown placeholder stops the node at start.
 *
 * <p>Language resolution: the exact tag ({@code fr-CA}), then its language ({@code fr}), then the
 * default. Dates and times are written for the requested locale when its language was found
 * (fr-CA dates for fr-CA), otherwise for the language used.
 */
public final class FileTemplates implements MessageRenderer {

  public static final List<String> TEMPLATES = List.of("held", "confirmed", "rescheduled", "cancelled", "expired", "no_show", "reminder");
  public static final List<String> CHANNELS = List.of("email", "sms");
  static final String ROOT = "notify/templates";
  private static final String SUBJECT = "Subject:";

  /** The placeholders a template file may use. */
  static final Set<String> VALUES = Set.of("venue", "guest", "greeting", "date", "date_short", "time", "zone", "when",
      "party", "party_size", "duration", "reference", "time_left", "reason", "reason_line");

  private final String defaultLanguage;
  private final Map<String, TemplateLanguage> languages;
  /** Key: lang/template.channel → [subject, body]. */
  private final Map<String, String[]> files;

  private FileTemplates(String defaultLanguage, Map<String, TemplateLanguage> languages, Map<String, String[]> files) {
    this.defaultLanguage = defaultLanguage;
    this.languages = languages;
    this.files = files;
  }

  /** Reads every template of every listed language from the classpath; fails on the first problem, naming the file. */
  public static FileTemplates load() {
    return load(ROOT);
  }

  static FileTemplates load(String root) {
    List<String> tags = read(root + "/languages.txt").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).toList();
    if (tags.isEmpty()) {
      throw new IllegalArgumentException(root + "/languages.txt lists no language");
    }
    Map<String, TemplateLanguage> languages = new LinkedHashMap<>();
    Map<String, String[]> files = new HashMap<>();
    for (String tag : tags) {
      String wordsPath = root + "/" + tag + "/words.properties";
      languages.put(tag, TemplateLanguage.parse(tag, read(wordsPath), wordsPath));
      for (String template : TEMPLATES) {
        for (String channel : CHANNELS) {
          String path = root + "/" + tag + "/" + template + "." + channel + ".txt";
          files.put(tag + "/" + template + "." + channel, parseFile(read(path), channel, path));
        }
      }
    }
    return new FileTemplates(tags.get(0), Map.copyOf(languages), Map.copyOf(files));
  }

  /** The languages templates exist for, the default first. */
  public List<String> languages() {
    return List.copyOf(languages.keySet());
  }

  @Override
  public Rendered render(String template, String channel, String language, BookingMessage message) {
    if (!TEMPLATES.contains(template) || !CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("no template " + template + "." + channel + "; templates: " + TEMPLATES + ", channels: " + CHANNELS);
    }
    Locale requested = Locale.forLanguageTag(language == null ? "" : language.strip().replace('_', '-'));
    TemplateLanguage lang = resolve(requested);
    Locale formatting = lang.locale().getLanguage().equals(requested.getLanguage()) ? requested : lang.locale();
    Map<String, String> values = BookingValues.of(message, lang, formatting);
    String source = lang.tag() + "/" + template + "." + channel;
    String[] file = files.get(source);
    String subject = Placeholders.fill(file[0], values, source).strip();
    String text = Placeholders.fill(file[1], values, source)
        .replaceAll("[ \\t]+\\n", "\n")      // a line whose value was empty
        .replaceAll("\\n{3,}", "\n\n")        // an empty optional line (reason) leaves no gap
        .strip();
    return new Rendered(subject, "sms".equals(channel) ? text.replaceAll("\\s*\\n\\s*", " ") : text + "\n", lang.tag());
  }

  private TemplateLanguage resolve(Locale requested) {
    TemplateLanguage exact = languages.get(requested.toLanguageTag().toLowerCase(Locale.ROOT));
    if (exact != null) {
      return exact;
    }
    TemplateLanguage byLanguage = languages.get(requested.getLanguage());
    return byLanguage != null ? byLanguage : languages.get(defaultLanguage);
  }

  private static String[] parseFile(String content, String channel, String path) {
    String text = content.replace("\r\n", "\n");
    String subject = "";
    if ("email".equals(channel)) {
      int firstBreak = text.indexOf('\n');
      if (!text.startsWith(SUBJECT) || firstBreak < 0 || !text.startsWith("\n", firstBreak + 1)) {
        throw new IllegalArgumentException(path + ": an email template starts with \"Subject: ...\" and a blank line");
      }
      subject = text.substring(SUBJECT.length(), firstBreak).strip();
      text = text.substring(firstBreak + 2);
      if (subject.isEmpty()) {
        throw new IllegalArgumentException(path + ": the subject is empty");
      }
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException(path + ": the text is empty");
    }
    Placeholders.requireKnown(subject, VALUES, path + " (subject)");
    Placeholders.requireKnown(text, VALUES, path);
    return new String[] {subject, text};
  }

  private static String read(String path) {
    try (InputStream in = FileTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("template file missing on the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The values of one message, written for one language. */
  static final class BookingValues {

    private BookingValues() {
    }

    static Map<String, String> of(BookingMessage m, TemplateLanguage lang, Locale locale) {
      Map<String, String> v = new HashMap<>();
      String guest = text(m.customerName());
      String zone = text(m.timezone());
      String date = m.date() == null ? "" : plain(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(m.date()));
      String dateShort = m.date() == null ? "" : plain(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(m.date()));
      String time = m.time() == null ? "" : plain(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(m.time()));
      String reason = text(m.reason());
      v.put("venue", text(m.venueName()).isEmpty() ? lang.word("venue.fallback") : text(m.venueName()));
      v.put("guest", guest);
      v.put("greeting", guest.isEmpty() ? lang.word("greeting.anonymous") : lang.word("greeting.named", Map.of("guest", guest)));
      v.put("date", date);
      v.put("date_short", dateShort);
      v.put("time", time);
      v.put("zone", zone);
      v.put("when", zone.isEmpty()
          ? lang.word("when.no_zone", Map.of("date", date, "time", time))
          : lang.word("when", Map.of("date", date, "time", time, "zone", zone)));
      v.put("party", lang.count("guests", m.partySize()));
      v.put("party_size", Integer.toString(m.partySize()));
      v.put("duration", lang.span(m.durationMinutes()));
      v.put("reference", reference(m.bookingId()));
      v.put("time_left", timeLeft(m, lang));
      v.put("reason", reason);
      v.put("reason_line", reason.isEmpty() ? "" : lang.word("reason_line", Map.of("reason", reason)));
      return v;
    }

    /** The first 8 hex digits of the booking id, upper case: what a guest reads out on the phone. */
    static String reference(String bookingId) {
      String hex = text(bookingId).replaceAll("[^0-9A-Fa-f]", "");
      return hex.substring(0, Math.min(8, hex.length())).toUpperCase(Locale.ROOT);
    }

    /** The hold's time left when the event happened, rounded up to whole minutes (at least one). */
    private static String timeLeft(BookingMessage m, TemplateLanguage lang) {
      if (m.expiresAt() == null || m.eventTime() == null) {
        return lang.word("time_left.unknown");
      }
      long seconds = Math.max(0, Duration.between(m.eventTime(), m.expiresAt()).toSeconds());
      return lang.span(Math.max(1, (seconds + 59) / 60));
    }

    private static String text(String s) {
      return s == null ? "" : s.strip();
    }

    /** Some locales' formats use no-break spaces; plain spaces survive every SMS gateway and mail client. */
    private static String plain(String s) {
      return s.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
  }
}
