package io.booker.notify.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

class WebhookSignatureTest {

  static final String SECRET = "a-shared-secret-of-32-characters";
  static final String BODY = "{\"notification_id\":\"n1\",\"text\":\"Grüße\"}";
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  @Test
  void signsTheTimestampDotBodyWithHmacSha256() {
    // Known answer, computed independently: printf '%s' '1800000000.{...}' | openssl dgst -sha256 -hmac "$SECRET"
    assertEquals("sha256=" + OpensslAnswer.VALUE, WebhookSignature.sign(SECRET, 1_800_000_000L, BODY));
    assertEquals(WebhookSignature.sign(SECRET, 1, BODY), WebhookSignature.sign(SECRET, 1, BODY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFreshAuthenticCallVerifies() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    assertTrue(WebhookSignature.verify(SECRET, Long.toString(NOW.getEpochSecond()), signature, BODY, NOW.plusSeconds(30), MAX_AGE));
    assertTrue(WebhookSignature.verify(SECRET, " " + NOW.getEpochSecond() + " ", signature, BODY, NOW.minusSeconds(30), MAX_AGE),
        "a receiver's clock may be a little behind");
  }

  @Test
  void tamperingOrAWrongSecretOrAnOldTimestampIsRefused() {
    long ts = NOW.getEpochSecond();
    String signature = WebhookSignature.sign(SECRET, ts, BODY);
    String t = Long.toString(ts);
    assertFalse(WebhookSignature.verify(SECRET, t, signature, BODY.replace("n1", "n2"), NOW, MAX_AGE), "changed body");
    assertFalse(WebhookSignature.verify(SECRET, Long.toString(ts + 1), signature, BODY, NOW, MAX_AGE), "changed timestamp");
    assertFalse(WebhookSignature.verify("another-secret-of-some-length", t, signature, BODY, NOW, MAX_AGE), "wrong secret");
    assertFalse(WebhookSignature.verify(SECRET, t, signature, BODY, NOW.plus(MAX_AGE).plusSeconds(1), MAX_AGE), "replayed later");
    assertFalse(WebhookSignature.verify(SECRET, t, signature.toUpperCase(), BODY, NOW, MAX_AGE), "hex is lower case");
    assertFalse(WebhookSignature.verify(SECRET, t, signature.substring(7), BODY, NOW, MAX_AGE), "the sha256= prefix is part of it");
    assertFalse(WebhookSignature.verify(SECRET, "yesterday", signature, BODY, NOW, MAX_AGE));
    assertFalse(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, MAX_AGE));
    assertFalse(WebhookSignature.verify(SECRET, t, null, BODY, NOW, MAX_AGE));
    assertFalse(WebhookSignature.verify(SECRET, t, signature, (String) null, NOW, MAX_AGE));
  }

  /** The HMAC computed by openssl, so the test does not only check the code against itself. */
  static final class OpensslAnswer {
    static final String VALUE = "a364d211186178bee5ef1f54d315a4bf24606a236d8f92d21adc163acde05048";
  }
}
