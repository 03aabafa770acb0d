package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Someone else is faster: while a host fills in the new-booking form for a table, another user books
 * that table through the API. Holding it is refused with a sentence that says so (not a raw error),
 * the table choice is refreshed without the taken table, and the host can hold another one.
 */
class BookingConflictBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  @Test
  void aTableTakenMeanwhileIsExplainedAndAnotherCanBeHeld() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String[] t1 = Bookings.table(admin, room, "T1", 2, false);
    String[] t2 = Bookings.table(admin, room, "T2", 2, false);
    String day = Bookings.day(1).toString();
    try (Browser browser = Browser.start()) {
      BrowserSessions.signIn(browser, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.open(harness.base() + "#/timeline?venue=" + venue + "&date=" + day);
      browser.click(By.cssSelector("[data-testid=timeline-row][data-id='" + t1[1] + "'] .tl-cell[data-time='20:00']"));
      browser.waitFor(By.cssSelector("#new-offers label.offer[data-table='" + t1[1] + "'] input:checked"));
      browser.type(By.id("new-name"), "Slow Host's Guest");

      // Another user is faster.
      JsonObject faster = Bookings.hold(admin, Bookings.request(venue, t1, Bookings.day(1), "20:00", 120, 2));
      browser.click(By.id("new-submit"));
      String message = browser.waitFor(By.cssSelector("#new-booking-form .form-error:not([hidden])")).getText();
      assertEquals("Someone else just took that table for this time. Pick another table or time.", message);
      // The choice is refreshed: T1 is no longer offered, T2 is chosen.
      browser.waitUntil(d -> d.findElements(By.cssSelector("#new-offers label.offer[data-table='" + t1[1] + "']")).isEmpty());
      browser.waitFor(By.cssSelector("#new-offers label.offer[data-table='" + t2[1] + "'] input:checked"));
      browser.screenshot("conflict");
      browser.click(By.id("new-submit"));
      String id = browser.waitFor(By.cssSelector("dialog[data-testid=booking-dialog][data-status=held]")).getAttribute("data-id");
      assertNotEquals(faster.getString("id"), id);
      JsonObject mine = admin.ok(admin.get("/api/v1/bookings/" + id));
      assertEquals(t2[1], mine.getJsonObject("table").getString("table_id"));
      assertEquals("Slow Host's Guest", mine.getString("customer_name"));
      assertEquals(t1[1], admin.ok(admin.get("/api/v1/bookings/" + faster.getString("id"))).getJsonObject("table").getString("table_id"));
      // The only error the browser reports is its own note of the refused request.
      browser.assertNoConsoleErrors("/api/v1/bookings - Failed to load resource: the server responded with a status of 409");
    }
  }
}
