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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app losing its connection in a real browser: the browser goes offline (Chromium's network
 * emulation, which also drops the open WebSocket), the header says so and a banner warns that the view
 * may be out of date; bookings made meanwhile through the API appear once the browser is back, caught up
 * from the event log, without a reload.
 */
class LiveReconnectBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  @Test
  void whileOfflineABannerShowsAndOnReconnectTheMissedChangesArrive() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String[] table = Bookings.table(admin, room, "T1", 4, false);
    String day = Bookings.day(1).toString();
    JsonObject before = Bookings.confirmed(admin, Bookings.request(venue, table, Bookings.day(1), "12:00", 60, 2));
    try (Browser browser = Browser.start()) {
      BrowserSessions.signIn(browser, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.open(harness.base() + "#/timeline?venue=" + venue + "&date=" + day);
      browser.waitFor(By.cssSelector("[data-testid=timeline-booking][data-id='" + before.getString("id") + "']"));
      browser.waitFor(By.cssSelector("#live-status.live"));
      // An event received before the drop gives the app a point to resume from.
      JsonObject seen = Bookings.hold(admin, Bookings.request(venue, table, Bookings.day(1), "14:00", 60, 2));
      browser.waitFor(By.cssSelector("[data-testid=timeline-booking][data-id='" + seen.getString("id") + "']"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      js.executeScript("window.__sameDocument = 'yes';");

      HasNetworkConditions network = (HasNetworkConditions) browser.driver();
      ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
      offline.setOffline(true);
      offline.setLatency(Duration.ZERO);
      network.setNetworkConditions(offline);
      browser.waitFor(By.cssSelector("#offline-banner:not([hidden])"), Duration.ofSeconds(20));
      assertNotEquals("Live", browser.text(By.id("live-status")));
      browser.screenshot("offline");

      JsonObject missed = Bookings.confirmed(admin, Bookings.request(venue, table, Bookings.day(1), "16:00", 60, 3));
      Bookings.done(admin, seen.getString("id"), "confirm", "confirmed");
      network.deleteNetworkConditions();

      browser.waitFor(By.cssSelector("#live-status.live"), Duration.ofSeconds(30));
      browser.waitFor(By.cssSelector("[data-testid=timeline-booking][data-id='" + missed.getString("id") + "'][data-status=confirmed]"));
      browser.waitFor(By.cssSelector("[data-testid=timeline-booking][data-id='" + seen.getString("id") + "'][data-status=confirmed]"));
      browser.waitUntil(d -> !d.findElement(By.id("offline-banner")).isDisplayed());
      assertEquals("yes", js.executeScript("return window.__sameDocument;"), "caught up without a reload");
      // While offline the browser reports the failed reconnection attempts; nothing else is an error.
      browser.assertNoConsoleErrors("/api/v1/ws", "ERR_INTERNET_DISCONNECTED", "net::ERR_");
    }
  }
}
