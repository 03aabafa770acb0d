package io.booker.gateway.auth.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginNameTest {

  @Test
  void namesAreStoredInLowerCaseAndStripped() {
    assertEquals("ada.lovelace@example.org", LoginName.normalize("login", "  Ada.Lovelace@Example.ORG "));
    assertEquals("a_b-c", LoginName.normalize("login", "A_B-C"));
  }

  @Test
  void lengthIsThreeToSixtyFour() {
    assertEquals("abc", LoginName.normalize("login", "abc"));
    assertEquals("x".repeat(64), LoginName.normalize("login", "x".repeat(64)));
    assertInvalid("login", () -> LoginName.normalize("login", "ab"));
    assertInvalid("login", () -> LoginName.normalize("login", "x".repeat(65)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada lovelace", "ada+x", "ädä", "ada/../x", "ada\u0000", "ada;drop"})
  void onlyLettersDigitsAndDotUnderscoreAtDashAreAllowed(String name) {
    assertInvalid("login", () -> LoginName.normalize("login", name));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingNameIsRequired(String name) {
    assertTrue(assertInvalid("user_login", () -> LoginName.normalize("user_login", name)).getMessage().contains("required"));
  }

  @Test
  void foldingKeepsWhatANameCannotBeSoEveryAttemptIsCounted() {
    assertEquals("ada lovelace", LoginName.fold(" Ada Lovelace "));
    assertEquals("", LoginName.fold(null));
    assertFalse(LoginName.plausible("ada lovelace"));
    assertTrue(LoginName.plausible("ada"));
  }

  @Test
  void accountHashIsSha256HexOfTheFoldedName() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LoginName.accountHash("abc"));
    assertEquals(LoginName.accountHash(LoginName.fold("ADA")), LoginName.accountHash("ada"));
    assertNotEquals(LoginName.accountHash("ada"), LoginName.accountHash("bob"));
  }
}
