package io.booker.notify.template;

import io.booker.notify.template.MessageRenderer.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every template file renders, in every language, with the values a guest needs and nothing left over. */
class FileTemplatesTest {

  static final FileTemplates templates = FileTemplates.load();
  static final String BOOKING_ID = "3f2a9c1e-77b0-4d2e-9a41-0c5e2b7d8f10";
  static final Instant EVENT_TIME = Instant.parse("2026-12-01T10:00:00Z");

  static BookingMessage message(String venue, String guest, String reason) {
    return new BookingMessage(BOOKING_ID, venue, "Europe/Berlin", LocalDate.of(2026, 12, 4), LocalTime.of(19, 30),
        90, 4, guest, EVENT_TIME.plusSeconds(15 * 60), EVENT_TIME, reason);
  }

  static Stream<Arguments> everyFile() {
    List<Arguments> all = new ArrayList<>();
    for (String lang : templates.languages()) {
      for (String template : FileTemplates.TEMPLATES) {
        for (String channel : FileTemplates.CHANNELS) {
          all.add(Arguments.of(lang, template, channel));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}/{1}.{2}")
  @MethodSource("everyFile")
  void everyTemplateRendersCompletely(String lang, String template, String channel) {
    Rendered r = templates.render(template, channel, lang, message("Chez Anna", "Anna Weber", "Kitchen closed"));
    assertEquals(lang, r.language());
    assertFalse(r.text().contains("{{") || r.text().contains("}}"), r.text());
    assertFalse(r.subject().contains("{{") || r.subject().contains("}}"), r.subject());
    assertTrue(r.text().contains("3F2A9C1E"), "the booking reference is in every message: " + r.text());
    assertTrue(r.text().contains("Chez Anna"), "the venue is named: " + r.text());
    if ("email".equals(channel)) {
      assertFalse(r.subject().isBlank());
      assertTrue(r.subject().contains("3F2A9C1E"), r.subject());
      assertTrue(r.text().contains("Anna Weber"), "the guest is greeted by name: " + r.text());
      assertTrue(r.text().contains("Europe/Berlin"), "the venue's zone is named: " + r.text());
      assertFalse(r.text().contains("\n\n\n"), "no gap left by an empty line");
    } else {
      assertEquals("", r.subject());
      assertFalse(r.text().contains("\n"), "an SMS is one line: " + r.text());
      assertTrue(r.text().length() <= 160, "an SMS fits one message (" + r.text().length() + " chars): " + r.text());
    }
  }

  @Test
  void englishConfirmationReadsAsExpected() {
    Rendered r = templates.render("confirmed", "email", "en", message("Chez Anna", "Anna", ""));
    assertEquals("Your booking at Chez Anna is confirmed (3F2A9C1E)", r.subject());
    assertTrue(r.text().startsWith("Hello Anna,\n"), r.text());
    assertTrue(r.text().contains("When:     Friday, December 4, 2026 at 7:30 PM (Europe/Berlin)"), r.text());
    assertTrue(r.text().contains("Guests:   4 guests"), r.text());
    assertTrue(r.text().contains("Duration: 1 hour 30 minutes"), r.text());
  }

  @Test
  void germanDatesAndWords() {
    Rendered r = templates.render("confirmed", "email", "de", message("Zum Löwen", "Anna", ""));
    assertEquals("de", r.language());
    assertTrue(r.text().contains("Freitag, 4. Dezember 2026 um 19:30 Uhr (Europe/Berlin)"), r.text());
    assertTrue(r.text().contains("4 Personen"), r.text());
    assertTrue(r.text().contains("1 Stunde 30 Minuten"), r.text());
    assertTrue(templates.render("confirmed", "sms", "de", message("Zum Löwen", "Anna", "")).text().contains("04.12.2026, 19:30 Uhr"));
  }

  @Test
  void frenchDatesAndWords() {
    Rendered r = templates.render("reminder", "email", "fr", message("Le Bistrot", "Anne", ""));
    assertEquals("fr", r.language());
    assertTrue(r.text().contains("vendredi 4 décembre 2026 à 19:30 (Europe/Berlin)"), r.text());
    assertTrue(r.text().contains("4 personnes"), r.text());
    assertTrue(r.text().contains("1 heure 30 minutes"), r.text());
  }

  @Test
  void languageFallsBackFromRegionToLanguageToEnglish() {
    assertEquals("fr", templates.render("confirmed", "email", "fr-CA", message("V", "G", "")).language());
    assertEquals("de", templates.render("confirmed", "email", "de_AT", message("V", "G", "")).language());
    assertEquals("en", templates.render("confirmed", "email", "pt-BR", message("V", "G", "")).language());
    assertEquals("en", templates.render("confirmed", "email", "", message("V", "G", "")).language());
    assertEquals("en", templates.render("confirmed", "email", null, message("V", "G", "")).language());
    assertEquals("en", templates.render("confirmed", "email", "not a tag!", message("V", "G", "")).language());
  }

  @Test
  void aRegionFoundByItsLanguageStillGetsItsOwnDateFormat() {
    String gb = templates.render("confirmed", "email", "en-GB", message("V", "G", "")).text();
    assertTrue(gb.contains("Friday, 4 December 2026"), gb);
  }

  @Test
  void anEmptyVenueNameAndGuestNameFallBackToLocalizedWords() {
    assertTrue(templates.render("confirmed", "email", "en", message("", "", "")).text().startsWith("Hello,\n\nYour booking at the restaurant is confirmed"));
    assertEquals("Ihre Buchung bei uns ist bestätigt (3F2A9C1E)", templates.render("confirmed", "email", "de", message(" ", null, "")).subject());
    assertTrue(templates.render("confirmed", "email", "de", message(null, "", "")).text().startsWith("Guten Tag,"));
    assertEquals("Votre réservation chez nous est confirmée (3F2A9C1E)", templates.render("confirmed", "email", "fr", message("", "", "")).subject());
  }

  @Test
  void aHoldSaysHowLongItIsKept() {
    assertTrue(templates.render("held", "email", "en", message("V", "G", "")).text().contains("held for 15 minutes."));
    BookingMessage almostGone = new BookingMessage(BOOKING_ID, "V", "Europe/Berlin", LocalDate.of(2026, 12, 4), LocalTime.of(19, 30),
        90, 1, "G", EVENT_TIME.plusSeconds(20), EVENT_TIME, "");
    assertTrue(templates.render("held", "sms", "en", almostGone).text().contains("for 1 minute while your booking is confirmed"));
    assertTrue(templates.render("held", "sms", "de", almostGone).text().contains("für 1 Minute vorgemerkt"));
    BookingMessage unknown = new BookingMessage(BOOKING_ID, "V", "Europe/Berlin", LocalDate.of(2026, 12, 4), LocalTime.of(19, 30),
        90, 1, "G", null, EVENT_TIME, "");
    assertTrue(templates.render("held", "email", "fr", unknown).text().contains("gardée quelques minutes"));
  }

  @Test
  void aCancellationGivesTheReasonOnlyWhenThereIsOne() {
    String withReason = templates.render("cancelled", "email", "en", message("V", "G", "Kitchen closed")).text();
    assertTrue(withReason.contains("\n\nReason: Kitchen closed\n\n"), withReason);
    String without = templates.render("cancelled", "email", "en", message("V", "G", "")).text();
    assertFalse(without.contains("Reason"), without);
    assertFalse(without.contains("\n\n\n"), without);
    assertTrue(templates.render("cancelled", "email", "fr", message("V", "G", "Cuisine fermée")).text().contains("Motif : Cuisine fermée"));
  }

  @Test
  void theReferenceIsTheFirstEightHexDigitsInUpperCase() {
    assertEquals("3F2A9C1E", FileTemplates.BookingValues.reference(BOOKING_ID));
    assertEquals("ABCDEF01", FileTemplates.BookingValues.reference("abcdef01-2345"));
    assertEquals("AB", FileTemplates.BookingValues.reference("ab"));
    assertEquals("", FileTemplates.BookingValues.reference(null));
  }

  @Test
  void valuesAreNotReadAsPlaceholders() {
    String text = templates.render("confirmed", "email", "en", message("{{venue}} & Co", "{{reason}}", "")).text();
    assertTrue(text.contains("Hello {{reason}},"), text);
    assertTrue(text.contains("at {{venue}} & Co is confirmed"), text);
  }

  @Test
  void anUnknownTemplateOrChannelIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> templates.render("seated", "email", "en", message("V", "G", "")));
    assertThrows(IllegalArgumentException.class, () -> templates.render("held", "fax", "en", message("V", "G", "")));
  }

  @Test
  void aTemplateWithAnUnknownPlaceholderFailsAtLoadNamingTheFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileTemplates.load("notify/broken-templates"));
    assertTrue(e.getMessage().contains("notify/broken-templates/en/held.email.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("{{venu}}"), e.getMessage());
  }

  @Test
  void placeholdersAreCheckedStrictly() {
    assertThrows(IllegalArgumentException.class, () -> Placeholders.names("Hello {{Name}}", "t"));
    assertThrows(IllegalArgumentException.class, () -> Placeholders.names("Hello {{name", "t"));
    assertThrows(IllegalArgumentException.class, () -> Placeholders.names("Hello name}}", "t"));
    assertEquals(java.util.Set.of("a_b", "c"), Placeholders.names("{{a_b}} and {{ c }}", "t"));
    assertThrows(IllegalArgumentException.class, () -> Placeholders.fill("{{x}}", java.util.Map.of("y", "1"), "t"));
  }

  @Test
  void aWordsFileMustDefineEveryKeyWithItsOwnPlaceholdersOnly() {
    assertThrows(IllegalArgumentException.class, () -> TemplateLanguage.parse("xx", "venue.fallback=x\n", "xx/words.properties"));
    StringBuilder complete = new StringBuilder();
    TemplateLanguage.KEYS.keySet().forEach(k -> complete.append(k).append("=x\n"));
    assertEquals("x", TemplateLanguage.parse("xx", complete.toString(), "f").word("venue.fallback"));
    assertThrows(IllegalArgumentException.class, () -> TemplateLanguage.parse("xx", complete + "reason_line={{guest}}\n", "f"));
    assertThrows(IllegalArgumentException.class, () -> TemplateLanguage.parse("xx", complete + "surprise=x\n", "f"));
  }
}
