package io.booker.testinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The browser fixture itself, on pages given as data: URLs: it records console errors (and only
 * errors), its waits give up on time, its helpers act on the page, its screenshots are PNG files, and
 * closing it leaves no process and no profile behind.
 */
@Timeout(120)
@UsesInfrastructure
class BrowserTest {

  static String page(String html) {
    return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void consoleErrorsAreRecordedAndOnlyErrors() {
    try (Browser browser = Browser.start()) {
      browser.open(page("<title>quiet</title><p id=p>fine</p><script>console.log('just saying'); console.warn('careful')</script>"));
      assertEquals("fine", browser.text(By.id("p")));
      assertEquals(List.of(), browser.consoleErrors());
      browser.assertNoConsoleErrors();
      assertTrue(browser.consoleMessages().stream().anyMatch(m -> m.contains("just saying")), browser.consoleMessages().toString());

      browser.open(page("<meta http-equiv=Content-Security-Policy content=\"style-src 'self'\">"
        + "<script>console.error('first trouble')</script>"
        + "<script>throw new TypeError('second trouble')</script>"
        + "<script>Promise.reject(new Error('third trouble'))</script>"
        + "<p style='color: red'>inline style, refused by the policy</p>"
        + "<img src='http://127.0.0.1:9/missing.png'><p id=done>done</p>"));
      browser.waitFor(By.id("done"));
      List<String> errors = browser.waitUntil(d -> {
        List<String> now = browser.consoleErrors();
        return now.size() >= 5 ? now : null;
      });
      assertEquals(5, errors.size(), errors.toString());
      for (String expected : List.of("first trouble", "Uncaught TypeError: second trouble", "third trouble",
        "Content Security Policy", "missing.png")) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), expected + " in " + errors);
      }
      AssertionError failure = assertThrows(AssertionError.class, browser::assertNoConsoleErrors);
      assertTrue(failure.getMessage().contains("5 error(s)") && failure.getMessage().contains("second trouble"), failure.getMessage());
      assertEquals(errors, browser.consoleErrors(), "errors stay recorded after they were read");
      browser.assertNoConsoleErrors("first trouble", "second trouble", "third trouble", "Content Security Policy", "missing.png");
      AssertionError unexpected = assertThrows(AssertionError.class,
        () -> browser.assertNoConsoleErrors("first trouble", "second trouble", "Content Security Policy", "missing.png"));
      assertTrue(unexpected.getMessage().contains("1 error(s)") && unexpected.getMessage().contains("third trouble"), unexpected.getMessage());
    }
  }

  @Test
  void helpersActOnThePageAndWaitsGiveUpOnTime() throws Exception {
    try (Browser browser = Browser.start(Browser.Size.PHONE)) {
      browser.open(page("<input id=name value=old><button id=go>Go</button><p id=out></p>"
        + "<script>document.getElementById('go').onclick = () => setTimeout(() =>"
        + " document.getElementById('out').textContent = 'hello ' + document.getElementById('name').value, 300)</script>"));
      browser.type(By.id("name"), "Ada").click(By.id("go"));
      assertEquals("hello Ada", browser.waitUntil(d -> {
        String text = d.findElement(By.id("out")).getText();
        return text.isEmpty() ? null : text;
      }));

      long started = System.nanoTime();
      assertThrows(TimeoutException.class, () -> browser.waitFor(By.id("never"), Duration.ofMillis(500)));
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(tookMs >= 450 && tookMs < 5000, "waited " + tookMs + " ms");

      // This picture is of the fixture, not of the app: never into docs/, whatever the run asks for.
      String screenshots = System.clearProperty(Browser.SCREENSHOTS_PROPERTY);
      Path shot;
      try {
        shot = browser.screenshot("browser-fixture-test");
      } finally {
        if (screenshots != null) {
          System.setProperty(Browser.SCREENSHOTS_PROPERTY, screenshots);
        }
      }
      byte[] png = Files.readAllBytes(shot);
      assertEquals(Path.of("target", "screenshots", "browser-fixture-test.png"), shot);
      assertTrue(png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG file");
    }
  }

  @Test
  void viewportsHaveTheirSizes() {
    for (Browser.Size size : Browser.Size.values()) {
      try (Browser browser = Browser.start(size)) {
        browser.open(page("<meta name=viewport content=\"width=device-width, initial-scale=1\"><p id=p>size</p>"));
        Object viewport = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return [innerWidth, innerHeight, matchMedia('(pointer: coarse)').matches]");
        assertEquals(List.of((long) size.width, (long) size.height, size.mobile), viewport, size.name());
      }
    }
  }

  @Test
  void closingLeavesNoProcessAndNoProfile() throws Exception {
    long started = System.nanoTime();
    Browser browser = Browser.start(Browser.Size.TABLET);
    long startMs = (System.nanoTime() - started) / 1_000_000;
    System.out.println("browser start took " + startMs + " ms");
    List<ProcessHandle> before = ProcessHandle.current().descendants()
      .filter(p -> p.info().command().orElse("").contains("chrom")).toList();
    assertTrue(before.stream().anyMatch(p -> p.info().command().orElse("").endsWith("chromedriver")), "chromedriver runs");
    assertTrue(before.stream().anyMatch(p -> p.info().command().orElse("").contains("chromium")), "chromium runs");
    Path profile = Path.of(before.stream().flatMap(p -> p.info().arguments().stream().flatMap(java.util.Arrays::stream))
      .filter(a -> a.startsWith("--user-data-dir=")).findFirst().orElseThrow().substring("--user-data-dir=".length()));
    assertTrue(Files.isDirectory(profile));

    started = System.nanoTime();
    browser.close();
    System.out.println("browser close took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    browser.close();
    for (ProcessHandle p : before) {
      assertFalse(Browser.running(p), "still running: " + p.info());
    }
    assertFalse(Files.exists(profile), "the profile folder is deleted");
  }
}
