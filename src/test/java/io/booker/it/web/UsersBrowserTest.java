package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Logins;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static io.booker.it.web.SetupBrowserTest.click;
import static io.booker.it.web.SetupBrowserTest.textOf;
import static org.junit.jupiter.api.Assertions.*;

/**
 * An admin manages users in a real browser: creates a host for one venue (a taken login is
 * explained), disables another user; the REST API shows both changes, and the new host signs in
 * in a second browser and sees that venue only, without the admin's screens.
 */
class UsersBrowserTest {

  static final String PASSWORD = "a long enough password";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient api = harness.api();

  @Test
  void anAdminCreatesAHostAndDisablesAnotherUser() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    JsonObject venueA = api.venue("Users A " + tag);
    JsonObject venueB = api.venue("Users B " + tag);
    // Logins starting with a digit come first in the list (login order), on its first page.
    String hostLogin = "0ub-host-" + tag;
    String otherLogin = "0ub-other-" + tag;
    JsonObject other = Logins.createUser(api, otherLogin, PASSWORD, "host", venueA.getString("id"));

    try (Browser admin = Browser.start(Browser.Size.DESKTOP)) {
      BrowserSessions.signIn(admin, harness.base(), TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      click(admin, By.id("nav-users"));
      admin.waitFor(By.id("user-create-form"));
      admin.waitFor(By.cssSelector("[data-testid=user-row]"));

      // A password shorter than the rule is explained before anything is sent.
      fillUser(admin, hostLogin, "Hanna Host", "short", venueA.getString("id"));
      click(admin, By.cssSelector("#user-create-form button[type=submit]"));
      assertTrue(admin.text(By.cssSelector("#user-create-form .form-error")).contains("at least 10 characters"));

      fillUser(admin, hostLogin, "Hanna Host", PASSWORD, venueA.getString("id"));
      click(admin, By.cssSelector("#user-create-form button[type=submit]"));
      WebElement row = row(admin, hostLogin);
      assertTrue(row.getText().contains("Hanna Host"), row::getText);
      assertTrue(row.getText().contains("Host"), row::getText);
      assertTrue(row.getText().contains(venueA.getString("name")), row::getText);
      assertFalse(row.getText().contains(venueB.getString("name")), row::getText);

      // The same login again: explained in words.
      // (Submitted with Enter: the "created" toast may still cover the button.)
      fillUser(admin, hostLogin, "Someone else", PASSWORD, venueB.getString("id"));
      admin.waitFor(By.cssSelector("#user-create-form input[name=password]")).sendKeys(org.openqa.selenium.Keys.ENTER);
      admin.waitUntil(d -> textOf(d, By.cssSelector("#user-create-form .form-error")).contains("is already taken"));

      // Disable the other user, confirming the question.
      String otherRow = "[data-testid=user-row][data-id='" + other.getString("id") + "']";
      row(admin, otherLogin);
      click(admin, By.cssSelector(otherRow + " button[data-action=disable]"));
      click(admin, By.cssSelector("dialog[open] button.danger[type=submit]"));
      admin.waitUntil(d -> textOf(d, By.cssSelector(otherRow + " .user-status")).equals("Disabled"));
      admin.waitFor(By.cssSelector(otherRow + " button[data-action=enable]"));

      // REST shows both changes.
      JsonObject host = findUser(hostLogin);
      assertEquals("host", host.getString("role"));
      assertEquals("Hanna Host", host.getString("display_name"));
      assertEquals(new JsonArray().add(venueA.getString("id")), host.getJsonArray("venue_ids"));
      assertFalse(host.getBoolean("disabled"));
      JsonObject disabled = api.ok(api.get("/api/v1/users/" + other.getString("id")));
      assertTrue(disabled.getBoolean("disabled"));
      assertEquals("host", disabled.getString("role"), "nothing else changed");
      assertEquals(new JsonArray().add(venueA.getString("id")), disabled.getJsonArray("venue_ids"));
      assertSignInRefused(otherLogin, PASSWORD);

      // The new host signs in elsewhere (a phone) and sees that venue only, without Users (Setup only shows hosts the seating rules).
      try (Browser phone = Browser.start(Browser.Size.PHONE)) {
        BrowserSessions.signIn(phone, harness.base(), hostLogin, PASSWORD);
        phone.waitUntil(d -> !d.findElements(By.cssSelector("#venue-select option")).isEmpty());
        List<String> venues = phone.driver().findElements(By.cssSelector("#venue-select option")).stream()
          .map(o -> o.getAttribute("value")).toList();
        assertEquals(List.of(venueA.getString("id")), venues);
        assertEquals(venueA.getString("name"), new Select(phone.driver().findElement(By.id("venue-select"))).getFirstSelectedOption().getText());
        assertTrue(phone.driver().findElements(By.id("nav-users")).isEmpty(), "a host has no Users");
        // Asking for the Users screen by address shows the timeline instead.
        phone.driver().navigate().to(harness.base() + "#/users");
        phone.waitUntil(d -> d.findElements(By.cssSelector(".view-users")).isEmpty() && !d.findElements(By.cssSelector(".view")).isEmpty());
        assertTrue(phone.driver().findElements(By.id("user-create-form")).isEmpty());
        phone.assertNoConsoleErrors();
      }

      // Edit: the host becomes a manager of both venues under a new name; then a new password.
      String hostRow = "[data-testid=user-row][data-id='" + host.getString("id") + "']";
      click(admin, By.cssSelector(hostRow + " button[data-action=edit]"));
      admin.waitFor(By.id("user-edit-form"));
      admin.type(By.cssSelector("#user-edit-form input[name=display_name]"), "Hanna Manager");
      new Select(admin.waitFor(By.cssSelector("#user-edit-form select[name=role]"))).selectByValue("manager");
      WebElement boxB = admin.waitFor(By.cssSelector("#user-edit-form input[name=venue][value='" + venueB.getString("id") + "']"));
      assertFalse(boxB.isSelected());
      boxB.click();
      click(admin, By.cssSelector("#user-edit-form button[type=submit]"));
      admin.waitUntil(d -> d.findElements(By.id("user-edit-form")).isEmpty());
      admin.waitUntil(d -> textOf(d, By.cssSelector(hostRow)).contains("Hanna Manager"));
      JsonObject manager = findUser(hostLogin);
      assertEquals("manager", manager.getString("role"));
      assertEquals("Hanna Manager", manager.getString("display_name"));
      assertEquals(java.util.Set.of(venueA.getString("id"), venueB.getString("id")),
        java.util.Set.copyOf(manager.getJsonArray("venue_ids").getList()));
      assertFalse(manager.getBoolean("disabled"));

      click(admin, By.cssSelector(hostRow + " button[data-action=password]"));
      admin.type(By.cssSelector("#user-password-form input[name=password]"), "another long password");
      click(admin, By.cssSelector("#user-password-form button[type=submit]"));
      admin.waitUntil(d -> d.findElements(By.id("user-password-form")).isEmpty());
      assertSignInRefused(hostLogin, PASSWORD);
      Logins.login(api, hostLogin, "another long password");

      // The only console error allowed is the refused duplicate login (409) provoked above.
      List<String> errors = admin.consoleErrors();
      assertTrue(errors.size() == 1 && errors.get(0).contains("status of 409"), () -> "console errors: " + errors);
      SetupBrowserTest.js(admin, "window.scrollTo(0, 0)");
      admin.screenshot("users");
    }
  }

  static void fillUser(Browser browser, String login, String name, String password, String venueId) {
    browser.type(By.cssSelector("#user-create-form input[name=login]"), login);
    browser.type(By.cssSelector("#user-create-form input[name=display_name]"), name);
    browser.type(By.cssSelector("#user-create-form input[name=password]"), password);
    new Select(browser.waitFor(By.cssSelector("#user-create-form select[name=role]"))).selectByValue("host");
    for (WebElement box : browser.driver().findElements(By.cssSelector("#user-create-form input[name=venue]"))) {
      if (box.isSelected() != box.getAttribute("value").equals(venueId)) {
        box.click();
      }
    }
  }

  /** The list's row of login, paging forward through the list until it shows. */
  static WebElement row(Browser browser, String login) {
    By by = By.cssSelector("[data-testid=user-row][data-login='" + login + "']");
    for (int page = 0; page < 100; page++) {
      try {
        return browser.waitFor(by, java.time.Duration.ofSeconds(page == 0 ? 10 : 3));
      } catch (org.openqa.selenium.TimeoutException e) {
        WebElement next = browser.driver().findElement(By.id("users-next"));
        if (!next.isEnabled()) {
          throw new AssertionError("no row for " + login);
        }
        next.click();
      }
    }
    throw new AssertionError("no row for " + login);
  }

  /** Signing in through REST as {@code login} with {@code password} is refused (401). */
  static void assertSignInRefused(String login, String password) {
    HttpResponse<Buffer> r = Logins.attempt(api, login, password);
    assertEquals(401, r.statusCode(), () -> "login " + login + ": " + r.bodyAsString());
  }

  static JsonObject findUser(String login) {
    for (int offset = 0; ; offset += 500) {
      JsonObject page = api.ok(api.get("/api/v1/users?limit=500&offset=" + offset));
      for (Object u : page.getJsonArray("users")) {
        if (((JsonObject) u).getString("login").equals(login)) {
          return (JsonObject) u;
        }
      }
      if (page.getJsonArray("users").isEmpty()) {
        throw new AssertionError("no user " + login);
      }
    }
  }
}
