package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bookings list in a real Chromium against a real node: a day's bookings sorted by time with
 * their covers; search by guest name (accents and case ignored) and by phone digits; the status
 * filter; a booking made through REST appears without a reload; at phone width the rows are cards.
 */
@Timeout(300)
class BookingsListBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  @Test
  void aDaysBookingsAreSearchedFilteredAndKeptLive() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String[] a1 = Bookings.table(admin, room, "A1", 2, false);
    String[] a2 = Bookings.table(admin, room, "A2", 4, false);
    String[] a3 = Bookings.table(admin, room, "A3", 6, false);
    String[] a4 = Bookings.table(admin, room, "A4", 6, false);
    LocalDate date = Bookings.day(2);
    String day = date.toString();
    // Made out of order: the list sorts by time.
    String curie = Bookings.cancelled(admin, booking(venue, a3, date, "20:00", 120, 3, "Marie Curie", "06 12 34 56 78")).getString("id");
    String zoe = Bookings.confirmed(admin, booking(venue, a1, date, "18:00", 120, 2, "Zoë Ångström", "+81 90-1111-2222")).getString("id");
    String kenji = Bookings.hold(admin, booking(venue, a2, date, "19:00", 120, 4, "Kenji Tanaka", "+81 3 5555 6666")).getString("id");
    // Another day's booking stays out of the list.
    Bookings.confirmed(admin, booking(venue, a1, date.plusDays(1), "18:00", 120, 2, "Other Day", "000"));

    try (Browser browser = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.signIn(browser, harness.base() + "#/bookings?venue=" + venue + "&date=" + day, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      WebDriver d = browser.driver();
      assertEquals(List.of(zoe, kenji, curie), awaitRows(browser, 3), "sorted by time");
      awaitText(browser, By.id("bookings-covers"), "9");
      FloorBrowserTest.fresh(browser, () -> {
        WebElement zoeRow = row(d, zoe);
        assertTrue(zoeRow.getText().contains("Zoë Ångström") && zoeRow.getText().contains("A1"), zoeRow.getText());
        assertFalse(zoeRow.findElements(By.cssSelector(".status.confirmed")).isEmpty(), "a status badge");
        assertFalse(row(d, kenji).findElements(By.cssSelector(".status.held")).isEmpty());
        assertFalse(row(d, kenji).findElements(By.cssSelector("booker-countdown")).isEmpty(), "a hold shows its countdown");
        assertFalse(row(d, curie).findElements(By.cssSelector(".status.cancelled")).isEmpty());
      });
      assertEquals(day, browser.waitFor(By.id("bookings-date")).getAttribute("value"));

      // Search: names without accents or case, phones by their digits.
      browser.type(By.id("bookings-search"), "ZOE angstr");
      assertEquals(List.of(zoe), awaitRows(browser, 1));
      browser.type(By.id("bookings-search"), "5555-66");
      assertEquals(List.of(kenji), awaitRows(browser, 1));
      awaitText(browser, By.id("bookings-covers"), "4");
      browser.type(By.id("bookings-search"), "tanaka");
      assertEquals(List.of(kenji), awaitRows(browser, 1));
      browser.type(By.id("bookings-search"), "nobody here");
      browser.waitUntil(x -> x.findElements(By.cssSelector("[data-testid=booking-row]")).isEmpty());
      assertTrue(browser.text(By.id("bookings-summary")).startsWith("0 bookings"), browser.text(By.id("bookings-summary")));
      clear(browser.waitFor(By.id("bookings-search")));
      awaitRows(browser, 3);

      // Status filter.
      Select status = new Select(browser.waitFor(By.id("bookings-status")));
      status.selectByValue("cancelled");
      assertEquals(List.of(curie), awaitRows(browser, 1));
      status.selectByValue("active");
      assertEquals(List.of(zoe, kenji), awaitRows(browser, 2));
      status.selectByValue("all");
      awaitRows(browser, 3);

      // A booking made through REST (by another session) appears without a reload, in its place.
      String live = Bookings.confirmed(admin, booking(venue, a4, date, "18:30", 90, 5, "Live Walk-in", "+81 80 7777 8888")).getString("id");
      assertEquals(List.of(zoe, live, kenji, curie), awaitRows(browser, 4));
      awaitText(browser, By.id("bookings-covers"), "14");
      browser.screenshot("bookings");

      // A row opens its booking, by click or with Enter.
      FloorBrowserTest.clickFresh(browser, By.cssSelector("[data-testid=booking-row][data-id='" + kenji + "']"));
      browser.waitFor(By.cssSelector("[data-testid=booking-dialog][data-id='" + kenji + "']"));
      new Actions(d).sendKeys(Keys.ESCAPE).perform();
      browser.waitUntil(x -> x.findElements(By.cssSelector("[data-testid=booking-dialog]")).isEmpty());
      ((JavascriptExecutor) d).executeScript("document.querySelector(\"[data-testid=booking-row][data-id='" + curie + "']\").focus()");
      new Actions(d).sendKeys(Keys.ENTER).perform();
      browser.waitFor(By.cssSelector("[data-testid=booking-dialog][data-id='" + curie + "']"));
      new Actions(d).sendKeys(Keys.ESCAPE).perform();
      browser.waitUntil(x -> x.findElements(By.cssSelector("[data-testid=booking-dialog]")).isEmpty());

      // Another day through the date input.
      browser.waitFor(By.cssSelector("button[aria-label='Next day']")).click();
      browser.waitUntil(x -> x.getCurrentUrl().contains("date=" + date.plusDays(1)));
      assertEquals(1, awaitRows(browser, 1).size());
      browser.assertNoConsoleErrors();
    }

    // At phone width the table becomes cards, every cell labelled.
    try (Browser browser = Browser.start(Browser.Size.PHONE)) {
      BrowserSessions.signIn(browser, harness.base() + "#/bookings?venue=" + venue + "&date=" + day, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      awaitRows(browser, 4);
      assertFalse(browser.driver().findElement(By.cssSelector(".bookings-list thead")).isDisplayed(), "no header row on a phone");
      WebElement card = row(browser.driver(), kenji);
      assertEquals("block", card.getCssValue("display"));
      assertTrue(card.getRect().width > 300, "a card spans the screen: " + card.getRect().width);
      browser.screenshot("bookings-phone");
      browser.assertNoConsoleErrors();
    }
  }

  /** A booking of one table for {@code guest} on {@code phone}. */
  static JsonObject booking(String venue, String[] table, LocalDate date, String start, int minutes, int party, String guest, String phone) {
    return Bookings.request(venue, table, date, start, minutes, party).put("customer_name", guest).put("customer_phone", phone);
  }

  /** Waits until the element {@code by} finds shows {@code text} (the list re-renders as events arrive). */
  static void awaitText(Browser browser, By by, String text) {
    browser.waitUntil(d -> {
      try {
        return text.equals(d.findElement(by).getText()) ? true : null;
      } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return null;
      }
    });
  }

  static WebElement row(WebDriver d, String id) {
    return d.findElement(By.cssSelector("[data-testid=booking-row][data-id='" + id + "']"));
  }

  /** Waits until the list shows {@code n} rows; their booking ids, top to bottom. */
  static List<String> awaitRows(Browser browser, int n) {
    return browser.waitUntil(d -> {
      try {
        List<String> ids = d.findElements(By.cssSelector("[data-testid=booking-row]")).stream()
          .map(e -> e.getAttribute("data-id")).toList();
        return ids.size() == n ? ids : null;
      } catch (StaleElementReferenceException e) {
        return null; // re-rendered meanwhile: look again
      }
    });
  }

  static void clear(WebElement input) {
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
  }
}
