package io.booker.it;

import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The web app's session in a real browser, on a node whose access tokens live 30 seconds: a wrong
 * password is explained; the session survives a reload; the token is refreshed quietly, so well past
 * its lifetime the live feed is still connected and the API still answers; signing out ends it, and a
 * reload stays signed out.
 */
class SessionBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus",
    new JsonObject().put("auth", new JsonObject().put("access_ttl_seconds", 30)));
  static final ApiClient admin = harness.api();

  @Test
  void theSessionSurvivesAReloadRefreshesQuietlyAndEndsWithSignOut() throws InterruptedException {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String[] table = Bookings.table(admin, room, "T1", 4, false);
    String base = harness.base();
    // A booking made later in the test, an hour from now: the timeline shows its day.
    JsonObject later = Bookings.requestInHours(venue, table, 1, 60, 2);
    String day = later.getJsonObject("slot").getString("date");
    try (Browser browser = Browser.start(Browser.Size.TABLET)) {
      BrowserSessions.openSignIn(browser, base);
      browser.screenshot("sign-in");
      browser.type(By.id("login"), TestTokens.ADMIN_LOGIN).type(By.id("password"), "not the password");
      browser.click(By.cssSelector("form#sign-in button[type=submit]"));
      assertEquals("Login or password is wrong.", browser.waitFor(By.cssSelector("form#sign-in .form-error:not([hidden])")).getText());

      BrowserSessions.submitSignIn(browser, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.open(base + "#/timeline?venue=" + venue + "&date=" + day);
      browser.waitFor(By.cssSelector("#live-status.live"));

      browser.driver().navigate().refresh();
      browser.waitFor(By.id("app-shell"));
      browser.waitFor(By.cssSelector("[data-testid=timeline-row][data-id='" + table[1] + "']"));
      browser.waitFor(By.cssSelector("#live-status.live"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      js.executeScript("window.__sameDocument = 'yes';");
      String firstToken = (String) js.executeScript("return JSON.parse(localStorage.getItem('booker.session')).access_token;");

      // Past the first token's lifetime (30 s) and well past the server's 4401 for an unrenewed socket.
      Thread.sleep(Duration.ofSeconds(38).toMillis());
      String laterToken = (String) js.executeScript("return JSON.parse(localStorage.getItem('booker.session')).access_token;");
      assertNotEquals(firstToken, laterToken, "the access token was refreshed");
      assertTrue(browser.driver().findElements(By.id("sign-in")).isEmpty(), "still signed in");
      // The socket stayed up (renewed in place), and a change made now arrives live.
      JsonObject made = Bookings.hold(admin, later);
      browser.waitFor(By.cssSelector("[data-testid=timeline-booking][data-id='" + made.getString("id") + "']"));
      assertEquals("yes", js.executeScript("return window.__sameDocument;"));
      browser.assertNoConsoleErrors(
        // The wrong password above: the browser itself reports the 401 answer of the sign-in request.
        "/api/v1/auth/login - Failed to load resource: the server responded with a status of 401");

      browser.click(By.id("sign-out"));
      browser.waitFor(By.cssSelector("form#sign-in"));
      assertNull(js.executeScript("return localStorage.getItem('booker.session');"));
      browser.driver().navigate().refresh();
      browser.waitFor(By.cssSelector("form#sign-in"));
    }
  }
}
