package io.booker.gateway.docs;

import io.vertx.json.schema.OutputUnit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a 400 for a request the contract refuses, in the services' form {@code field: problem}
 * ({@code days[0].open_time: ...}, {@code body: ...}), so clients read one style whichever layer
 * refused. The schema validator reports every keyword that failed, including the enclosing ones
 * ("Property x does not match schema", "A subschema had errors"); the first error of a keyword
 * that says what is wrong is the one named.
 */
final class ValidationProblem {

  /** Keywords that only say an inner schema failed: the inner error is the useful one. */
  private static final Set<String> ENCLOSING = Set.of("properties", "items", "$ref", "allOf", "anyOf", "oneOf",
    "prefixItems", "additionalProperties", "if", "then", "else", "dependentSchemas", "unevaluatedProperties");
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern UNKNOWN = Pattern.compile("^Property \"([^\"]+)\" does not match additional properties");
  private static final Pattern TYPE = Pattern.compile("Instance type (\\S+) is invalid\\. Expected (.+)");
  private static final Pattern FORMAT = Pattern.compile("does not match format \"([^\"]+)\"");

  private ValidationProblem() {
  }

  /** The problem with parameter {@code field} (named as the services name it) that {@code result} reports. */
  static String parameter(String field, OutputUnit result) {
    return detail(field, true, result);
  }

  /** The problem with the body that {@code result} reports, naming the field inside it. */
  static String body(OutputUnit result) {
    return detail("body", false, result);
  }

  private static String detail(String root, boolean isParameter, OutputUnit result) {
    List<OutputUnit> errors = result.getErrors();
    if (errors == null || errors.isEmpty()) {
      return root + ": is invalid";
    }
    for (OutputUnit unit : errors) {
      if (!ENCLOSING.contains(keyword(unit))) {
        return field(root, isParameter, unit) + ": " + problem(unit);
      }
    }
    // Only enclosing keywords left: an additionalProperties failure with nothing inside is an unknown field.
    for (OutputUnit unit : errors) {
      Matcher unknown = UNKNOWN.matcher(String.valueOf(unit.getError()));
      if ("additionalProperties".equals(keyword(unit)) && unknown.find() && !declared(errors, unit.getInstanceLocation())) {
        return field(root, isParameter, unit) + ": is not a known field";
      }
    }
    return field(root, isParameter, errors.get(0)) + ": is invalid";
  }

  /** Whether some error about the same place comes from {@code properties}, i.e. the field is known. */
  private static boolean declared(List<OutputUnit> errors, String location) {
    return errors.stream().anyMatch(u -> "properties".equals(keyword(u)) && location.equals(u.getInstanceLocation()));
  }

  private static String keyword(OutputUnit unit) {
    String k = unit.getKeywordLocation();
    return k == null ? "" : k.substring(k.lastIndexOf('/') + 1);
  }

  private static String problem(OutputUnit unit) {
    String error = String.valueOf(unit.getError());
    Matcher m;
    if ((m = TYPE.matcher(error)).find()) {
      return "must be of type " + m.group(2) + " (was " + m.group(1) + ")";
    }
    if ((m = FORMAT.matcher(error)).find()) {
      return "must be a valid " + m.group(1);
    }
    switch (keyword(unit)) {
      case "pattern":
        return "has an invalid format";
      case "enum":
      case "const":
        return "is not one of the allowed values";
      case "required":
        return "is required";
      default:
        return error.isEmpty() ? "is invalid" : Character.toLowerCase(error.charAt(0)) + error.substring(1);
    }
  }

  /**
   * The field an error is about: a JSON pointer ({@code #/days/0/open_time}) as {@code days[0].open_time};
   * a missing property is named by itself ({@code slot.date}). Parameters are named as such.
   */
  private static String field(String root, boolean isParameter, OutputUnit unit) {
    if (isParameter) {
      return root;
    }
    String pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation().replaceFirst("^#", "");
    StringBuilder out = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = unescape(part);
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    Matcher required = REQUIRED.matcher(String.valueOf(unit.getError()));
    if ("required".equals(keyword(unit)) && required.find()) {
      out.append(out.length() == 0 ? "" : ".").append(required.group(1));
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  /**
   * A JSON-pointer segment as the name it stands for: the validator writes {@code ~1}, {@code ~0}
   * and percent-escapes every byte outside a small set, so a field {@code "a b"} is {@code a%20b}.
   */
  static String unescape(String part) {
    String name = part.replace("~1", "/").replace("~0", "~");
    if (name.indexOf('%') < 0) {
      return name;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%' && i + 2 < name.length() && hex(name.charAt(i + 1)) >= 0 && hex(name.charAt(i + 2)) >= 0) {
        bytes.write(hex(name.charAt(i + 1)) * 16 + hex(name.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
