package io.booker.gateway.docs;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * What {@link ApiDocsRoutes} serves, prepared once: the OpenAPI document as YAML and JSON, and the
 * docs page ({@value #DOCS_PAGE}) with a Content-Security-Policy that allows its own inline script
 * and style (by hash) and requests to this origin, nothing else.
 */
record ApiPages(Page yaml, Page json, Page docs) {

  static final String DOCS_PAGE = "openapi/docs.html";

  /** One answer: body, content type, ETag and extra headers. */
  record Page(Buffer body, String contentType, String etag, Map<String, String> headers) {
    static Page of(String text, String contentType, Map<String, String> headers) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return new Page(Buffer.buffer(bytes), contentType, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)).substring(0, 22) + "\"",
        headers);
    }
  }

  /** Reads the resources (blocking). */
  static ApiPages load() {
    ApiDocument doc = ApiDocument.load();
    String html = ApiDocument.resource(DOCS_PAGE);
    Map<String, String> nosniff = Map.of("X-Content-Type-Options", "nosniff");
    return new ApiPages(
      Page.of(doc.yaml(), "application/yaml; charset=utf-8", nosniff),
      Page.of(doc.json().encodePrettily(), "application/json", nosniff),
      Page.of(html, "text/html; charset=utf-8", Map.of(
        "X-Content-Type-Options", "nosniff",
        "Content-Security-Policy", contentSecurityPolicy(html),
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY")));
  }

  /** Only the page's own inline script and style, and fetches from this origin. */
  static String contentSecurityPolicy(String html) {
    return "default-src 'none'; connect-src 'self'; img-src 'self' data:; "
      + "script-src '" + hashOf(html, "<script>", "</script>") + "'; "
      + "style-src '" + hashOf(html, "<style>", "</style>") + "'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  /** The CSP source of the one element between {@code open} and {@code close}. */
  private static String hashOf(String html, String open, String close) {
    int start = html.indexOf(open);
    int end = html.indexOf(close, start);
    if (start < 0 || end < 0 || html.indexOf(open, end) >= 0) {
      throw new IllegalStateException(DOCS_PAGE + " must have exactly one " + open);
    }
    String content = html.substring(start + open.length(), end);
    return "sha256-" + Base64.getEncoder().encodeToString(sha256(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
