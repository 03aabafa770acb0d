package io.booker.gateway.docs;

import io.vertx.json.schema.common.dsl.SchemaType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How a parameter's text becomes the value its schema checks: numbers and booleans only when
 * written as such, everything else the string it is (never JSON, never decoded again); and how a
 * JSON pointer of the validator becomes the field name a problem shows.
 */
class ParameterValuesTest {

  @Test
  void stringsStayAsSent() {
    for (String s : new String[] {"100%", "%41", "a\"b", "[1]", "a\\b", "{}", "true", "12", "null", ""}) {
      assertEquals(s, ParameterRule.convert(s, SchemaType.STRING));
    }
  }

  @Test
  void integersOnlyFromAsciiDigits() {
    assertEquals(5L, ParameterRule.convert("5", SchemaType.INTEGER));
    assertEquals(-12L, ParameterRule.convert("-12", SchemaType.INTEGER));
    assertEquals(new BigInteger("123456789012345678901234"), ParameterRule.convert("123456789012345678901234", SchemaType.INTEGER));
    for (String s : new String[] {"5\u0000", "1e3", "+5", " 5", "٥", "-", "", "0x10", "5.0"}) {
      assertEquals(s, ParameterRule.convert(s, SchemaType.INTEGER), "left as text for the schema to refuse: " + s);
    }
  }

  @Test
  void numbersAndBooleans() {
    assertEquals(new BigDecimal("2.5"), ParameterRule.convert("2.5", SchemaType.NUMBER));
    assertEquals("2.", ParameterRule.convert("2.", SchemaType.NUMBER));
    assertEquals(Boolean.TRUE, ParameterRule.convert("true", SchemaType.BOOLEAN));
    assertEquals("True", ParameterRule.convert("True", SchemaType.BOOLEAN));
  }

  @Test
  void pointerSegmentsAreShownAsTheFieldWasNamed() {
    assertEquals("a b", ValidationProblem.unescape("a%20b"));
    assertEquals("a/b~c", ValidationProblem.unescape("a~1b~0c"));
    assertEquals("é%", ValidationProblem.unescape("%C3%A9%25"));
    assertEquals("100%", ValidationProblem.unescape("100%"));
    assertEquals("%zz", ValidationProblem.unescape("%zz"));
  }
}
