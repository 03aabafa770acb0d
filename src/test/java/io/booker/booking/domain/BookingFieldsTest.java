package io.booker.booking.domain;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.booker.common.ServiceException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingFieldsTest {

  /** Every free-text field: its wire name, its check and its maximum length. */
  static Stream<Arguments> textFields() {
    return Stream.of(
        Arguments.of("customer_name", (UnaryOperator<String>) BookingFields::customerName, BookingFields.NAME_MAX),
        Arguments.of("comment", (UnaryOperator<String>) BookingFields::comment, BookingFields.COMMENT_MAX),
        Arguments.of("reason", (UnaryOperator<String>) BookingFields::reason, BookingFields.REASON_MAX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFields")
  void textIsTrimmed(String field, UnaryOperator<String> check, int max) {
    assertEquals("Ada", check.apply(" \t Ada  "));
    assertEquals("Ada Lovelace", check.apply("Ada Lovelace"), "inner spaces stay");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFields")
  void lengthIsCountedInCharactersAfterTrimming(String field, UnaryOperator<String> check, int max) {
    assertEquals("x".repeat(max), check.apply("  " + "x".repeat(max) + "  "));
    assertInvalid(field, () -> check.apply("x".repeat(max + 1)));
    // Emoji are two UTF-16 chars each but one character.
    assertEquals("🍝".repeat(max), check.apply("🍝".repeat(max)));
    assertInvalid(field, () -> check.apply("🍝".repeat(max + 1)));
    assertEquals("é".repeat(max), check.apply("é".repeat(max)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFields")
  void controlCharactersAreRefused(String field, UnaryOperator<String> check, int max) {
    assertInvalid(field, () -> check.apply("a\u0000b"));
    assertInvalid(field, () -> check.apply("a\u0007b"));
    if (!field.equals("comment")) {
      assertInvalid(field, () -> check.apply("a\rb"));
    }
    assertInvalid(field, () -> check.apply("a\u007fb"));
    assertInvalid(field, () -> check.apply("a\u0085b"));
    ServiceException e = assertInvalid(field, () -> check.apply("a\u001bb"));
    assertTrue(e.getMessage().contains("control characters"), e.getMessage());
  }

  @Test
  void onlyACommentMayHaveSeveralLinesAndTabs() {
    assertEquals("first line\nsecond\tline", BookingFields.comment("first line\nsecond\tline"));
    assertEquals("windows\r\nline ends", BookingFields.comment("windows\r\nline ends"));
    assertEquals("no trailing newline", BookingFields.comment("no trailing newline\n"));
    assertInvalid("customer_name", () -> BookingFields.customerName("Ada\nLovelace"));
    assertInvalid("customer_name", () -> BookingFields.customerName("Ada\tLovelace"));
    assertInvalid("reason", () -> BookingFields.reason("a\nb"));
  }

  @Test
  void optionalTextMayBeMissing() {
    assertEquals("", BookingFields.comment(null));
    assertEquals("", BookingFields.comment("   "));
    assertEquals("", BookingFields.reason(null));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void theNameIsRequired(String name) {
    ServiceException e = assertInvalid("customer_name", () -> BookingFields.customerName(name));
    assertTrue(e.getMessage().endsWith("is required"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+39 06 1234 5678", "(030) 123-456", "030.123.456", "0301234567"})
  void validPhones(String phone) {
    assertEquals(phone, BookingFields.customerPhone(phone));
  }

  @Test
  void phoneIsTrimmedAndMayBeMissing() {
    assertEquals("+49 30 1234", BookingFields.customerPhone("  +49 30 1234 "));
    assertEquals("", BookingFields.customerPhone(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"call me", "+39 06 1234 ext. 5", "0049/30/1234", "++49 30", "49+30", "#123", "٠١٢٣", "+", "()", "...", "- -"})
  void invalidPhones(String phone) {
    assertInvalid("customer_phone", () -> BookingFields.customerPhone(phone));
  }

  @Test
  void phoneLength() {
    assertEquals("1".repeat(BookingFields.PHONE_MAX), BookingFields.customerPhone("1".repeat(BookingFields.PHONE_MAX)));
    assertInvalid("customer_phone", () -> BookingFields.customerPhone("1".repeat(BookingFields.PHONE_MAX + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ada@example.com", "a.b+c@mail.example.co.uk", "ada@xn--bcher-kva.example"})
  void validEmails(String email) {
    assertEquals(email, BookingFields.customerEmail(email));
  }

  @Test
  void emailIsTrimmedAndMayBeMissing() {
    assertEquals("ada@example.com", BookingFields.customerEmail("  ada@example.com "));
    assertEquals("", BookingFields.customerEmail(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "a b@example.com", "ada@@example.com",
      "ada@example..com", "ada@.example.com", "ada@example.com."})
  void invalidEmails(String email) {
    assertInvalid("customer_email", () -> BookingFields.customerEmail(email));
  }

  @Test
  void emailLength() {
    String at254 = "a".repeat(BookingFields.EMAIL_MAX - "@example.com".length()) + "@example.com";
    assertEquals(at254, BookingFields.customerEmail(at254));
    assertInvalid("customer_email", () -> BookingFields.customerEmail("a" + at254));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 99, 100})
  void partySizesWithinBounds(int size) {
    assertEquals(size, BookingFields.partySize(size));
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
  void partySizesOutOfBounds(int size) {
    ServiceException e = assertInvalid("party_size", () -> BookingFields.partySize(size));
    assertTrue(e.getMessage().contains("between 1 and 100"), e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void noIdempotencyKeyIsEmpty(String key) {
    assertEquals("", BookingFields.idempotencyKey(key));
  }

  @Test
  void idempotencyKeysArePrintableAscii() {
    assertEquals("a", BookingFields.idempotencyKey("a"));
    assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", BookingFields.idempotencyKey("0f8fad5b-d9cb-469f-a165-70867728950e"));
    assertEquals("!~{}[]\"'", BookingFields.idempotencyKey("!~{}[]\"'"));
    assertEquals("k".repeat(255), BookingFields.idempotencyKey("k".repeat(255)));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", " key", "key ", "two words", "tab\there", "new\nline", "caffè", "key\u007f", "🍝"})
  void idempotencyKeysWithSpacesOrOtherCharactersAreRefused(String key) {
    ServiceException e = assertInvalid("idempotency_key", () -> BookingFields.idempotencyKey(key));
    assertTrue(e.getMessage().contains("printable ASCII"), e.getMessage());
  }

  @Test
  void idempotencyKeysAreAtMost255Characters() {
    assertInvalid("idempotency_key", () -> BookingFields.idempotencyKey("k".repeat(256)));
  }
}
