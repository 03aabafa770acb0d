package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.dev.DevDemo;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every screen of the web app, for each role, on a desktop and on a phone, over the demo venue of
 * {@code scripts/run} with a busy evening added: each renders its content and the browser logs no error.
 * The screenshots it saves ({@code screen-*}) are the README's ({@code -Dbooker.screenshots=docs}).
 * The venue's zone is chosen so that it is late afternoon there: the evening's bookings are ahead.
 */
class ScreensBrowserTest {

  static final String PASSWORD = "a fine password for the screens";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  static String venue;
  static String today;
  static String manager;
  static String host;

  @BeforeAll
  static void busyEvening(@TempDir Path devdata) {
    // Etc/GMT+N is UTC-N: pick the one where it is 16:xx now.
    int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
    int offset = Math.floorMod(16 - utcHour + 12, 24) - 12;
    ZoneId zone = ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    DevDemo.Seeded seeded = DevDemo.seedOnce(harness.vertx(), harness.httpPort(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD,
      devdata, zone);
    venue = seeded.venueId();
    today = ZonedDateTime.now(zone).toLocalDate().toString();
    JsonArray tables = admin.ok(admin.get("/api/v1/venues/" + venue + "/tables")).getJsonArray("tables");
    String[] guests = {"Hedy Lamarr", "Katherine Johnson", "Tim Berners-Lee", "Margaret Hamilton", "Linus Pauling",
      "Frances Allen", "John McCarthy", "Radia Perlman", "Ken Thompson", "Anita Borg", "Niklaus Wirth", "Joan Clarke"};
    String[] starts = {"18:00", "19:45"};
    String[] outcome = {"seated", "confirmed", "confirmed", "held", "confirmed", "seated"};
    int n = 0;
    for (String start : starts) {
      for (Object o : tables) {
        JsonObject t = (JsonObject) o;
        int party = Math.max(1, Math.min(t.getInteger("capacity"), 2 + n % 3));
        JsonObject request = new JsonObject().put("venue_id", venue)
          .put("table", new JsonObject().put("table_id", t.getString("id")))
          .put("slot", new JsonObject().put("date", today).put("start_time", start).put("duration_minutes", 90))
          .put("party_size", party).put("customer_name", guests[n % guests.length])
          .put("customer_phone", "+1 555 01" + String.format("%02d", n)).put("comment", n % 4 == 0 ? "Birthday" : "");
        HttpResponse<Buffer> r = admin.post("/api/v1/bookings", request);
        if (r.statusCode() != 201) {
          continue; // the demo's own booking is there
        }
        String id = r.bodyAsJsonObject().getString("id");
        String status = outcome[n % outcome.length];
        if (!status.equals("held")) {
          Bookings.done(admin, id, "confirm", "confirmed");
        }
        if (status.equals("seated") && start.equals("18:00")) {
          Bookings.done(admin, id, "seat", "seated");
        }
        n++;
      }
    }
    manager = HostStandBrowserTest.userWith(admin, "manager", venue, PASSWORD);
    host = HostStandBrowserTest.userWith(admin, "host", venue, PASSWORD);
  }

  static String base() {
    return harness.base();
  }

  static void screen(Browser browser, String name, String query, By content) {
    browser.open(base() + "#/" + name + "?" + query);
    try {
      browser.waitUntil(d -> d.getTitle().startsWith(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " · "));
      browser.waitFor(content);
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("failed-" + name);
      throw new AssertionError(name + " did not render; page: " + browser.text(By.id("screen")) + "; console: " + browser.consoleErrors(), e);
    }
  }

  @Test
  void everyScreenOfAnAdminOnADesktop() {
    try (Browser browser = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.openSignIn(browser, base());
      browser.screenshot("screen-sign-in");
      BrowserSessions.submitSignIn(browser, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      String q = "venue=" + venue + "&date=" + today;
      screen(browser, "timeline", q, By.cssSelector("[data-testid=timeline-booking]"));
      browser.waitFor(By.cssSelector("#live-status.live"));
      browser.screenshot("screen-timeline");
      browser.click(By.cssSelector("[data-testid=timeline-booking][data-status=held]"));
      browser.waitFor(By.cssSelector("dialog[data-testid=booking-dialog] .history li"));
      browser.screenshot("screen-booking-details");
      browser.driver().findElement(By.cssSelector("dialog[data-testid=booking-dialog] .dialog-head button")).click();
      browser.click(By.id("new-booking"));
      browser.waitFor(By.id("new-booking-form"));
      // The evening is full until a quarter past nine; the late tables are free.
      ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
        "const t = document.getElementById('new-time'); t.value = '21:30'; t.dispatchEvent(new Event('input', {bubbles: true}));"
          + "const d = document.getElementById('new-duration'); d.value = '90'; d.dispatchEvent(new Event('input', {bubbles: true}));");
      browser.waitFor(By.cssSelector("#new-offers label.offer"));
      browser.type(By.id("new-name"), "Walk-in");
      browser.screenshot("screen-new-booking");
      browser.driver().findElement(By.cssSelector("dialog .dialog-head button")).click();
      screen(browser, "floor", q, By.cssSelector("[data-testid=floor-table][data-state=seated]"));
      browser.screenshot("screen-floor");
      screen(browser, "bookings", q, By.cssSelector("[data-testid=booking-row]"));
      browser.screenshot("screen-bookings");
      screen(browser, "setup", q, By.cssSelector("[data-testid=table-row]"));
      browser.screenshot("screen-setup");
      browser.open(base() + "#/users");
      browser.waitFor(By.cssSelector("[data-testid=user-row]"));
      browser.screenshot("screen-users");
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void everyScreenOfAManagerAndAHostOnAPhone() {
    for (String login : List.of(manager, host)) {
      try (Browser browser = Browser.start(Browser.Size.PHONE)) {
        BrowserSessions.signIn(browser, base(), login, PASSWORD);
        String q = "venue=" + venue + "&date=" + today;
        screen(browser, "timeline", q, By.cssSelector("[data-testid=timeline-booking]"));
        if (login.equals(host)) {
          browser.screenshot("screen-timeline-phone");
        }
        screen(browser, "floor", q, By.cssSelector("[data-testid=floor-table]"));
        screen(browser, "bookings", q, By.cssSelector("[data-testid=booking-row]"));
        assertFalse(browser.driver().findElements(By.id("nav-setup")).isEmpty(), "setup for managers, its seating rules for hosts");
        assertTrue(browser.driver().findElements(By.id("nav-users")).isEmpty(), "users for admins only");
        if (login.equals(manager)) {
          screen(browser, "setup", q, By.cssSelector("[data-testid=table-row]"));
        } else {
          screen(browser, "setup", q, By.id("seating-form"));
          assertTrue(browser.driver().findElements(By.id("venue-form")).isEmpty(), "a host's Setup is the seating rules only");
        }
        browser.assertNoConsoleErrors();
      }
    }
  }
}
