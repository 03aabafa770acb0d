package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
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
 * The web app's session in a real browser, on a node whose access tokens live 15 seconds (the
 * shortest lifetime a node accepts): a wrong password is explained; the session survives a reload;
 * the token is refreshed quietly, so past the first token's lifetime (read from its {@code exp}, no
 * fixed sleep) the live feed is still connected and the API still answers; signing out ends it, and
 * a reload stays signed out.
 */
class SessionBrowserTest {

  /** The shortest lifetime a node accepts ({@code auth.access_ttl_seconds} is 15 to 3600). */
  static final int ACCESS_TTL_SECONDS = 15;

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus",
    new JsonObject().put("auth", new JsonObject().put("access_ttl_seconds", ACCESS_TTL_SECONDS)));
  static final ApiClient admin = harness.api();

  @Test
  void theSessionSurvivesAReloadRefreshesQuietlyAndEndsWithSignOut() {
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
      String firstToken = accessToken(js);
      long firstExpiry = Logins.claims(firstToken).getLong("exp") * 1000;

      // The app renews the token quietly a quarter of its lifetime ahead of expiry (3.75 s for 15 s).
      String laterToken = browser.waitUntil(d -> {
        String now = accessToken(js);
        return now.equals(firstToken) ? null : now;
      }, Duration.ofSeconds(ACCESS_TTL_SECONDS + 10));
      assertNotEquals(firstToken, laterToken, "the access token was refreshed");
      // Past the first token's lifetime: the server closes a socket left on it with 4401 then.
      browser.waitUntil(d -> System.currentTimeMillis() > firstExpiry + 2_000 ? true : null, Duration.ofSeconds(ACCESS_TTL_SECONDS + 10));
      browser.waitFor(By.cssSelector("#live-status.live"));
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

  /** The access token the app keeps in localStorage. */
  private static String accessToken(JavascriptExecutor js) {
    return (String) js.executeScript("return JSON.parse(localStorage.getItem('booker.session')).access_token;");
  }
}
