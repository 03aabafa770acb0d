package io.booker.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refresh tokens: 256 random bits, URL-safe base64, meaningless to anyone but this server, which
 * keeps only their SHA-256 (a stolen table lets no one sign in; a plain hash suffices because the
 * token is random, unlike a password).
 */
public final class RefreshTokens {

  static final int BYTES = 32;
  /** Longer than any token this server hands out; anything longer is not worth hashing. */
  static final int MAX_LENGTH = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RefreshTokens() {
  }

  public static String generate() {
    byte[] raw = new byte[BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
