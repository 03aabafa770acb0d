package io.booker.notify.template;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words a language needs around the template text ({@code <lang>/words.properties}): the
 * fallback for an unknown venue name, greetings, how a date and time, counts and spans are written.
 * Each key allows only its own placeholders, checked at load.
 */
final class TemplateLanguage {

  /** Every key a language must define, with the placeholders its text may use. */
  static final Map<String, Set<String>> KEYS = Map.ofEntries(
      Map.entry("venue.fallback", Set.of()),
      Map.entry("greeting.named", Set.of("guest")),
      Map.entry("greeting.anonymous", Set.of()),
      Map.entry("when", Set.of("date", "time", "zone")),
      Map.entry("when.no_zone", Set.of("date", "time")),
      Map.entry("minutes.one", Set.of("count")),
      Map.entry("minutes.other", Set.of("count")),
      Map.entry("hours.one", Set.of("count")),
      Map.entry("hours.other", Set.of("count")),
      Map.entry("guests.one", Set.of("count")),
      Map.entry("guests.other", Set.of("count")),
      Map.entry("time_left.unknown", Set.of()),
      Map.entry("reason_line", Set.of("reason")));

  private final String tag;
  private final Locale locale;
  private final Map<String, String> words;

  private TemplateLanguage(String tag, Map<String, String> words) {
    this.tag = tag;
    this.locale = Locale.forLanguageTag(tag);
    this.words = words;
  }

  /** Parses and checks a words file: every key present, no unknown key, only the key's placeholders. */
  static TemplateLanguage parse(String tag, String propertiesText, String source) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(propertiesText));
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
    Map<String, String> words = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      Set<String> allowed = KEYS.get(key);
      if (allowed == null) {
        throw new IllegalArgumentException(source + ": unknown key " + key + "; known: " + new TreeMap<>(KEYS).keySet());
      }
      String text = properties.getProperty(key);
      Placeholders.requireKnown(text, allowed, source + " " + key);
      words.put(key, text);
    }
    for (String key : KEYS.keySet()) {
      if (!words.containsKey(key)) {
        throw new IllegalArgumentException(source + ": missing key " + key);
      }
    }
    return new TemplateLanguage(tag, Map.copyOf(words));
  }

  String tag() {
    return tag;
  }

  Locale locale() {
    return locale;
  }

  String word(String key) {
    return words.get(key);
  }

  String word(String key, Map<String, String> values) {
    return Placeholders.fill(words.get(key), values, tag + "/words.properties " + key);
  }

  /** "1 guest", "4 guests" ({@code noun} is minutes, hours or guests). */
  String count(String noun, long n) {
    return word(noun + (n == 1 ? ".one" : ".other"), Map.of("count", Long.toString(n)));
  }

  /** A span in whole minutes: "15 minutes", "2 hours", "1 hour 30 minutes". */
  String span(long minutes) {
    if (minutes < 60) {
      return count("minutes", minutes);
    }
    String hours = count("hours", minutes / 60);
    return minutes % 60 == 0 ? hours : hours + " " + count("minutes", minutes % 60);
  }
}
