package io.booker.gateway.auth.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ServiceException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void tenToOneHundredTwentyEightCharactersOfAnyKind() {
    assertDoesNotThrow(() -> PasswordPolicy.check("password", "0123456789", "ada"));
    assertDoesNotThrow(() -> PasswordPolicy.check("password", "x".repeat(128), "ada"));
    assertDoesNotThrow(() -> PasswordPolicy.check("password", "correct horse battery staple", "ada"), "spaces and words are fine");
    assertInvalid("password", () -> PasswordPolicy.check("password", "012345678", "ada"));
    assertInvalid("password", () -> PasswordPolicy.check("password", "x".repeat(129), "ada"));
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    String tenEmoji = "\uD83D\uDE00".repeat(10);
    assertDoesNotThrow(() -> PasswordPolicy.check("password", tenEmoji, "ada"));
    assertInvalid("password", () -> PasswordPolicy.check("password", "\uD83D\uDE00".repeat(5), "ada"));
  }

  @Test
  void thePasswordMustNotBeTheLogin() {
    assertInvalid("new_password", () -> PasswordPolicy.check("new_password", "ada.lovelace", "ada.lovelace"));
    assertInvalid("new_password", () -> PasswordPolicy.check("new_password", "ADA.LOVELACE", "ada.lovelace"));
    assertDoesNotThrow(() -> PasswordPolicy.check("new_password", "ada.lovelace1", "ada.lovelace"));
  }

  @Test
  void aMissingPasswordIsRequired() {
    assertInvalid("password", () -> PasswordPolicy.check("password", null, "ada"));
    assertInvalid("password", () -> PasswordPolicy.check("password", "", "ada"));
  }

  @Test
  void theAnswerNeverRepeatsThePassword() {
    String secret = "s3cr3t";
    ServiceException e = assertInvalid("password", () -> PasswordPolicy.check("password", secret, "ada"));
    assertFalse(e.getMessage().contains(secret));
    assertTrue(e.getMessage().contains("10"));
  }
}
