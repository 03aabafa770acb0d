package io.booker.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw request target before routing. The router matches a normalised path (dot segments
 * removed, unreserved escapes decoded), so {@code /venues/1/special-hours/%2e%2e} would reach the
 * route of {@code /venues/1}: a path that normalising would change is refused instead, as is any
 * escape that does not decode to UTF-8 (path or query).
 */
public final class RequestTarget {

  private RequestTarget() {
  }

  /** Why {@code rawPath}/{@code rawQuery} are refused, or null when they are acceptable. */
  public static String problem(String rawPath, String rawQuery) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return "request path must start with /";
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty() && i < segments.length - 1) {
        return "request path must not contain an empty segment (//)";
      }
      String decoded = decode(segment);
      if (decoded == null) {
        return "request path has a malformed percent-encoding";
      }
      if (decoded.equals(".") || decoded.equals("..")) {
        return "request path must not contain . or .. segments";
      }
      for (int c = 0; c < decoded.length(); c++) {
        char ch = decoded.charAt(c);
        if (ch == '/' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
          return "request path segment contains a character it must not (encoded /, \\ or a control character)";
        }
      }
    }
    if (rawQuery != null && decode(rawQuery) == null) {
      return "query string has a malformed percent-encoding";
    }
    return null;
  }

  /** Percent-decodes {@code s} strictly: null when an escape is malformed or the bytes are not UTF-8. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else {
        bytes.put(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
