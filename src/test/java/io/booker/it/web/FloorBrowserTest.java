package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Eventually;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The floor view in a real Chromium against a real node: tables stand where their positions say,
 * coloured by what happens now; a booking confirmed and seated through REST by other users changes a
 * table live; an admin moves a table by dragging it and with the keyboard, and the moves are saved
 * (read back through REST); a move the server refuses is rolled back and explained; a host sees no
 * arrange controls.
 */
@Timeout(300)
class FloorBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  @Test
  void tablesShowWhatHappensNowLiveAndAnAdminArrangesThem() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String t1 = placed(room, "T1", 2, position(100, 100, 80, 80, 0, "round"));
    String t2 = placed(room, "T2", 4, position(300, 100, 100, 100, 0, "square"));
    String t3 = placed(room, "T3", 6, position(500, 400, 160, 90, 90, "rectangle"));
    String t4 = placed(room, "T4", 2, null);
    String t5 = placed(room, "T5", 4, position(700, 100, 100, 100, 0, "square"));
    String seated = Bookings.seated(admin, booking(venue, room, t1, 2, 90, 2, "Ada Seated")).getString("id");
    Bookings.hold(admin, booking(venue, room, t3, 10, 90, 5, "Hugo Held"));
    String hostLogin = Logins.uniqueLogin("host");
    Logins.createUser(admin, hostLogin, "host-password-0123", "host", venue);
    ApiClient host = Logins.as(admin, Logins.login(admin, hostLogin, "host-password-0123"));

    try (Browser browser = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.signIn(browser, harness.base() + "#/floor?venue=" + venue, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.waitFor(By.cssSelector(".floor-plan"));
      assertState(browser, t1, "seated");
      assertState(browser, t2, "free");
      assertState(browser, t3, "held");
      assertState(browser, t5, "free");
      fresh(browser, () -> {
        String text = browser.text(table(t1));
        assertTrue(text.contains("T1 · 2") && text.contains("Seated") && text.contains("Ada Seated"), "name, seats, state and guest: " + text);
        });
      assertTrue(browser.driver().findElements(table(t4)).isEmpty(), "an unplaced table is not on the plan");
      fresh(browser, () -> assertTrue(browser.text(By.cssSelector("[data-testid=floor-unplaced][data-id='" + t4 + "']")).contains("T4")));

      assertAt(browser, t2, 300, 100, 100, 100);
      assertAt(browser, t1, 100, 100, 80, 80);

      // Another user's changes arrive live, without a reload.
      JsonObject soon = Bookings.confirmed(admin, booking(venue, room, t5, 20, 90, 3, "Live Guest"));
      assertState(browser, t5, "soon");
      Bookings.done(host, soon.getString("id"), "seat");
      assertState(browser, t5, "seated");
      fresh(browser, () -> assertTrue(browser.text(table(t5)).contains("Live Guest")));
      browser.screenshot("floor");

      // Arranging: drag T2 by 100 × 50 units, then move it with the keyboard.
      clickFresh(browser, By.id("arrange-toggle"));
      assertEquals("true", browser.waitFor(By.id("arrange-toggle")).getAttribute("aria-pressed"));
      browser.waitFor(By.cssSelector(".arranging .floor-plan"));
      Rectangle p = browser.waitFor(By.cssSelector(".floor-plan")).getRect();
      browser.waitUntil(d -> {
        try {
          new Actions(d).dragAndDropBy(d.findElement(table(t2)), (int) Math.round(p.width * 0.1), (int) Math.round(p.height * 0.05))
            .perform();
          return true;
        } catch (StaleElementReferenceException e) {
          return null; // re-rendered before the drag began: nothing moved, drag again
        }
      });
      awaitPosition(t2, 400, 150, 0);
      assertAt(browser, t2, 400, 150, 100, 100);

      ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector(\"[data-testid=floor-table][data-id='" + t2 + "']\").focus()");
      new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT)
        .keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.SHIFT).sendKeys("r").perform();
      JsonObject moved = awaitPosition(t2, 420, 200, 15);
      assertEquals(100, moved.getInteger("width"));
      assertEquals("square", moved.getString("shape"));
      JsonObject t2Now = admin.ok(admin.get("/api/v1/tables/" + t2));
      assertEquals(4, t2Now.getInteger("capacity"), "the whole table was sent: nothing else changed");

      // Shape and size of the selected table; the unplaced table placed with its button.
      Select shape = new Select(browser.waitFor(By.id("floor-shape")));
      shape.selectByValue("rectangle");
      awaitTable(t2, pos -> "rectangle".equals(pos.getString("shape")));
      browser.waitFor(By.id("floor-width")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "160", Keys.TAB);
      JsonObject resized = awaitTable(t2, pos -> pos.getInteger("width") == 160);
      assertEquals(new JsonObject().put("x", 420).put("y", 200).put("width", 160).put("height", 100).put("rotation", 15)
        .put("shape", "rectangle"), resized, "only the width changed");
      clickFresh(browser, By.cssSelector("[data-testid=floor-unplaced][data-id='" + t4 + "'] button"));
      browser.waitFor(table(t4));
      JsonObject placed = awaitTable(t4, pos -> pos != null);
      assertTrue(placed.getInteger("x") + placed.getInteger("width") <= 1000 && placed.getInteger("y") + placed.getInteger("height") <= 1000, placed.encode());
      browser.screenshot("floor-arrange");

      // Nothing left the plan, and the moves survive a reload.
      browser.driver().navigate().refresh();
      browser.waitFor(table(t2));
      assertAt(browser, t2, 420, 200, 160, 100);
      browser.assertNoConsoleErrors();
    }

    // A host, on a phone, sees the floor but nothing to arrange it with.
    try (Browser browser = Browser.start(Browser.Size.PHONE)) {
      BrowserSessions.signIn(browser, harness.base() + "#/floor?venue=" + venue, hostLogin, "host-password-0123");
      assertState(browser, t1, "seated");
      assertState(browser, t5, "seated");
      assertTrue(browser.driver().findElements(By.id("arrange-toggle")).isEmpty(), "no arrange control for a host");
      Rectangle plan = browser.waitFor(By.cssSelector(".floor-plan")).getRect();
      assertTrue(plan.x >= 0 && plan.x + plan.width <= Browser.Size.PHONE.width, "the plan fits the phone's width: " + plan);
      assertAt(browser, t2, 420, 200, 160, 100);
      browser.screenshot("floor-phone");

      // A table with a booking opens it; a free one offers to book it on the timeline.
      clickFresh(browser, table(t1));
      browser.waitFor(By.cssSelector("[data-testid=booking-dialog][data-id='" + seated + "']"));
      new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
      browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=booking-dialog]")).isEmpty());
      clickFresh(browser, table(t2));
      clickFresh(browser, By.id("floor-book-table"));
      browser.waitUntil(d -> d.getCurrentUrl().contains("#/timeline?venue=" + venue));
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void aRefusedMoveIsRolledBackAndExplained() {
    String venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main");
    String t1 = placed(room, "T1", 4, position(100, 100, 100, 100, 0, "square"));
    String login = Logins.uniqueLogin("manager");
    String managerId = Logins.createUser(admin, login, "manager-password-0123", "manager", venue).getString("id");
    String other = Bookings.venueOpenAllDay(admin);

    try (Browser browser = Browser.start(Browser.Size.TABLET)) {
      BrowserSessions.signIn(browser, harness.base() + "#/floor?venue=" + venue, login, "manager-password-0123");
      browser.waitFor(table(t1));
      clickFresh(browser, By.id("arrange-toggle"));
      // The manager is moved to another venue meanwhile: the next change of this one is refused.
      admin.ok(admin.put("/api/v1/users/" + managerId, new JsonObject().put("venue_ids", new JsonArray().add(other))));
      ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector(\"[data-testid=floor-table][data-id='" + t1 + "']\").focus()");
      new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
      String message = browser.waitFor(By.cssSelector(".view-floor .form-error")).getText();
      assertTrue(message.startsWith("T1 could not be moved:"), message);
      browser.waitUntil(d -> {
        try {
          return d.findElement(table(t1)).getAttribute("class").contains("saving") ? null : true;
        } catch (StaleElementReferenceException e) {
          return null;
        }
      });
      assertAt(browser, t1, 100, 100, 100, 100);
      assertEquals(position(100, 100, 100, 100, 0, "square"), admin.ok(admin.get("/api/v1/tables/" + t1)).getJsonObject("position"));
      // The console shows the refused requests (the browser reports 401 and 404 answers itself); nothing else is asserted of it here.
    }
  }

  // ---------------------------------------------------------------- helpers

  static By table(String id) {
    return By.cssSelector("[data-testid=floor-table][data-id='" + id + "']");
  }

  /**
   * Runs checks that read elements, again when a live re-render replaced an element meanwhile (the
   * views re-render whole lists as events arrive).
   */
  static void fresh(Browser browser, Runnable checks) {
    browser.waitUntil(d -> {
      try {
        checks.run();
        return true;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  /** Clicks what {@code by} finds, finding it again when a live re-render replaced it meanwhile. */
  static void clickFresh(Browser browser, By by) {
    browser.waitUntil(d -> {
      try {
        d.findElement(by).click();
        return true;
      } catch (StaleElementReferenceException | NoSuchElementException e) {
        return null;
      }
    });
  }

  static void assertState(Browser browser, String tableId, String state) {
    browser.waitFor(By.cssSelector("[data-testid=floor-table][data-id='" + tableId + "'][data-state=" + state + "]"));
  }

  /**
   * The table stands where the position says (its box, before rotation), within a few pixels of the
   * plan's scale. Both boxes are read in one script, between two renders.
   */
  @SuppressWarnings("unchecked")
  static void assertAt(Browser browser, String tableId, int x, int y, int width, int height) {
    List<Number> r = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
      const t = document.querySelector("[data-testid=floor-table][data-id='" + arguments[0] + "']");
      const plan = t.closest('.floor-plan');
      const p = plan.getBoundingClientRect();
      const b = t.getBoundingClientRect();
      return [p.left + plan.clientLeft, p.top + plan.clientTop, plan.clientWidth, plan.clientHeight, b.left, b.top, b.width, b.height];
      """, tableId);
    double sx = r.get(2).doubleValue() / 1000.0;
    double sy = r.get(3).doubleValue() / 1000.0;
    assertEquals(r.get(0).doubleValue() + x * sx, r.get(4).doubleValue(), 2, "left");
    assertEquals(r.get(1).doubleValue() + y * sy, r.get(5).doubleValue(), 2, "top");
    assertEquals(width * sx, r.get(6).doubleValue(), 2, "width");
    assertEquals(height * sy, r.get(7).doubleValue(), 2, "height");
  }

  JsonObject awaitPosition(String tableId, int x, int y, int rotation) {
    return awaitTable(tableId, p -> p != null && p.getInteger("x") == x && p.getInteger("y") == y && p.getInteger("rotation", 0) == rotation);
  }

  /** The table's position read through REST, once it passes {@code test} (an unplaced table's null never does). */
  JsonObject awaitTable(String tableId, java.util.function.Predicate<JsonObject> test) {
    return Eventually.await("the table's position read through REST", Duration.ofSeconds(10),
      () -> admin.ok(admin.get("/api/v1/tables/" + tableId)).getJsonObject("position"), test);
  }

  static JsonObject position(int x, int y, int width, int height, int rotation, String shape) {
    return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height).put("rotation", rotation).put("shape", shape);
  }

  /** A table of {@code room}, placed on the floor plan when {@code position} is not null; its id. */
  static String placed(String room, String name, int capacity, JsonObject position) {
    JsonObject body = new JsonObject().put("name", name).put("capacity", capacity);
    if (position != null) {
      body.put("position", position);
    }
    return admin.created("/api/v1/rooms/" + room + "/tables", body).getString("id");
  }

  /** A booking of one table for {@code guest}, starting {@code minutesAhead} from now (Tokyo), in whole minutes. */
  static JsonObject booking(String venue, String room, String table, int minutesAhead, int minutes, int party, String guest) {
    return Bookings.requestInMinutes(venue, new String[]{room, table}, minutesAhead, minutes, party).put("customer_name", guest);
  }

}
