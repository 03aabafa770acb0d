package io.booker.it.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values built from the JSON Schemas of {@code openapi/booker.yaml} for {@link OpenApiPropertyTest}:
 * a valid value of a schema (types, enums, consts, formats, the document's patterns, bounds, steps,
 * lengths, required properties, {@code anyOf} branches, {@code dependentRequired}), and a copy of a
 * valid body with one constraint broken. Local {@code $ref}s are followed with their siblings kept,
 * as OpenAPI 3.1 reads them. Conditional keywords ({@code if}/{@code then}, {@code contains}) are
 * not generated for: the test checks every body against the document before sending it.
 *
 * <p>A string schema with a pattern this class does not know fails the test: whoever adds one
 * teaches the generator its valid values here.
 */
final class SchemaValues {

  static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
  static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  static final String IDEMPOTENCY_KEY = "^[\\x21-\\x7e]{1,255}$";
  static final String LOGIN = "^[A-Za-z0-9._@-]{3,64}$";
  static final String VENUE_PHONE = "^[0-9 +()\\-]*$";
  static final String GUEST_PHONE = "^$|^\\+?[0-9 ()\\-.]*[0-9][0-9 ()\\-.]*$";
  static final String EMAIL = "^$|^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$";
  static final String STATUS_LIST = "^(held|confirmed|seated|finished|cancelled|expired|no_show)(,(held|confirmed|seated|finished|cancelled|expired|no_show))*$";
  static final String NO_TIME = "^[\\t-\\r\\x1c-\\x20]*$";
  /** Text letters: ASCII, accented (composed and combining), CJK, an emoji outside the BMP, right-to-left. */
  private static final String[] LETTERS = {"a", "B", "z", "7", "é", "e\u0301", "ß", "漢", "字", "😀", "ش", "Ω", "-", "'", "&"};
  private static final java.util.regex.Pattern TIME_FIELD = java.util.regex.Pattern.compile("(open|close)(_t|T)ime");
  private static final String[] STATUSES = {"held", "confirmed", "seated", "finished", "cancelled", "expired", "no_show"};

  private final JsonObject doc;
  /** Known ids for a property or parameter name (venue_id, table_id...), used most of the time instead of a random UUID. */
  private final Function<String, String> knownId;

  SchemaValues(JsonObject doc, Function<String, String> knownId) {
    this.doc = doc;
    this.knownId = knownId;
  }

  /**
   * {@code schema} with its {@code $ref} chain merged in (the referring schema's keywords win, its
   * pattern is kept next to the target's in {@code x-patterns}) and pattern-only {@code allOf}
   * entries folded into {@code x-patterns}.
   */
  JsonObject flat(JsonObject schema) {
    JsonObject out = new JsonObject();
    JsonArray patterns = new JsonArray();
    if (schema.containsKey("$ref")) {
      JsonObject target = flat(ref(schema.getString("$ref")));
      target.getJsonArray("x-patterns", new JsonArray()).forEach(patterns::add);
      target.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    schema.forEach(e -> {
      if (!e.getKey().equals("$ref")) {
        out.put(e.getKey(), e.getValue());
      }
    });
    if (schema.containsKey("pattern")) {
      patterns.add(schema.getString("pattern"));
    }
    JsonArray allOf = schema.getJsonArray("allOf");
    if (allOf != null) {
      JsonArray rest = new JsonArray();
      for (Object o : allOf) {
        JsonObject part = (JsonObject) o;
        if (part.size() == 1 && part.containsKey("pattern")) {
          patterns.add(part.getString("pattern"));
        } else {
          rest.add(part);
        }
      }
      if (rest.isEmpty()) {
        out.remove("allOf");
      } else {
        out.put("allOf", rest);
      }
    }
    out.remove("pattern");
    if (!patterns.isEmpty()) {
      out.put("x-patterns", patterns);
    }
    return out;
  }

  private JsonObject ref(String ref) {
    Object at = doc;
    for (String part : ref.substring(2).split("/")) {
      at = ((JsonObject) at).getValue(part.replace("~1", "/").replace("~0", "~"));
    }
    return (JsonObject) at;
  }

  /** A value valid against {@code schema}; {@code name} is the property or parameter it is for. */
  Object valid(JsonObject schema, String name, Random r) {
    JsonObject s = flat(schema);
    if (s.containsKey("const")) {
      return s.getValue("const");
    }
    if (s.containsKey("enum")) {
      JsonArray e = s.getJsonArray("enum");
      return e.getValue(r.nextInt(e.size()));
    }
    JsonArray anyOf = s.containsKey("anyOf") ? s.getJsonArray("anyOf") : s.getJsonArray("oneOf");
    if (anyOf != null && !isRequiredOnly(anyOf)) {
      // One branch, with the keywords around it (duration_minutes: type, maximum, multipleOf).
      JsonObject branch = flat(anyOf.getJsonObject(r.nextInt(anyOf.size())));
      JsonObject merged = s.copy();
      merged.remove("anyOf");
      merged.remove("oneOf");
      merged.remove("x-patterns");
      branch.forEach(e -> merged.put(e.getKey(), e.getValue()));
      return valid(merged, name, r);
    }
    String type = type(s);
    return switch (type) {
      case "object" -> object(s, r);
      case "array" -> array(s, name, r);
      case "integer" -> integer(s, r);
      case "boolean" -> r.nextBoolean();
      case "null" -> null;
      case "string" -> string(s, name, r);
      default -> throw new IllegalStateException("cannot generate a value of type " + type + " for " + name + ": " + s.encode());
    };
  }

  private static boolean isRequiredOnly(JsonArray branches) {
    return branches.stream().allMatch(b -> b instanceof JsonObject o && o.size() == 1 && o.containsKey("required"));
  }

  static String type(JsonObject s) {
    Object t = s.getValue("type");
    if (t instanceof String str) {
      return str;
    }
    if (t instanceof JsonArray a) {
      return a.getString(0);
    }
    if (s.containsKey("properties")) {
      return "object";
    }
    return "string";
  }

  private JsonObject object(JsonObject s, Random r) {
    JsonObject props = s.getJsonObject("properties", new JsonObject());
    List<String> required = new ArrayList<>();
    s.getJsonArray("required", new JsonArray()).forEach(o -> required.add((String) o));
    // anyOf/oneOf (alone or in allOf) of "required" lists (a field or its camelCase alias): one
    // branch of each; for a oneOf, the other branches' fields are left out so exactly one holds.
    List<JsonObject> groups = new ArrayList<>();
    for (String kind : List.of("anyOf", "oneOf")) {
      if (s.containsKey(kind) && isRequiredOnly(s.getJsonArray(kind))) {
        groups.add(new JsonObject().put(kind, s.getJsonArray(kind)));
      }
    }
    for (Object o : s.getJsonArray("allOf", new JsonArray())) {
      for (String kind : List.of("anyOf", "oneOf")) {
        if (o instanceof JsonObject part && part.containsKey(kind) && isRequiredOnly(part.getJsonArray(kind))) {
          groups.add(new JsonObject().put(kind, part.getJsonArray(kind)));
        }
      }
    }
    java.util.Set<String> excluded = new java.util.HashSet<>();
    for (JsonObject group : groups) {
      boolean exactlyOne = group.containsKey("oneOf");
      JsonArray branches = exactlyOne ? group.getJsonArray("oneOf") : group.getJsonArray("anyOf");
      int pick = r.nextInt(branches.size());
      List<String> chosen = new ArrayList<>();
      branches.getJsonObject(pick).getJsonArray("required").forEach(f -> chosen.add((String) f));
      required.addAll(chosen);
      if (exactlyOne) {
        for (int i = 0; i < branches.size(); i++) {
          branches.getJsonObject(i).getJsonArray("required").forEach(f -> {
            if (!chosen.contains((String) f)) {
              excluded.add((String) f);
            }
          });
        }
      }
    }
    JsonObject out = new JsonObject();
    for (String field : props.fieldNames()) {
      JsonObject p = props.getJsonObject(field);
      boolean deprecated = p.getBoolean("deprecated", false);
      if (required.contains(field) || (!deprecated && !excluded.contains(field) && r.nextInt(3) == 0)) {
        out.put(field, valid(p, field, r));
      }
    }
    if (out.isEmpty() && s.getInteger("minProperties", 0) > 0 && !props.isEmpty()) {
      List<String> names = new ArrayList<>(props.fieldNames());
      String field = names.get(r.nextInt(names.size()));
      out.put(field, valid(props.getJsonObject(field), field, r));
    }
    JsonObject dependent = s.getJsonObject("dependentRequired", new JsonObject());
    for (String field : dependent.fieldNames()) {
      if (out.containsKey(field)) {
        for (Object o : dependent.getJsonArray(field)) {
          String needed = (String) o;
          if (!out.containsKey(needed)) {
            out.put(needed, valid(props.getJsonObject(needed), needed, r));
          }
        }
      }
    }
    return out;
  }

  private JsonArray array(JsonObject s, String name, Random r) {
    int min = s.getInteger("minItems", 0);
    int max = Math.min(s.getInteger("maxItems", 4), Math.max(min, 4));
    int n = min + r.nextInt(max - min + 1);
    JsonArray out = new JsonArray();
    JsonObject items = s.getJsonObject("items", new JsonObject());
    String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    for (int i = 0; i < n; i++) {
      out.add(valid(items, itemName, r));
    }
    return out;
  }

  private static long integer(JsonObject s, Random r) {
    long min = s.getLong("minimum", -1000L);
    long max = s.getLong("maximum", min + 1000);
    long step = s.getLong("multipleOf", 1L);
    long first = Math.floorDiv(min + step - 1, step) * step;
    long count = (max - first) / step + 1;
    // The bounds themselves half of the time: where off-by-one disagreements live.
    return switch (r.nextInt(4)) {
      case 0 -> first;
      case 1 -> first + (count - 1) * step;
      default -> first + (long) (r.nextDouble() * count) * step;
    };
  }

  private String string(JsonObject s, String name, Random r) {
    String format = s.getString("format", "");
    JsonArray patterns = s.getJsonArray("x-patterns", new JsonArray());
    JsonArray examples = s.getJsonArray("examples");
    if (examples != null && !examples.isEmpty()) {
      // Values the server checks against data the document cannot list (the tz database, Locale).
      return examples.getString(r.nextInt(examples.size()));
    }
    if (format.equals("uuid")) {
      String known = knownId.apply(name);
      return known != null && r.nextInt(5) > 0 ? known : UUID.randomUUID().toString();
    }
    if (format.equals("date") || patterns.contains(DATE)) {
      // Mostly in the coming months, where a venue's hours and bookings are; sometimes years away.
      return LocalDate.now().plusDays(1 + r.nextInt(r.nextInt(4) == 0 ? 3000 : 120)).toString();
    }
    int minLength = s.getInteger("minLength", 0);
    int maxLength = s.getInteger("maxLength", 60);
    if (patterns.isEmpty() && TIME_FIELD.matcher(name).matches() && r.nextInt(4) > 0) {
      // The special hours' single range: a time only where neither `ranges` nor a closed day is given
      // (if/then/else, not generated for; the test checks the whole body against the document).
      return String.format("%02d:%02d", r.nextInt(24), r.nextInt(60));
    }
    if (patterns.isEmpty()) {
      return text(r, Math.max(minLength, 1), Math.min(maxLength, 40), false);
    }
    String p = patterns.getString(0);
    if (p.equals(TIME)) {
      return String.format("%02d:%02d", r.nextInt(24), r.nextInt(60));
    }
    if (p.equals(IDEMPOTENCY_KEY)) {
      return printableAscii(r, 1 + r.nextInt(r.nextInt(4) == 0 ? 255 : 40));
    }
    if (p.equals(LOGIN)) {
      return "prop." + Long.toString(Math.abs(r.nextLong()), 36) + (r.nextBoolean() ? "@Example.org" : "_x-1");
    }
    if (p.equals(VENUE_PHONE) || p.equals(GUEST_PHONE)) {
      return r.nextInt(5) == 0 ? "" : "+33 (0)1 23-45 67 " + r.nextInt(100);
    }
    if (p.equals(EMAIL)) {
      return r.nextInt(5) == 0 ? "" : "guest" + r.nextInt(1000) + "@mail.example.com";
    }
    if (p.equals(STATUS_LIST)) {
      StringBuilder b = new StringBuilder(STATUSES[r.nextInt(STATUSES.length)]);
      for (int i = r.nextInt(3); i > 0; i--) {
        b.append(',').append(STATUSES[r.nextInt(STATUSES.length)]);
      }
      return b.toString();
    }
    if (p.equals(NO_TIME)) {
      return r.nextBoolean() ? "" : " ";
    }
    Map<String, String> textPatterns = textPatterns();
    if (patterns.stream().allMatch(textPatterns::containsKey)) {
      boolean multiline = patterns.stream().anyMatch(x -> textPatterns.get(x).equals("lines"));
      boolean needsVisible = patterns.stream().anyMatch(x -> textPatterns.get(x).equals("visible"));
      return text(r, Math.max(minLength, needsVisible ? 1 : 0), Math.min(maxLength, 40), multiline);
    }
    throw new IllegalStateException("SchemaValues does not know how to make a value for pattern " + patterns + " (" + name
      + "): teach it in SchemaValues.string");
  }

  /** The document's text patterns (TextLine, TextLines, Name, DisplayName), read from it: what each one allows. */
  private Map<String, String> textPatterns() {
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    JsonArray displayName = schemas.getJsonObject("DisplayName").getJsonArray("allOf");
    return Map.of(
      schemas.getJsonObject("TextLine").getString("pattern"), "line",
      schemas.getJsonObject("TextLines").getString("pattern"), "lines",
      schemas.getJsonObject("Name").getString("pattern"), "visible",
      displayName.getJsonObject(0).getString("pattern"), "line",
      displayName.getJsonObject(1).getString("pattern"), "visible");
  }

  /**
   * Text of {@code min..max} code points: letters of several scripts, inner spaces, in multi-line
   * text inner line breaks and tabs; sometimes a trailing line break or leading tab, which the
   * server trims and the patterns allow at the ends.
   */
  static String text(Random r, int min, int max, boolean multiline) {
    int n = min + r.nextInt(Math.max(1, Math.min(max, Math.max(min, 12)) - min + 1));
    StringBuilder b = new StringBuilder();
    int points = 0;
    if (n > 1 && r.nextInt(6) == 0) {
      b.append('\t');
      points++;
    }
    while (points < n) {
      String piece;
      int pick = r.nextInt(10);
      if (points > 0 && points < n - 1 && pick == 0) {
        piece = multiline && r.nextBoolean() ? "\n" : " ";
      } else {
        piece = LETTERS[r.nextInt(LETTERS.length)];
      }
      int cps = piece.codePointCount(0, piece.length());
      if (points + cps > n) {
        piece = "x";
        cps = 1;
      }
      b.append(piece);
      points += cps;
    }
    if (points > 0 && points < max && r.nextInt(6) == 0) {
      b.append('\n');
    }
    return b.toString();
  }

  static String printableAscii(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) (0x21 + r.nextInt(0x7e - 0x21 + 1)));
    }
    return b.toString();
  }
}
