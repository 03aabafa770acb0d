package io.booker.it.web;

import io.booker.it.support.NodeHarness;
import io.booker.testinfra.Browser;
import io.booker.testinfra.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The staff web app in a real headless Chromium against a real node: the page loads, shows the
 * sign-in form, the test admin signs in and gets the app's shell, and the console shows no error.
 */
@Timeout(180)
class SmokeBrowserTest {

  @RegisterExtension
  static final NodeHarness harness = NodeHarness.allInOne("eventbus");

  @Test
  void theAdminSignsInAndGetsTheShell() {
    try (Browser browser = Browser.start(Browser.Size.TABLET)) {
      BrowserSessions.openSignIn(browser, harness.base());
      assertTrue(browser.driver().getTitle().contains("Booker"), browser.driver().getTitle());
      BrowserSessions.submitSignIn(browser, TestTokens.ADMIN_LOGIN, TestTokens.ADMIN_PASSWORD);
      browser.assertNoConsoleErrors();
      browser.screenshot("smoke-signed-in");
    }
  }
}
