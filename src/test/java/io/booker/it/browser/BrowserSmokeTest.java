package io.booker.it.browser;

import io.booker.it.TestNodes;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The staff web app in a real headless Chromium against a real node: the page loads, shows the
 * sign-in form, the test admin signs in and gets the app's shell, and the console shows no error.
 */
@Timeout(180)
class BrowserSmokeTest {

  static TestNodes.Started node;
  static String base;

  @BeforeAll
  static void start() {
    node = TestNodes.allInOne("eventbus");
    base = "http://127.0.0.1:" + node.httpPort();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theAdminSignsInAndGetsTheShell() {
    try (Browser browser = Browser.start(Browser.Size.TABLET)) {
      browser.open(base + "/");
      browser.waitFor(By.cssSelector("form#sign-in"));
      assertTrue(browser.driver().getTitle().contains("Booker"), browser.driver().getTitle());
      browser.type(By.id("login"), TestTokens.ADMIN_LOGIN)
        .type(By.id("password"), TestTokens.ADMIN_PASSWORD)
        .click(By.cssSelector("form#sign-in button[type=submit]"));
      browser.waitFor(By.id("app-shell"));
      browser.assertNoConsoleErrors();
      browser.screenshot("smoke-signed-in");
    }
  }
}
