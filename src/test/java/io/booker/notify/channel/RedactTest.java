package io.booker.notify.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RedactTest {

  @Test
  void anEmailKeepsItsFirstLetterAndDomain() {
    assertEquals("j***@example.com", Redact.email("john.smith@example.com"));
    assertEquals("a***@b.de", Redact.email(" a@b.de "));
    assertEquals("***", Redact.email("not-an-address"));
    assertEquals("***", Redact.email("@example.com"));
    assertEquals("", Redact.email(null));
    assertEquals("", Redact.email(""));
  }

  @Test
  void aPhoneKeepsAtMostTheLastTwoDigitsAndAnInternationalPrefix() {
    assertEquals("+44*******89", Redact.phone("+44 7911 12389"));
    assertEquals("+49*********01", Redact.phone("+49 (0)30 1234-5601"));
    assertEquals("******89", Redact.phone("01234589"));
    assertEquals("*****", Redact.phone("12345"));
    assertEquals("***", Redact.phone("12"));
    assertEquals("", Redact.phone(null));
    String masked = Redact.phone("+33612345678");
    assertEquals("+33*******78", masked);
    assertFalse(masked.contains("612345"));
  }

  @Test
  void freeTextLosesEveryAddressAndPhoneNumber() {
    String text = Redact.addressesIn("550 5.1.1 <john.smith@example.com>: unknown user; call +44 7911 123489 or 030-1234567");
    assertFalse(text.contains("john.smith"), text);
    assertFalse(text.contains("7911"), text);
    assertFalse(text.contains("1234567"), text);
    assertTrue(text.contains("550 5.1.1 <j***@example.com>"), text);
    assertEquals("451 4.3.0 try again", Redact.addressesIn("451 4.3.0 try again"));
    assertEquals("", Redact.addressesIn(null));
  }
}
