package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 19's staff screens in a real Chromium against a real node, as one walk through them (the
 * browser tests are the slow part of the suite): the seating rules edited in Setup, a server
 * validation error shown at its field, then saved; a booking whose duration comes from the turn time,
 * refused for pacing and made with the override; a block over a booking made with "Block anyway"
 * (listing that booking), shaded on the timeline and the floor, then deleted and another made through
 * the API, both live; deleting a block in Setup; a host reading the rules without controls. The
 * browser logs no error.
 */
@Timeout(300)
class SeatingBrowserTest {

  static final String HOST_PASSWORD = "a host reads the seating rules";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  @Test
  void seatingRulesPacingAndBlockedTablesThroughTheStaffApp() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String t1 = placed(room, "T1", 2, 100);
    String t2 = placed(room, "T2", 4, 300);
    String t3 = placed(room, "T3", 4, 500);
    LocalDate day = Bookings.day(1);
    String hostLogin = Logins.uniqueLogin("host");
    Logins.createUser(admin, hostLogin, HOST_PASSWORD, "host", venue);

    try (Browser browser = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.signIn(browser, harness.base() + "#/setup?venue=" + venue, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);

      // Seating rules: a turn time for up to 2 guests and one for larger parties, a paced dinner.
      browser.waitFor(By.id("seating-form"));
      browser.click(By.id("seating-add-turn"));
      WebElement row = browser.waitFor(By.cssSelector("[data-testid=turn-row]"));
      row.findElement(By.name("max_party_size")).sendKeys("2");
      row.findElement(By.name("minutes")).sendKeys("90");
      browser.waitFor(By.cssSelector("[data-testid=turn-larger] input[name=minutes]")).sendKeys("150");
      browser.click(By.id("seating-add-period"));
      WebElement period = browser.waitFor(By.cssSelector("[data-testid=period]"));
      period.findElement(By.name("name")).sendKeys("Dinner");
      setValue(browser, period.findElement(By.name("last_seating")), "23:30");
      period.findElement(By.name("max_parties")).sendKeys("1");
      browser.click(By.id("seating-save"));
      // The server refuses a last seating after the period's end: said next to that input.
      WebElement fieldError = browser.waitFor(By.cssSelector(".field-error[data-path='periods[0].last_seating']"));
      assertFalse(fieldError.getText().isBlank());
      assertEquals("true", period.findElement(By.name("last_seating")).getAttribute("aria-invalid"));
      assertEquals(0, admin.ok(admin.get("/api/v1/venues/" + venue + "/seating")).getJsonArray("periods").size(), "nothing stored");
      setValue(browser, period.findElement(By.name("last_seating")), "21:30");
      browser.click(By.id("seating-save"));
      browser.waitUntil(d -> admin.ok(admin.get("/api/v1/venues/" + venue + "/seating")).getJsonArray("periods").size() == 1);
      JsonObject rules = admin.ok(admin.get("/api/v1/venues/" + venue + "/seating"));
      assertEquals(new JsonArray().add(2).add(null), new JsonArray(rules.getJsonArray("turn_times").stream()
        .map(r -> ((JsonObject) r).getValue("max_party_size")).toList()));
      assertEquals(90, rules.getJsonArray("turn_times").getJsonObject(0).getInteger("minutes"));
      assertEquals(150, rules.getJsonArray("turn_times").getJsonObject(1).getInteger("minutes"));
      JsonObject dinner = rules.getJsonArray("periods").getJsonObject(0);
      assertEquals("Dinner", dinner.getString("name"));
      assertEquals("21:30", dinner.getString("last_seating"));
      assertEquals(1, dinner.getJsonObject("pacing").getInteger("max_parties"));
      assertNull(dinner.getJsonObject("pacing").getValue("max_covers"));
      assertEquals(7, dinner.getJsonArray("weekdays").size());
      browser.waitUntil(d -> d.findElements(By.cssSelector(".field-error")).isEmpty());

      // Pacing: one party already starts at 19:00; the form's duration comes from the turn time.
      Bookings.confirmed(admin, Bookings.request(venue, new String[]{room, t1}, day, "19:00", 90, 2));
      browser.open(harness.base() + "#/timeline?venue=" + venue + "&date=" + day);
      WebElement cap = browser.waitFor(By.cssSelector("[data-testid=pacing-cell][data-from='19:00']"));
      assertTrue(cap.getText().contains("1/1") && cap.getText().toLowerCase().contains("full"), cap::getText);
      assertTrue(cap.getAttribute("aria-label").startsWith("Starts 19:00–19:15 (Dinner): 1/1 parties"), cap.getAttribute("aria-label"));
      browser.click(By.cssSelector("[data-testid=timeline-row][data-id='" + t2 + "'] .tl-cell[data-time='19:00']"));
      browser.waitFor(By.cssSelector("#new-offers label.offer[data-table='" + t2 + "'] input:checked"));
      assertEquals("", browser.waitFor(By.id("new-duration")).getAttribute("value"), "left to the turn times");
      assertEquals("Duration: from the venue's turn times (90 min for 2)", browser.text(By.id("new-duration-hint")));
      browser.type(By.id("new-name"), "Paced Guest");
      browser.click(By.id("new-submit"));
      WebElement refusal = browser.waitFor(By.cssSelector("#new-pacing:not([hidden])"));
      assertTrue(refusal.getText().contains("at most 1 part"), refusal::getText);
      browser.click(By.id("new-pacing-override"));
      String paced = browser.waitFor(By.cssSelector("dialog[data-testid=booking-dialog][data-status=held]")).getAttribute("data-id");
      JsonObject booking = admin.ok(admin.get("/api/v1/bookings/" + paced));
      assertEquals(90, booking.getJsonObject("slot").getInteger("duration_minutes"), "the turn time of a party of 2");
      assertEquals(t2, booking.getJsonObject("table").getString("table_id"));
      JsonArray history = admin.ok(admin.get("/api/v1/bookings/" + paced + "/history")).getJsonArray("entries");
      assertTrue(history.stream().anyMatch(e -> ((JsonObject) e).getJsonObject("payload").containsKey("pacing_override")), history::encode);
      browser.waitFor(By.cssSelector("dialog[data-testid=booking-dialog] .history-override"));
      browser.driver().findElement(By.cssSelector("dialog[data-testid=booking-dialog] .dialog-head button")).click();

      // A block of T3 from now for three hours, over a booking there: refused, explained, made anyway.
      ZonedDateTime now = ZonedDateTime.now(Bookings.TOKYO).truncatedTo(ChronoUnit.MINUTES);
      String inside = Bookings.confirmed(admin, Bookings.requestInMinutes(venue, new String[]{room, t3}, 30, 60, 2)).getString("id");
      browser.open(harness.base() + "#/setup?venue=" + venue);
      browser.click(By.cssSelector("#block-tables input[value='" + t3 + "']"));
      setValue(browser, browser.waitFor(By.id("block-date")), now.toLocalDate().toString());
      setValue(browser, browser.waitFor(By.id("block-start")), now.format(HH_MM));
      setValue(browser, browser.waitFor(By.id("block-end")), now.plusHours(3).format(HH_MM));
      browser.type(By.id("block-reason"), "Broken chair");
      browser.click(By.id("block-submit"));
      assertTrue(browser.waitFor(By.cssSelector("#block-overlap:not([hidden])")).getText().contains("Block anyway"));
      assertTrue(blocks(venue).isEmpty(), "refused without allow_overlap");
      browser.click(By.id("block-anyway"));
      browser.waitFor(By.cssSelector("[data-testid=block-affected][data-id='" + inside + "']"));
      String blockId = browser.waitFor(By.cssSelector("[data-testid=block]")).getAttribute("data-id");
      assertTrue(browser.text(By.cssSelector("[data-testid=block]")).contains("Broken chair"));
      JsonObject made = blocks(venue).getJsonObject(0);
      assertEquals(blockId, made.getString("id"));
      assertEquals(new JsonArray().add(t3), made.getJsonArray("table_ids"));

      // Shaded on today's timeline with its reason, and on the floor.
      browser.open(harness.base() + "#/timeline?venue=" + venue + "&date=" + now.toLocalDate());
      WebElement shade = browser.waitFor(By.cssSelector("[data-testid=timeline-blocked][data-table='" + t3 + "']"));
      assertTrue(shade.getText().contains("Blocked") && shade.getText().contains("Broken chair"), shade::getText);
      browser.click(By.id("nav-floor"));
      assertTrue(browser.waitFor(blockedTable(t3, blockId)).getText().contains("Broken chair"));
      browser.waitFor(By.cssSelector("#live-status.live"));
      browser.screenshot("floor-blocked");

      // Live: deleted elsewhere, the hatching goes; blocked elsewhere, it comes.
      assertEquals(204, admin.delete("/api/v1/blocks/" + blockId).statusCode());
      browser.waitFor(blockedTable(t3, ""));
      JsonObject other = admin.created("/api/v1/venues/" + venue + "/blocks", new JsonObject()
        .put("table_ids", new JsonArray().add(t1)).put("from", now.toEpochSecond()).put("to", now.plusHours(2).toEpochSecond())
        .put("reason", "Private event"));
      assertTrue(browser.waitFor(blockedTable(t1, other.getString("id"))).getText().contains("Private event"));

      // Deleted in Setup.
      browser.click(By.id("nav-setup"));
      browser.click(By.cssSelector("[data-testid=block][data-id='" + other.getString("id") + "'] [data-action=delete-block]"));
      browser.click(By.cssSelector("dialog form button[type=submit]"));
      browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=block]")).isEmpty());
      assertTrue(blocks(venue).isEmpty());
      browser.assertNoConsoleErrors(REFUSED_ON_PURPOSE);

      // A host reads the rules and the blocks, with nothing to change.
      browser.click(By.id("sign-out"));
      BrowserSessions.submitSignIn(browser, hostLogin, HOST_PASSWORD);
      browser.open(harness.base() + "#/setup?venue=" + venue);
      WebElement name = browser.waitFor(By.cssSelector("#seating-form [data-testid=period] input[name=name]"));
      assertEquals("Dinner", name.getAttribute("value"));
      assertFalse(name.isEnabled(), "read-only for hosts");
      assertTrue(browser.driver().findElements(By.id("seating-save")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("block-form")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("venue-form")).isEmpty());
      browser.assertNoConsoleErrors(REFUSED_ON_PURPOSE);
    }
  }

  /** The browser's reports of the answers this test asks for: the 400 at a field, the pacing and the overlap 409s. */
  static final String[] REFUSED_ON_PURPOSE = {
    "/seating - Failed to load resource: the server responded with a status of 400",
    "/api/v1/bookings - Failed to load resource: the server responded with a status of 409",
    "/blocks - Failed to load resource: the server responded with a status of 409"};

  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  static By blockedTable(String table, String blockId) {
    return By.cssSelector("[data-testid=floor-table][data-id='" + table + "'][data-blocked='" + blockId + "']");
  }

  static JsonArray blocks(String venue) {
    return admin.ok(admin.get("/api/v1/venues/" + venue + "/blocks")).getJsonArray("blocks");
  }

  /** A square table of {@code room} placed on its floor plan at x; its id. */
  static String placed(String room, String name, int capacity, int x) {
    JsonObject position = new JsonObject().put("x", x).put("y", 100).put("width", 100).put("height", 100).put("rotation", 0)
      .put("shape", "square");
    return admin.created("/api/v1/rooms/" + room + "/tables", new JsonObject().put("name", name).put("capacity", capacity)
      .put("position", position)).getString("id");
  }

  /** Sets a date or time input the way a person's picker does (typing into them depends on the locale). */
  static void setValue(Browser browser, WebElement input, String value) {
    ((JavascriptExecutor) browser.driver()).executeScript(
      "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
  }
}
