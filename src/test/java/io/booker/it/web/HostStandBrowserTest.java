package io.booker.it.web;

import io.booker.it.support.ApiClient;
import io.booker.it.support.Bookings;
import io.booker.it.support.Logins;
import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static io.booker.it.support.Seed.unique;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The host stand in a real headless Chromium against a real node: a booking made from the timeline
 * and confirmed, seated and finished through its details; a booking made through the API by another
 * user appearing live without a reload; a move through the reschedule form; and a host of another
 * venue seeing nothing of this one. Every test ends with no console error in the browser.
 */
class HostStandBrowserTest {

  static final String PASSWORD = "a fine password for the host stand";

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");
  static final ApiClient admin = harness.api();

  Browser browser;
  String venue;
  String[] t1;
  String[] t2;
  LocalDate day;

  @BeforeEach
  void venueAndBrowser() {
    venue = Bookings.venueOpenAllDay(admin);
    String room = Bookings.room(admin, venue, "Main room");
    t1 = Bookings.table(admin, room, "T1", 2, false);
    t2 = Bookings.table(admin, room, "T2", 4, false);
    day = Bookings.day(1);
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  String base() {
    return harness.base();
  }

  void signIn(String login, String password) {
    BrowserSessions.signIn(browser, base(), login, password);
  }

  void openTimeline() {
    browser.open(base() + "#/timeline?venue=" + venue + "&date=" + day);
    browser.waitFor(By.cssSelector("[data-testid=timeline-row][data-id='" + t2[1] + "']"));
    browser.waitFor(By.cssSelector("#live-status.live"));
  }

  By block(String bookingId, String status) {
    return By.cssSelector("[data-testid=timeline-booking][data-id='" + bookingId + "'][data-status=" + status + "]");
  }

  By dialogIn(String status) {
    return By.cssSelector("dialog[data-testid=booking-dialog][data-status=" + status + "]");
  }

  JsonObject booking(String id) {
    return admin.ok(admin.get("/api/v1/bookings/" + id));
  }

  /** Sets a date or time input the way a person's picker does (typing into them depends on the locale). */
  void setValue(By by, String value) {
    WebElement input = browser.waitFor(by);
    ((JavascriptExecutor) browser.driver()).executeScript(
      "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
  }

  @Test
  void aBookingMadeFromTheTimelineIsConfirmedSeatedAndFinished() {
    signIn(TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
    openTimeline();
    browser.screenshot("timeline-empty-day");

    browser.click(By.cssSelector("[data-testid=timeline-row][data-id='" + t2[1] + "'] .tl-cell[data-time='19:00']"));
    browser.waitFor(By.id("new-booking-form"));
    // The clicked table is offered and chosen for the party of two at 19:00.
    browser.waitFor(By.cssSelector("#new-offers label.offer[data-table='" + t2[1] + "'] input:checked"));
    assertEquals("19:00", browser.waitFor(By.id("new-time")).getAttribute("value"));
    browser.type(By.id("new-name"), "Grace Hopper").type(By.id("new-phone"), "+81 3 1234 5678")
      .type(By.id("new-email"), "grace@example.com").type(By.id("new-note"), "window seat");
    setValue(By.id("new-party"), "3");
    browser.waitFor(By.cssSelector("#new-offers label.offer[data-table='" + t2[1] + "'] input:checked"));
    browser.screenshot("new-booking");
    browser.click(By.id("new-submit"));

    WebElement dialog = browser.waitFor(dialogIn("held"));
    String id = dialog.getAttribute("data-id");
    assertTrue(dialog.getText().contains("Grace Hopper"), dialog::getText);
    browser.waitFor(By.cssSelector("dialog[data-testid=booking-dialog] booker-countdown"));
    JsonObject held = booking(id);
    assertEquals("held", held.getString("status"));
    assertEquals(t2[1], held.getJsonObject("table").getString("table_id"));
    assertEquals(day.toString(), held.getJsonObject("slot").getString("date"));
    assertEquals("19:00", held.getJsonObject("slot").getString("start_time"));
    assertEquals(3, held.getInteger("party_size"));
    assertEquals("grace@example.com", held.getString("customer_email"));
    assertEquals("window seat", held.getString("comment"));

    browser.click(By.cssSelector("dialog[data-testid=booking-dialog] [data-action=confirm]"));
    browser.waitFor(dialogIn("confirmed"));
    browser.screenshot("booking-details");
    assertEquals("confirmed", booking(id).getString("status"));
    browser.waitFor(block(id, "confirmed"));

    browser.click(By.cssSelector("dialog[data-testid=booking-dialog] [data-action=seat]"));
    browser.waitFor(dialogIn("seated"));
    assertEquals("seated", booking(id).getString("status"));
    browser.click(By.cssSelector("dialog[data-testid=booking-dialog] [data-action=finish]"));
    browser.waitFor(dialogIn("finished"));
    assertEquals("finished", booking(id).getString("status"));
    // The history lists every step.
    browser.waitUntil(d -> d.findElements(By.cssSelector("dialog[data-testid=booking-dialog] .history li")).size() == 4);
    browser.driver().findElement(By.cssSelector("dialog[data-testid=booking-dialog] .dialog-head button")).click();
    browser.waitFor(block(id, "finished"));
    browser.screenshot("timeline");
    browser.assertNoConsoleErrors();
  }

  @Test
  void aBookingMadeByAnotherUserThroughTheApiAppearsLiveWithoutAReload() {
    signIn(TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
    openTimeline();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.__sameDocument = 'still here';");

    ApiClient manager = admin.as(Logins.bearer(Logins.login(admin, user("manager", venue), PASSWORD)));
    JsonObject made = Bookings.hold(manager, Bookings.request(venue, t1, day, "12:00", 90, 2));
    String id = made.getString("id");
    browser.waitFor(block(id, "held"));
    assertTrue(browser.text(block(id, "held")).contains(made.getString("customer_name")));
    Bookings.done(manager, id, "confirm", "confirmed");
    browser.waitFor(block(id, "confirmed"));
    Bookings.done(manager, id, "cancel", "cancelled");
    browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid=timeline-booking][data-id='" + id + "']")).isEmpty());
    assertEquals("still here", js.executeScript("return window.__sameDocument;"), "the page was not reloaded");
    browser.assertNoConsoleErrors();
  }

  @Test
  void aBookingIsMovedToAnotherTimeAndTableThroughTheForm() {
    JsonObject made = Bookings.confirmed(admin, Bookings.request(venue, t1, day, "12:00", 90, 2));
    String id = made.getString("id");
    signIn(TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
    openTimeline();
    browser.click(block(id, "confirmed"));
    browser.waitFor(dialogIn("confirmed"));
    browser.click(By.cssSelector("dialog[data-testid=booking-dialog] [data-action=reschedule]"));
    browser.waitFor(By.id("reschedule-form"));
    setValue(By.id("move-time"), "13:30");
    By t2Offer = By.cssSelector("#move-offers label.offer[data-table='" + t2[1] + "'] input");
    browser.waitFor(t2Offer);
    browser.click(t2Offer);
    browser.screenshot("reschedule");
    browser.click(By.id("move-submit"));
    browser.waitUntil(d -> d.findElements(By.id("reschedule-form")).isEmpty());

    JsonObject moved = booking(id);
    assertEquals("13:30", moved.getJsonObject("slot").getString("start_time"));
    assertEquals(t2[1], moved.getJsonObject("table").getString("table_id"));
    assertEquals("confirmed", moved.getString("status"));
    browser.waitFor(By.cssSelector("[data-testid=timeline-row][data-id='" + t2[1] + "'] [data-testid=timeline-booking][data-id='" + id + "']"));
    assertTrue(browser.driver().findElements(By.cssSelector("[data-testid=timeline-row][data-id='" + t1[1] + "'] [data-id='" + id + "']")).isEmpty());
    browser.assertNoConsoleErrors();
  }

  @Test
  void aHostOfAnotherVenueSeesNothingOfThisOne() {
    String venueName = admin.ok(admin.get("/api/v1/venues/" + venue)).getString("name");
    Bookings.confirmed(admin, Bookings.request(venue, t1, day, "12:00", 90, 2).put("customer_name", "Secret Guest"));
    String other = Bookings.venueOpenAllDay(admin);
    String otherName = admin.ok(admin.get("/api/v1/venues/" + other)).getString("name");
    String otherRoom = Bookings.room(admin, other, "Their room");
    Bookings.table(admin, otherRoom, "X1", 4, false);
    String host = user("host", other);

    signIn(host, PASSWORD);
    browser.waitFor(By.cssSelector("[data-testid=timeline-row]"));
    List<String> offered = browser.driver().findElements(By.cssSelector("#venue-select option")).stream()
      .map(o -> o.getAttribute("value")).toList();
    assertEquals(List.of(other), offered, "the host's only venue");
    assertFalse(browser.driver().findElements(By.id("nav-setup")).isEmpty(), "hosts read the seating rules in Setup (SeatingBrowserTest)");
    assertTrue(browser.driver().findElements(By.id("nav-users")).isEmpty(), "hosts have no users screen");

    // Asking for this venue by its address shows the host's own venue instead.
    browser.open(base() + "#/timeline?venue=" + venue + "&date=" + day);
    browser.waitFor(By.cssSelector("#venue-select option[value='" + other + "']"));
    for (String screen : List.of("Timeline", "Bookings", "Floor")) {
      browser.open(base() + "#/" + screen.toLowerCase() + "?venue=" + venue + "&date=" + day);
      // Each screen names its venue in the title once it has rendered.
      browser.waitUntil(d -> d.getTitle().equals(screen + " · " + otherName + " · Booker"));
      String page = browser.driver().getPageSource();
      assertFalse(page.contains(venueName), screen + " shows the other venue's name");
      assertFalse(page.contains("Secret Guest"), screen + " shows the other venue's guest");
      assertFalse(page.contains(venue), screen + " shows the other venue's id");
    }
    browser.assertNoConsoleErrors();
  }

  /** A user of {@code role} for {@code venueId}, with {@link #PASSWORD}; answers the login. */
  static String user(String role, String venueId) {
    return userWith(admin, role, venueId, PASSWORD);
  }

  /** A user of {@code role} for {@code venueId} made by {@code admin}, with {@code password}; answers the login. */
  static String userWith(ApiClient admin, String role, String venueId, String password) {
    String login = Logins.uniqueLogin(role);
    admin.created("/api/v1/users", new JsonObject().put("login", login).put("display_name", unique("Staff"))
      .put("password", password).put("role", role).put("venue_ids", new JsonArray().add(venueId)));
    return login;
  }
}
