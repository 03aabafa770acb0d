package io.booker.venue.domain;

import static io.booker.common.Invalid.assertInvalid;
import io.booker.common.ErrorCode;
import io.booker.common.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class StructureFieldsTest {

  @Test
  void requiredTrimsAndRefusesBlank() {
    assertEquals("Roma", StructureFields.required("name", "  Roma \t", 10));
    assertInvalid("name", () -> StructureFields.required("name", "   ", 10));
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    assertEquals("ééééé", StructureFields.optional("name", "ééééé", 5));
    assertEquals("🍝🍝", StructureFields.optional("name", "🍝🍝", 2));
    assertInvalid("name", () -> StructureFields.optional("name", "🍝🍝🍝", 2));
  }

  @Test
  void nulIsRefusedBecausePostgresTextCannotHoldIt() {
    assertInvalid("address", () -> StructureFields.optional("address", "a\0b", 50));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ciao@example.com", "a.b+c@mail.example.co.uk"})
  void validEmails(String email) {
    assertEquals(email, StructureFields.email(email));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ciao", "ciao@", "@example.com", "ciao@example", "a b@example.com", "ciao@@example.com"})
  void invalidEmails(String email) {
    assertInvalid("email", () -> StructureFields.email(email));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+39 06 1234", "(030) 123-456"})
  void validPhones(String phone) {
    assertEquals(phone, StructureFields.phone(phone));
  }

  @ParameterizedTest
  @ValueSource(strings = {"call me", "+39 06 1234 ext. 5", "12345678901234567890123456789012345678901"})
  void invalidPhones(String phone) {
    assertInvalid("phone", () -> StructureFields.phone(phone));
  }

  @Test
  void capacityBounds() {
    assertEquals(1, StructureFields.capacity(1));
    assertEquals(100, StructureFields.capacity(100));
    assertInvalid("capacity", () -> StructureFields.capacity(0));
    assertInvalid("capacity", () -> StructureFields.capacity(101));
  }

  @Test
  void zoneMustBeIana() {
    assertEquals("Europe/Rome", StructureFields.zone(" Europe/Rome "));
    assertInvalid("timezone", () -> StructureFields.zone("Mars/Olympus"));
  }

  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "en, en",
    "de, de",
    "fr-CA, fr-CA",
    "fr-ca, fr-CA",
    "EN-gb, en-GB",
    "zh-hant-tw, zh-Hant-TW",
    "sr-Latn, sr-Latn",
    "es-419, es-419",
    "yue, yue",
    "' pt-BR ', pt-BR",
  })
  void languageIsAWellFormedTagStoredInCanonicalCase(String given, String stored) {
    assertEquals(stored, StructureFields.language(given));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "e", "english", "en_US", "en-", "-en", "en--US", "en-US-x-private", "en-u-ca-gregory", "zh-yue", "en-Latn-US-valencia",
    "i-klingon", "x-whatever", "und", "iw", "en-12", "en-USA", "1en", "ｅｎ", "en US", "en\nUS", "de-DE-1996",
  })
  void languageRefusesWhatIsNotALanguageScriptAndRegion(String given) {
    assertInvalid("language", () -> StructureFields.language(given));
  }

  @Test
  void languageIsAtMost35Characters() {
    assertInvalid("language", () -> StructureFields.language("en-" + "a".repeat(33)));
  }

  private static void assertInvalid(String field, org.junit.jupiter.api.function.Executable call) {
    ServiceException e = assertThrows(ServiceException.class, call);
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
  }

  @Test
  void namesAreNfcAndInvisibleOnlyNamesAreMissing() {
    assertEquals("Caf\u00e9", StructureFields.required("name", "Cafe\u0301", 10));
    assertInvalid("name", () -> StructureFields.required("name", "\u200b\ufeff\u200d", 10));
    assertInvalid("name", () -> StructureFields.required("name", "Sala\n2", 10));
    assertInvalid("name", () -> StructureFields.required("name", "Sala\uD800", 10));
  }

  @Test
  void descriptionsAndAddressesMaySpanLinesOtherFieldsMayNot() {
    assertEquals("Via Roma 1\n00100 Roma", StructureFields.multiline("address", "Via Roma 1\n00100 Roma", 50));
    assertInvalid("description", () -> StructureFields.multiline("description", "a\u0007b", 50));
    assertInvalid("zone", () -> StructureFields.optional("zone", "Terrace\nNorth", 50));
  }

  @Test
  void timezoneIsACanonicalIanaName() {
    assertEquals("Europe/Rome", StructureFields.zone(" Europe/Rome\u200b"));
    assertInvalid("timezone", () -> StructureFields.zone("EST"));
    assertInvalid("timezone", () -> StructureFields.zone("US/Eastern"));
  }
}
