package io.booker.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Argon2id with OWASP's parameters, off the event loop, bounded. */
class PasswordHasherTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void hashesArePhcStringsOfArgon2idWithOwaspParameters() {
    String phc = PasswordHasher.hashNow("correct horse battery staple");
    assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
    String[] parts = phc.split("\\$");
    assertEquals(6, parts.length, phc);
    assertEquals(22, parts[4].length(), "16-byte salt, base64 without padding");
    assertEquals(43, parts[5].length(), "32-byte hash, base64 without padding");
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeAndVerifies() {
    String a = PasswordHasher.hashNow("correct horse battery staple");
    String b = PasswordHasher.hashNow("correct horse battery staple");
    assertNotEquals(a, b, "a random salt each time");
    assertTrue(PasswordHasher.verifyNow("correct horse battery staple", a));
    assertTrue(PasswordHasher.verifyNow("correct horse battery staple", b));
    assertFalse(PasswordHasher.verifyNow("correct horse battery stapl", a));
    assertFalse(PasswordHasher.verifyNow("Correct horse battery staple", a));
  }

  @Test
  void aHashMadeWithOtherParametersStillVerifies() {
    // An older setting, as its PHC string says: verifying uses the stored parameters.
    String phc = com.password4j.Password.hash("old password value").addRandomSalt(16)
      .with(com.password4j.Argon2Function.getInstance(8192, 3, 1, 32, com.password4j.types.Argon2.ID)).getResult();
    assertTrue(phc.startsWith("$argon2id$v=19$m=8192,t=3,p=1$"), phc);
    assertTrue(PasswordHasher.verifyNow("old password value", phc));
  }

  @Test
  void malformedHashesMatchNothing() {
    assertFalse(PasswordHasher.verifyNow("anything at all", null));
    assertFalse(PasswordHasher.verifyNow("anything at all", ""));
    assertFalse(PasswordHasher.verifyNow("anything at all", "plaintext"));
    assertFalse(PasswordHasher.verifyNow("anything at all", "$argon2id$v=19$garbage"));
  }

  @Test
  void hashingRunsOnWorkersAndTheDummyCheckSaysNo() throws Exception {
    PasswordHasher hasher = PasswordHasher.create(vertx, 2, 16);
    try {
      String phc = hasher.hash("a long enough password").await(10, TimeUnit.SECONDS);
      assertTrue(hasher.verify("a long enough password", phc).await(10, TimeUnit.SECONDS));
      assertFalse(hasher.verify("another long password", phc).await(10, TimeUnit.SECONDS));
      assertFalse(hasher.verifyNothing("a long enough password").await(10, TimeUnit.SECONDS));
    } finally {
      hasher.close().await();
    }
  }

  @Test
  void workBeyondTheQueueIsRefusedAsUnavailable() throws Exception {
    PasswordHasher hasher = PasswordHasher.create(vertx, 1, 3);
    try {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(hasher.hash("a long enough password"));
      }
      Future.join(all).otherwiseEmpty().await(30, TimeUnit.SECONDS);
      long refused = all.stream().filter(Future::failed)
        .peek(f -> assertEquals(ErrorCode.UNAVAILABLE, ((ServiceException) f.cause()).code())).count();
      assertTrue(refused >= 4, "at most 3 queued (the dummy hash among them): " + refused + " refused");
    } finally {
      hasher.close().await();
    }
  }
}
