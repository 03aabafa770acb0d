package io.booker.common;

import static io.booker.common.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

  @Test
  void textIsStoredInNfcSoLookAlikesAreTheSameValue() {
    String composed = "Caf\u00e9";
    String decomposed = "Cafe\u0301";
    assertEquals(composed, Text.name("name", decomposed, 10));
    assertEquals(Text.name("name", composed, 10), Text.name("name", decomposed, 10));
    assertEquals("\uAC00", Text.line("name", "\u1100\u1161", 10), "Hangul jamo compose");
  }

  @Test
  void lengthIsCountedAfterNormalising() {
    // Five decomposed characters are ten code points but five once composed.
    assertEquals("\u00e9".repeat(5), Text.name("name", "e\u0301".repeat(5), 5));
    assertEquals("🍝🍝", Text.name("name", "🍝🍝", 2));
    assertInvalid("name", () -> Text.name("name", "🍝🍝🍝", 2));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "\u00a0", "\u200b", "\u200c\u200d", "\ufeff", "\u2060", "\u00ad",
      "\u202e", "\u2028", "\u3000", "\u3164", "\u115f", "\u2800", " \u200b \ufeff ", "\ufe0f", "\u034f",
      "\n", "\u0085"})
  void aNameOfOnlyWhitespaceOrInvisibleCharactersIsMissing(String value) {
    var e = assertInvalid("name", () -> Text.name("name", value, 50));
    assertEquals("name: is required", e.getMessage());
    assertTrue(Text.isBlank(value));
    assertEquals("", Text.line("name", value, 50));
  }

  @Test
  void invisibleCharactersAreTrimmedAtTheEndsOnly() {
    assertEquals("Roma", Text.name("name", "\ufeff\u200b Roma\u200d\u00a0", 10));
    assertEquals("👨\u200d👩\u200d👧", Text.name("name", "👨\u200d👩\u200d👧", 10), "ZWJ inside an emoji stays");
    assertEquals("\u2764\ufe0f", Text.name("name", "\u2764\ufe0f", 10), "a trailing variation selector stays");
    String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
    assertEquals(england, Text.name("name", england, 10), "the tag characters of a flag stay");
    assertFalse(Text.isBlank("a\u200b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb", "a\nb",
      "a\rb", "a\tb", "a\u2028b", "a\u2029b"})
  void aLineRefusesControlCharactersAndLineBreaks(String value) {
    var e = assertInvalid("name", () -> Text.line("name", value, 50));
    assertTrue(e.getMessage().contains("control characters"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb"})
  void freeTextRefusesControlCharactersOtherThanLineBreaksAndTabs(String value) {
    assertInvalid("comment", () -> Text.lines("comment", value, 50));
  }

  @Test
  void freeTextKeepsLineBreaksAndTabs() {
    assertEquals("one\ntwo\r\nthree\tfour\u2028five", Text.lines("comment", " one\ntwo\r\nthree\tfour\u2028five\n", 50));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\uD800", "\uD800b", "a\uDC00b", "\uDC00\uD800", "🍝\uD83C"})
  void loneSurrogatesAreRefused(String value) {
    var e = assertInvalid("name", () -> Text.name("name", value, 50));
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    assertInvalid("comment", () -> Text.lines("comment", value, 50));
  }

  @Test
  void ordinaryTextPassesUnchanged() {
    for (String s : new String[] {"Trattoria Roma", "Zürich Süd", "東京", "مطعم", "שולחן 5", "Ａ１", "O'Brien & Sons"}) {
      assertEquals(s, Text.name("name", s, 50));
    }
  }

  @Test
  void optionalTextMayBeMissing() {
    assertEquals("", Text.line("zone", null, 5));
    assertEquals("", Text.lines("comment", "  \n ", 5));
  }
}
