package io.booker.notify.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MaskingTest {

  @Test
  void anEmailKeepsItsFirstLetterAndDomain() {
    assertEquals("j***@example.com", Masking.email("john.smith@example.com"));
    assertEquals("a***@b.de", Masking.email(" a@b.de "));
    assertEquals("***", Masking.email("not-an-address"));
    assertEquals("***", Masking.email("@example.com"));
    assertEquals("", Masking.email(null));
    assertEquals("", Masking.email(""));
  }

  @Test
  void aPhoneKeepsAtMostTheLastTwoDigitsAndAnInternationalPrefix() {
    assertEquals("+44*******89", Masking.phone("+44 7911 12389"));
    assertEquals("+49*********01", Masking.phone("+49 (0)30 1234-5601"));
    assertEquals("******89", Masking.phone("01234589"));
    assertEquals("*****", Masking.phone("12345"));
    assertEquals("***", Masking.phone("12"));
    assertEquals("", Masking.phone(null));
    String masked = Masking.phone("+33612345678");
    assertEquals("+33*******78", masked);
    assertFalse(masked.contains("612345"));
  }

  @Test
  void freeTextLosesEveryAddressAndPhoneNumber() {
    String text = Masking.addressesIn("550 5.1.1 <john.smith@example.com>: unknown user; call +44 7911 123489 or 030-1234567");
    assertFalse(text.contains("john.smith"), text);
    assertFalse(text.contains("7911"), text);
    assertFalse(text.contains("1234567"), text);
    assertTrue(text.contains("550 5.1.1 <j***@example.com>"), text);
    assertEquals("451 4.3.0 try again", Masking.addressesIn("451 4.3.0 try again"));
    assertEquals("", Masking.addressesIn(null));
  }

  @Test
  void aRecipientIsMaskedAsWhatItsChannelSends() {
    assertEquals("j***@example.com", Masking.recipient(Channels.EMAIL, "jane@example.com"));
    assertEquals("+44*******89", Masking.recipient(Channels.SMS, "+44123456789"));
  }
}
