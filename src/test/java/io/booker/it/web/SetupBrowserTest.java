package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An admin sets up a venue in a real browser, as a manager would: details and time zone, two rooms,
 * tables (one mergeable), weekly hours with two ranges on a day and an overnight range, a closed
 * special day; editing a table keeps its place on the floor plan. The REST API then shows exactly
 * what was entered, and the browser's console stayed free of errors.
 */
class SetupBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  @Test
  void anAdminSetsUpAVenueAndTheApiStoresExactlyThat() {
    String name = "Setup " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate holiday = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(9);
    try (Browser browser = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.signIn(browser, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      click(browser, By.id("nav-setup"));

      // A fresh system shows the first-venue form; otherwise "New venue" opens the same form.
      WebElement first = browser.waitUntil(d -> {
        List<WebElement> forms = d.findElements(By.id("venue-create-form"));
        if (!forms.isEmpty() && forms.get(0).isDisplayed()) {
          return forms.get(0);
        }
        List<WebElement> buttons = d.findElements(By.id("new-venue"));
        return !buttons.isEmpty() && buttons.get(0).isDisplayed() ? buttons.get(0) : null;
      });
      if ("new-venue".equals(first.getAttribute("id"))) {
        first.click();
      }
      By create = By.cssSelector("#venue-create-form");
      browser.waitFor(create);
      browser.type(By.cssSelector("#venue-create-form input[name=name]"), name);
      new Select(browser.waitFor(By.cssSelector("#venue-create-form select[name=timezone]"))).selectByValue("Europe/Berlin");
      browser.type(By.cssSelector("#venue-create-form textarea[name=address]"), "Torstraße 1, Berlin");
      browser.type(By.cssSelector("#venue-create-form input[name=phone]"), "+49 30 1234567");
      browser.type(By.cssSelector("#venue-create-form input[name=email]"), "hallo@setup.example");
      browser.type(By.cssSelector("#venue-create-form textarea[name=description]"), "Bistro by the river");
      // A wrong language tag is explained in words and nothing is created.
      browser.type(By.cssSelector("#venue-create-form input[name=language]"), "german please");
      click(browser, By.cssSelector("#venue-create-form button[type=submit]"));
      assertTrue(browser.text(By.cssSelector("#venue-create-form .form-error")).contains("language"),
        "a wrong language tag is explained");
      browser.type(By.cssSelector("#venue-create-form input[name=language]"), "de-ch");
      click(browser, By.cssSelector("#venue-create-form button[type=submit]"));

      // The app goes to the new venue's setup.
      browser.waitUntil(d -> d.getCurrentUrl().contains("#/setup?venue="));
      browser.waitUntil(d -> textOf(d, By.id("setup-title")).contains(name));
      String venueId = browser.driver().getCurrentUrl().replaceAll(".*venue=([0-9a-f-]{36}).*", "$1");
      assertEquals(name, browser.waitFor(By.cssSelector("#venue-form input[name=name]")).getAttribute("value"));

      // Rooms.
      addRoom(browser, "Main room");
      addRoom(browser, "Terrace");
      Map<String, String> roomIds = list("/api/v1/venues/" + venueId + "/rooms", "rooms").stream()
        .map(JsonObject.class::cast).collect(Collectors.toMap(r -> r.getString("name"), r -> r.getString("id")));
      assertEquals(Set.of("Main room", "Terrace"), roomIds.keySet());

      // Tables: T1 mergeable, T2 not, P1 on the terrace.
      addTable(browser, roomIds.get("Main room"), "T1", 2, true, "window");
      addTable(browser, roomIds.get("Main room"), "T2", 4, false, "");
      addTable(browser, roomIds.get("Terrace"), "P1", 6, false, "terrace");
      // A duplicate name in the room is explained, not created.
      By mainForm = By.cssSelector("[data-testid=room][data-id='" + roomIds.get("Main room") + "'] form.table-add-form");
      fillTable(browser, mainForm, "T1", 2, false, "");
      click(browser, By.cssSelector("[data-testid=room][data-id='" + roomIds.get("Main room") + "'] form.table-add-form button[type=submit]"));
      assertTrue(browser.text(By.cssSelector("[data-testid=room][data-id='" + roomIds.get("Main room") + "'] form.table-add-form .form-error"))
        .contains("already has a table called “T1”"));

      // T2 gets a place on the floor plan elsewhere (the floor view's job); editing it here keeps it.
      JsonObject t2 = table(venueId, "T2");
      JsonObject position = new JsonObject().put("x", 300).put("y", 200).put("width", 120).put("height", 80).put("rotation", 90).put("shape", "rectangle");
      api.ok(api.put("/api/v1/tables/" + t2.getString("id"), new JsonObject().put("name", "T2").put("capacity", 4)
        .put("can_merge", false).put("zone", "").put("position", position)));
      browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=table-row]")).size() == 3);
      By t2Row = By.cssSelector("[data-testid=table-row][data-id='" + t2.getString("id") + "']");
      click(browser, By.cssSelector("[data-testid=table-row][data-id='" + t2.getString("id") + "'] button[data-action=edit-table]"));
      browser.waitFor(By.id("table-edit-form"));
      browser.type(By.cssSelector("#table-edit-form input[name=capacity]"), "5");
      browser.type(By.cssSelector("#table-edit-form input[name=zone]"), "bar");
      click(browser, By.cssSelector("#table-edit-form button[type=submit]"));
      browser.waitUntil(d -> d.findElements(By.id("table-edit-form")).isEmpty());
      browser.waitUntil(d -> textOf(d, t2Row).contains("5 seats"));

      // Weekly hours: Monday lunch and dinner, Friday until 02:00 the next day.
      setRanges(browser, 1, List.of("12:00", "14:30", "18:00", "22:00"));
      setRanges(browser, 5, List.of("18:00", "02:00"));
      assertTrue(browser.text(By.cssSelector("#hours-form [data-weekday='5'] .next-day")).contains("closes next day"));
      assertEquals("Closed", browser.text(By.cssSelector("#hours-form [data-weekday='2'] .closed-label")));
      // Saturday 01:00–03:00 crosses Friday's night: refused in words before anything is sent.
      setRanges(browser, 6, List.of("01:00", "03:00"));
      click(browser, By.cssSelector("#hours-form button[type=submit]"));
      String overlap = browser.text(By.cssSelector("#hours-form .form-error"));
      assertTrue(overlap.contains("overlaps"), overlap);
      assertEquals(new JsonArray(), object("/api/v1/venues/" + venueId + "/schedule").getJsonArray("days"), "nothing was saved");
      click(browser, By.cssSelector("#hours-form [data-weekday='6'] button[data-action=remove-range]"));
      click(browser, By.cssSelector("#hours-form button[type=submit]"));
      browser.waitUntil(d -> textOf(d, By.cssSelector("#hours-form .actions [role=status]")).equals("Saved"));

      // A closed special day.
      js(browser, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        browser.waitFor(By.cssSelector("#special-form input[name=date]")), holiday.toString());
      assertTrue(browser.waitFor(By.cssSelector("#special-form input[name=is_closed]")).isSelected(), "closed is the default");
      click(browser, By.cssSelector("#special-form button[type=submit]"));
      browser.waitFor(By.cssSelector("[data-testid=special-day][data-date='" + holiday + "']"));
      assertTrue(browser.text(By.cssSelector("[data-testid=special-day][data-date='" + holiday + "']")).contains("Closed"));

      // Venue details: a change of the description is saved as a full replacement.
      browser.type(By.cssSelector("#venue-form textarea[name=description]"), "Bistro by the river, since 1999");
      click(browser, By.cssSelector("#venue-form button[type=submit]"));
      browser.waitUntil(d -> "Bistro by the river, since 1999".equals(object("/api/v1/venues/" + venueId).getString("description")));

      // What the REST API holds is exactly what was entered.
      JsonObject venue = object("/api/v1/venues/" + venueId);
      assertEquals(name, venue.getString("name"));
      assertEquals("Europe/Berlin", venue.getString("timezone"));
      assertEquals("Torstraße 1, Berlin", venue.getString("address"));
      assertEquals("+49 30 1234567", venue.getString("phone"));
      assertEquals("hallo@setup.example", venue.getString("email"));
      assertEquals("de-CH", venue.getString("language"), "stored in canonical case");

      JsonArray tables = list("/api/v1/venues/" + venueId + "/tables", "tables");
      assertEquals(3, tables.size(), tables::encode);
      JsonObject t1 = table(venueId, "T1");
      assertEquals(roomIds.get("Main room"), t1.getString("room_id"));
      assertEquals(2, t1.getInteger("capacity"));
      assertTrue(t1.getBoolean("can_merge"));
      assertEquals("window", t1.getString("zone"));
      assertNull(t1.getValue("position"));
      JsonObject edited = table(venueId, "T2");
      assertEquals(roomIds.get("Main room"), edited.getString("room_id"));
      assertEquals(5, edited.getInteger("capacity"));
      assertFalse(edited.getBoolean("can_merge"));
      assertEquals("bar", edited.getString("zone"));
      assertEquals(position, edited.getJsonObject("position"), "editing the table kept its place on the floor plan");
      JsonObject p1 = table(venueId, "P1");
      assertEquals(roomIds.get("Terrace"), p1.getString("room_id"));
      assertEquals(6, p1.getInteger("capacity"));
      assertFalse(p1.getBoolean("can_merge"));
      assertEquals("terrace", p1.getString("zone"));

      assertEquals(new JsonArray()
          .add(day(1, "12:00", "14:30"))
          .add(day(1, "18:00", "22:00"))
          .add(day(5, "18:00", "02:00")),
        object("/api/v1/venues/" + venueId + "/schedule").getJsonArray("days"));

      JsonArray specials = object("/api/v1/venues/" + venueId + "/special-hours").getJsonArray("special_hours");
      assertEquals(1, specials.size(), specials::encode);
      JsonObject special = specials.getJsonObject(0);
      assertEquals(holiday.toString(), special.getString("date"));
      assertTrue(special.getBoolean("is_closed"));
      assertEquals(new JsonArray(), special.getJsonArray("ranges"));

      // Shown again after a reload, from the server.
      browser.driver().navigate().refresh();
      browser.waitUntil(d -> d.findElements(By.cssSelector("#hours-form [data-weekday='1'] [data-testid=range]")).size() == 2);
      assertEquals(2, browser.driver().findElements(By.cssSelector("[data-testid=room]")).size());
      assertEquals(3, browser.driver().findElements(By.cssSelector("[data-testid=table-row]")).size());
      browser.waitFor(By.cssSelector("[data-testid=special-day][data-date='" + holiday + "']"));

      // The only console error allowed is the refused duplicate table (409) provoked above.
      List<String> errors = browser.consoleErrors();
      assertTrue(errors.stream().allMatch(e -> e.contains("status of 409")) && errors.size() <= 1,
        () -> "console errors: " + errors);
      js(browser, "window.scrollTo(0, 0)");
      browser.screenshot("setup");

      // On a phone (390 px) the screen fits the width: nothing runs off to the side.
      try (Browser phone = Browser.start(Browser.Size.PHONE)) {
        BrowserSessions.signIn(phone, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
        phone.open(harness.base() + "#/setup?venue=" + venueId);
        phone.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=table-row]")).size() == 3);
        Number overflow = (Number) js(phone, "return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "the setup screen is wider than the phone by " + overflow + " px");
        phone.assertNoConsoleErrors();
        js(phone, "document.querySelector('#rooms').scrollIntoView()");
        phone.screenshot("setup-phone");
      }
    }
  }

  @Test
  void anAdminCreatesAVenueFromTheDialogAndDeletesItAfterConfirming() {
    // Another venue exists, so Setup shows it and "New venue" opens the form in a dialog.
    String existing = api.created("/api/v1/venues",
      new JsonObject().put("name", "Kept " + UUID.randomUUID().toString().substring(0, 8)).put("timezone", "UTC")).getString("id");
    String name = "Short-lived " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.start(Browser.Size.TABLET)) {
      BrowserSessions.signIn(browser, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.open(harness.base() + "#/setup?venue=" + existing);
      click(browser, By.id("new-venue"));
      browser.waitFor(By.cssSelector("dialog[open] #venue-create-form"));
      browser.type(By.cssSelector("#venue-create-form input[name=name]"), name);
      new Select(browser.waitFor(By.cssSelector("#venue-create-form select[name=timezone]"))).selectByValue("America/New_York");
      click(browser, By.cssSelector("#venue-create-form button[type=submit]"));
      browser.waitUntil(d -> textOf(d, By.id("setup-title")).contains(name));
      assertTrue(browser.driver().findElements(By.cssSelector("dialog[open]")).isEmpty(), "the dialog closed");
      String id = browser.driver().getCurrentUrl().replaceAll(".*venue=([0-9a-f-]{36}).*", "$1");
      assertNotEquals(existing, id);
      JsonObject created = object("/api/v1/venues/" + id);
      assertEquals(name, created.getString("name"));
      assertEquals("America/New_York", created.getString("timezone"));
      assertEquals("", created.getString("address"));

      // Backing out of the question keeps the venue.
      click(browser, By.id("delete-venue"));
      click(browser, By.cssSelector("dialog[open] button.secondary"));
      browser.waitUntil(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
      object("/api/v1/venues/" + id);

      // With a booking to come the server refuses (409 HAS_FUTURE_BOOKINGS): told in words.
      JsonArray week = new JsonArray();
      for (int wd = 0; wd < 7; wd++) {
        week.add(day(wd, "00:00", "00:00"));
      }
      api.ok(api.post("/api/v1/venues/" + id + "/schedule", new JsonObject().put("days", week)));
      String[] table = Bookings.table(api, Bookings.room(api, id, "Main"), "T1", 4, false);
      String booking = Bookings.confirmed(api,
        Bookings.request(id, table, LocalDate.now(ZoneId.of("America/New_York")).plusDays(2), "19:00", 90, 2)).getString("id");
      click(browser, By.id("delete-venue"));
      click(browser, By.cssSelector("dialog[open] button.danger[type=submit]"));
      String refusal = browser.text(By.cssSelector("dialog[open] [role=alert]"));
      assertTrue(refusal.contains("cannot be deleted while bookings are still to come"), refusal);
      click(browser, By.cssSelector("dialog[open] button.primary"));
      browser.waitUntil(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
      object("/api/v1/venues/" + id);
      Bookings.done(api, booking, "cancel", "cancelled");

      // Without it, confirming deletes the venue.
      click(browser, By.id("delete-venue"));
      click(browser, By.cssSelector("dialog[open] button.danger[type=submit]"));
      browser.waitUntil(d -> !textOf(d, By.id("setup-title")).contains(name) && !textOf(d, By.id("setup-title")).isEmpty());
      HttpResponse<Buffer> gone = api.get("/api/v1/venues/" + id);
      assertEquals(404, gone.statusCode(), gone::bodyAsString);
      List<String> options = browser.driver().findElements(By.cssSelector("#venue-select option")).stream()
        .map(o -> o.getAttribute("value")).toList();
      assertFalse(options.contains(id), "the venue list forgot it");
      assertTrue(options.contains(existing));
      // The only console error allowed is the refused deletion (409) provoked above.
      List<String> errors = browser.consoleErrors();
      assertTrue(errors.size() == 1 && errors.get(0).contains("status of 409"), () -> "console errors: " + errors);
    }
  }

  static JsonObject day(int weekday, String open, String close) {
    return new JsonObject().put("weekday", weekday).put("open_time", open).put("close_time", close);
  }

  /** GET {@code path}, asserting a 200; the answer. */
  static JsonObject object(String path) {
    return api.ok(api.get(path));
  }

  /** The {@code field} list of the answer to GET {@code path}, up to 500 items. */
  static JsonArray list(String path, String field) {
    return object(path + "?limit=500").getJsonArray(field);
  }

  static JsonObject table(String venueId, String name) {
    return list("/api/v1/venues/" + venueId + "/tables", "tables").stream().map(JsonObject.class::cast)
      .filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError("no table " + name));
  }

  static void addRoom(Browser browser, String name) {
    int before = browser.driver().findElements(By.cssSelector("[data-testid=room]")).size();
    browser.type(By.cssSelector("#room-add-form input[name=name]"), name);
    click(browser, By.cssSelector("#room-add-form button[type=submit]"));
    browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=room]")).size() == before + 1);
    browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=room] .room-name")).stream().anyMatch(e -> {
      try {
        return e.getText().equals(name);
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        return false;
      }
    }));
  }

  static void fillTable(Browser browser, By form, String name, int capacity, boolean canMerge, String zone) {
    WebElement f = browser.waitFor(form);
    WebElement n = f.findElement(By.name("name"));
    n.clear();
    n.sendKeys(name);
    WebElement c = f.findElement(By.name("capacity"));
    c.clear();
    c.sendKeys(String.valueOf(capacity));
    WebElement m = f.findElement(By.name("can_merge"));
    if (m.isSelected() != canMerge) {
      m.click();
    }
    WebElement z = f.findElement(By.name("zone"));
    z.clear();
    z.sendKeys(zone);
  }

  static void addTable(Browser browser, String roomId, String name, int capacity, boolean canMerge, String zone) {
    String room = "[data-testid=room][data-id='" + roomId + "']";
    int before = browser.driver().findElements(By.cssSelector(room + " [data-testid=table-row]")).size();
    fillTable(browser, By.cssSelector(room + " form.table-add-form"), name, capacity, canMerge, zone);
    click(browser, By.cssSelector(room + " form.table-add-form button[type=submit]"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(room + " [data-testid=table-row]")).size() == before + 1);
  }

  /** Gives weekday (0 = Sunday) exactly the ranges open, close, open, close ... through the form. */
  static void setRanges(Browser browser, int weekday, List<String> times) {
    String day = "#hours-form [data-weekday='" + weekday + "']";
    while (!browser.driver().findElements(By.cssSelector(day + " button[data-action=remove-range]")).isEmpty()) {
      click(browser, By.cssSelector(day + " button[data-action=remove-range]"));
    }
    for (int i = 0; i < times.size() / 2; i++) {
      click(browser, By.cssSelector(day + " button[data-action=add-range]"));
      int n = i + 1;
      browser.waitUntil(d -> d.findElements(By.cssSelector(day + " [data-testid=range]")).size() == n);
      List<WebElement> opens = browser.driver().findElements(By.cssSelector(day + " input[name=open]"));
      List<WebElement> closes = browser.driver().findElements(By.cssSelector(day + " input[name=close]"));
      setTime(browser, opens.get(i), times.get(2 * i));
      setTime(browser, closes.get(i), times.get(2 * i + 1));
    }
  }

  /** A time input's value as the user's picker would set it (typing depends on the browser's locale). */
  static void setTime(Browser browser, WebElement input, String value) {
    js(browser, "arguments[0].value = arguments[1];"
      + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
      + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input, value);
    assertEquals(value, input.getAttribute("value"));
  }

  /**
   * Clicks what by finds, brought to the middle of the window first: chromedriver scrolls an element
   * just into view, where the app's sticky header can cover it. Finds it again when a live re-render
   * replaced it meanwhile (a change made through REST re-renders the lists when its event arrives).
   */
  static void click(Browser browser, By by) {
    browser.waitUntil(d -> {
      try {
        WebElement e = org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(by).apply(d);
        if (e == null) {
          return null;
        }
        js(browser, "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", e);
        e.click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        return null; // not clicked: find it again
      }
    });
  }

  /** The text of what by finds, or "" while it is missing or being redrawn. */
  static String textOf(org.openqa.selenium.WebDriver d, By by) {
    try {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? "" : found.get(0).getText();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return "";
    }
  }

  static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }
}
