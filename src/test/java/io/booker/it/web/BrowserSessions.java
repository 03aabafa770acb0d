package io.booker.it.web;

import io.booker.testinfra.Browser;
import org.openqa.selenium.By;

/** Signing a browser in to the web app through its sign-in form, for the browser tests. */
final class BrowserSessions {

  private BrowserSessions() {
  }

  /**
   * Opens {@code url} (the app's address, or one of its screens: the app shows that screen once signed in),
   * signs in as {@code login} and waits for the app's shell.
   */
  static void signIn(Browser browser, String url, String login, String password) {
    openSignIn(browser, url);
    submitSignIn(browser, login, password);
  }

  /** Opens {@code url} with no session and waits for the sign-in form; failing, says what the console showed. */
  static void openSignIn(Browser browser, String url) {
    browser.open(url);
    try {
      browser.waitFor(By.cssSelector("form#sign-in"));
    } catch (RuntimeException e) {
      throw new AssertionError("no sign-in form at " + url + "; the console shows " + browser.consoleMessages(), e);
    }
  }

  /** Fills in the sign-in form on screen, submits it and waits for the app's shell. */
  static void submitSignIn(Browser browser, String login, String password) {
    browser.type(By.id("login"), login).type(By.id("password"), password);
    browser.click(By.cssSelector("form#sign-in button[type=submit]"));
    browser.waitFor(By.id("app-shell"));
  }
}
