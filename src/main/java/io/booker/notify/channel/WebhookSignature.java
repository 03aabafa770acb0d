package io.booker.notify.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The signature of Booker's webhook calls, for Booker and for the provider that receives them:
 * {@code X-Booker-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>} with
 * {@code X-Booker-Timestamp: <unix seconds>}. Signing the timestamp with the body lets a receiver
 * refuse a replayed old call by its age.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Booker-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Booker-Signature";
  public static final int MIN_SECRET_LENGTH = 16;
  private static final String PREFIX = "sha256=";

  private WebhookSignature() {
  }

  /** The {@code X-Booker-Signature} value for a body sent at {@code timestampSeconds}. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public static String sign(String secret, long timestampSeconds, String body) {
    return sign(secret, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a call is authentic and fresh: the signature matches (compared in constant time) and the
   * timestamp is no further than {@code maxAge} from {@code now}, in either direction (clocks drift).
   *
   * @param timestampHeader the {@code X-Booker-Timestamp} value as received (may be null or garbage)
   * @param signatureHeader the {@code X-Booker-Signature} value as received (may be null or garbage)
   */
  public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                               Instant now, Duration maxAge) {
    if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > maxAge.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body,
                               Instant now, Duration maxAge) {
    return body != null && verify(secret, timestampHeader, signatureHeader, body.getBytes(StandardCharsets.UTF_8), now, maxAge);
  }
}
