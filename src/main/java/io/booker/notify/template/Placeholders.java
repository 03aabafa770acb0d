package io.booker.notify.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} substitution for plain text. A name the caller does not know is an error, never
 * left in the text or replaced by nothing: a typo in a template must fail the template test.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

  private Placeholders() {
  }

  /** The names used in {@code text}; fails on a malformed one (an opening {@code {{} without a valid name and close). */
  static Set<String> names(String text, String source) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int from = 0;
    while (m.find()) {
      requireNoStrayBraces(text.substring(from, m.start()), source);
      names.add(m.group(1));
      from = m.end();
    }
    requireNoStrayBraces(text.substring(from), source);
    return names;
  }

  /** Fails when {@code text} uses a name outside {@code allowed}. */
  static void requireKnown(String text, Set<String> allowed, String source) {
    for (String name : names(text, source)) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(source + ": unknown placeholder {{" + name + "}}; known: " + allowed);
      }
    }
  }

  static String fill(String text, Map<String, String> values, String source) {
    requireKnown(text, values.keySet(), source);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void requireNoStrayBraces(String between, String source) {
    if (between.contains("{{") || between.contains("}}")) {
      int at = Math.max(between.indexOf("{{"), between.indexOf("}}"));
      String near = between.substring(Math.max(0, at - 10), Math.min(between.length(), at + 20)).replace('\n', ' ');
      throw new IllegalArgumentException(source + ": malformed placeholder near \"" + near + "\" (names are {{lower_case}})");
    }
  }
}
