package io.booker.gateway.auth.domain;

import io.booker.common.ServiceException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Login names: 3 to 64 of {@code a-z 0-9 . _ @ -}, compared and stored in lower case, so
 * {@code Ada} and {@code ada} are one account.
 */
public final class LoginName {

  public static final int MIN = 3;
  public static final int MAX = 64;
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@-]{" + MIN + "," + MAX + "}");

  private LoginName() {
  }

  /** The stored form of {@code raw} (stripped, lower case); invalid {@code field} otherwise. */
  public static String normalize(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw ServiceException.invalid(field, "is required");
    }
    String login = fold(raw);
    if (!ALLOWED.matcher(login).matches()) {
      throw ServiceException.invalid(field, "must be " + MIN + " to " + MAX + " characters of a-z, 0-9, '.', '_', '@', '-'");
    }
    return login;
  }

  /**
   * What a sign-in attempt names, folded the way stored names are, whether or not it is a valid
   * name: the throttle counts attempts on it either way.
   */
  public static String fold(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code folded} (see {@link #fold}) could name an account at all. */
  public static boolean plausible(String folded) {
    return ALLOWED.matcher(folded).matches();
  }

  /**
   * SHA-256 of a folded name, hex: how the throttle's keys and the logs name an account that tried
   * to sign in, never by the typed text (which is sometimes a password typed in the wrong field).
   */
  public static String accountHash(String folded) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
