package io.booker.testinfra;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver} through Selenium ({@code scripts/test} installs both when missing).
 * The driver path is given explicitly, so Selenium Manager never runs and nothing is downloaded.
 * Every browser gets a fresh profile in a temporary folder, deleted on {@link #close()}.
 *
 * <p>The browser's console is recorded: {@link #consoleErrors()} lists the errors it showed
 * ({@code console.error}, uncaught exceptions and rejections, failed loads, CSP violations) and
 * {@link #assertNoConsoleErrors()} fails naming them.
 *
 * <p>Nothing can hang a test for long: page loads and scripts time out, every wait has a deadline
 * ({@link #DEFAULT_TIMEOUT} unless given), calls to chromedriver time out, and {@link #close()}
 * quits the session and then kills chromedriver and the browser processes it started, whatever
 * happened before.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(Browser.Size.TABLET)) {
 *   browser.open("http://127.0.0.1:" + port + "/");
 *   browser.type(By.id("login"), "admin");
 *   browser.click(By.cssSelector("form#sign-in button[type=submit]"));
 *   browser.waitFor(By.id("app-shell"));
 *   browser.assertNoConsoleErrors();
 *   browser.screenshot("timeline");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

  /** How long {@link #waitFor(By)}, {@link #waitUntil(Function)} and the element helpers wait. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The Chromium binary (Debian package {@code chromium}). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Its driver (Debian package {@code chromium-driver}). */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /**
   * System property: {@code docs} also saves every {@link #screenshot(String)} into
   * {@code docs/screenshots/} (to refresh the images the docs show: {@code -Dbooker.screenshots=docs}).
   */
  public static final String SCREENSHOTS_PROPERTY = "booker.screenshots";

  private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(10);
  /** Longest a single call to chromedriver may take (a page load included). */
  private static final Duration DRIVER_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Viewports of the devices the app is made for, in CSS pixels. A {@code mobile} one is emulated
   * (Chromium's windows are at least 500 pixels wide): mobile viewport, touch input, device pixel ratio 1.
   */
  public enum Size {
    DESKTOP(1440, 900, false), TABLET(1024, 768, false), PHONE(390, 844, true);

    public final int width;
    public final int height;
    public final boolean mobile;

    Size(int width, int height, boolean mobile) {
      this.width = width;
      this.height = height;
      this.mobile = mobile;
    }
  }

  /** Held here: java.util.logging forgets the level of a logger nobody references. */
  private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
    java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    // Belt and braces: even if a driver were created without the explicit service below, Selenium
    // would take the driver from this property instead of asking Selenium Manager to fetch one.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    // Selenium warns at every start that it has no DevTools implementation for this Chromium
    // version; the tests use WebDriver and the console log only, so the warning is noise.
    for (java.util.logging.Logger logger : QUIET_LOGGERS) {
      logger.setLevel(Level.OFF);
    }
  }

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Optional<ProcessHandle> chromedriver;
  private final Thread exitHook;
  private final List<LogEntry> console = new ArrayList<>();
  private boolean closed;

  private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
    this.chromedriver = findChromedriver(service);
    // A JVM that exits without close() (a test killed by a timeout, Ctrl-C) takes the browser with it.
    this.exitHook = new Thread(() -> chromedriver.ifPresent(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }), "browser-exit-hook");
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  /** A desktop-sized browser ({@link Size#DESKTOP}). */
  public static Browser start() {
    return start(Size.DESKTOP);
  }

  public static Browser start(Size size) {
    return start(size.width, size.height, size.mobile);
  }

  /**
   * Starts chromedriver and a headless Chromium whose viewport is {@code width} x {@code height}
   * CSS pixels, emulating a mobile device (touch, mobile viewport) when {@code mobile}. Fails at
   * once, with the reason, when either program is missing.
   */
  public static Browser start(int width, int height, boolean mobile) {
    QuickLoop.refuse("Chromium");
    for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(program)) {
        throw new IllegalStateException(program + " is missing: the browser tests need Debian's chromium and "
          + "chromium-driver packages (scripts/test installs them)");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("booker-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions()
      .setBinary(CHROMIUM.toFile())
      .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    if (mobile) {
      options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
        Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", true, "touch", true)));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
      .usingDriverExecutable(CHROMEDRIVER.toFile())
      .usingAnyFreePort()
      // Chromium's own temporary folders (org.chromium.Chromium.*) go into the profile folder too.
      .withEnvironment(Map.of("TMPDIR", profile.toString()))
      .withTimeout(Duration.ofSeconds(20))
      .build();
    service.sendOutputTo(OutputStream.nullOutputStream());
    ChromeDriver driver = null;
    try {
      driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(DRIVER_CALL_TIMEOUT));
      driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT).scriptTimeout(SCRIPT_TIMEOUT)
        .implicitlyWait(Duration.ZERO);
      if (!mobile) {
        fitViewport(driver, width, height);
      }
      return new Browser(profile, service, driver);
    } catch (RuntimeException | Error e) {
      if (driver != null) {
        quietly(driver::quit);
      }
      quietly(service::stop);
      deleteTree(profile);
      throw e;
    }
  }

  /**
   * Resizes the window so that the page, not the window, is {@code width} x {@code height}: the
   * headless window keeps room for a simulated toolbar, which {@code --window-size} counts.
   */
  private static void fitViewport(ChromeDriver driver, int width, int height) {
    @SuppressWarnings("unchecked")
    List<Number> chrome = (List<Number>) driver.executeScript(
      "return [outerWidth - innerWidth, outerHeight - innerHeight]");
    if (chrome.get(0).intValue() != 0 || chrome.get(1).intValue() != 0) {
      driver.manage().window().setSize(new Dimension(width + chrome.get(0).intValue(), height + chrome.get(1).intValue()));
    }
  }

  /** The Selenium driver, for anything the helpers here do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /** Loads {@code url} and waits until the page has loaded (not for what its scripts do next). */
  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  /** The first element {@code by} finds once it is displayed, waiting up to {@link #DEFAULT_TIMEOUT}. */
  public WebElement waitFor(By by) {
    return waitFor(by, DEFAULT_TIMEOUT);
  }

  /** The first element {@code by} finds once it is displayed, waiting up to {@code timeout}. */
  public WebElement waitFor(By by, Duration timeout) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(by), timeout);
  }

  /**
   * Polls {@code condition} until it returns something other than null or false (its value), up to
   * {@link #DEFAULT_TIMEOUT}; fails with a {@link org.openqa.selenium.TimeoutException} after that.
   * Selenium's {@link ExpectedConditions} are such conditions.
   */
  public <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return waitUntil(condition, DEFAULT_TIMEOUT);
  }

  /** As {@link #waitUntil(Function)}, waiting up to {@code timeout}. */
  public <T> T waitUntil(Function<? super WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
  }

  /** Clicks the element {@code by} finds once it is displayed and enabled. */
  public Browser click(By by) {
    // A live page may redraw the element between finding it and clicking it: find it again then.
    waitUntil(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return null;
      }
      try {
        element.click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        return null;
      }
    });
    return this;
  }

  /** Replaces the text of the input {@code by} finds (once displayed) with {@code text}, typed key by key. */
  public Browser type(By by, String text) {
    WebElement input = waitFor(by);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** The visible text of the element {@code by} finds, once it is displayed. */
  public String text(By by) {
    return waitFor(by).getText();
  }

  /**
   * Saves what the window shows as {@code target/screenshots/<name>.png}, and also as
   * {@code docs/screenshots/<name>.png} when the system property {@value #SCREENSHOTS_PROPERTY} is
   * {@code docs}. Returns the file under {@code target}.
   */
  public Path screenshot(String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("screenshot names are file names: " + name);
    }
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path file = write(Path.of("target", "screenshots", name + ".png"), png);
    if ("docs".equals(System.getProperty(SCREENSHOTS_PROPERTY))) {
      write(Path.of("docs", "screenshots", name + ".png"), png);
    }
    return file;
  }

  /**
   * The errors the browser's console has shown since it started, one line each: messages at level
   * SEVERE, which are {@code console.error} calls, uncaught exceptions and promise rejections,
   * resources that failed to load and Content-Security-Policy violations.
   */
  public List<String> consoleErrors() {
    drainConsole();
    return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
      .map(e -> e.getLevel() + " " + e.getMessage()).toList();
  }

  /** Everything the browser's console has shown since it started (every level), one line each. */
  public List<String> consoleMessages() {
    drainConsole();
    return console.stream().map(e -> e.getLevel() + " " + e.getMessage()).toList();
  }

  /**
   * Fails, listing them, if the console has shown any {@link #consoleErrors() errors} but those
   * containing one of {@code expected} (errors the test caused on purpose, such as the browser's
   * report of a 401 answer to a wrong password).
   */
  public void assertNoConsoleErrors(String... expected) {
    List<String> errors = consoleErrors().stream()
      .filter(e -> Arrays.stream(expected).noneMatch(e::contains)).toList();
    if (!errors.isEmpty()) {
      throw new AssertionError("the browser console shows " + errors.size() + " error(s):\n  "
        + String.join("\n  ", errors));
    }
  }

  /**
   * Ends the session, stops chromedriver, kills whatever it or the browser left running and deletes
   * the profile. Safe to call twice; never throws.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    quietly(() -> Runtime.getRuntime().removeShutdownHook(exitHook));
    // Chromium's processes are chromedriver's descendants until chromedriver exits: note them first.
    List<ProcessHandle> processes = new ArrayList<>();
    chromedriver.ifPresent(p -> {
      processes.add(p);
      p.descendants().forEach(processes::add);
    });
    try {
      quietly(driver::quit);
    } finally {
      quietly(service::stop);
      for (ProcessHandle p : processes) {
        p.destroyForcibly();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (processes.stream().anyMatch(Browser::running) && System.nanoTime() < deadline) {
        quietly(() -> Thread.sleep(20));
      }
      deleteTree(profile);
    }
  }

  private void drainConsole() {
    if (!closed) {
      driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    }
  }

  /** Alive and not a zombie (killed, waiting for its new parent to collect its exit status). */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return process.isAlive(); // gone meanwhile, or no /proc to tell zombies apart
    }
  }

  /** The chromedriver process {@code service} started: a child of this JVM listening on the service's port. */
  private static Optional<ProcessHandle> findChromedriver(ChromeDriverService service) {
    String port = "--port=" + service.getUrl().getPort();
    return ProcessHandle.current().children()
      .filter(p -> p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false))
      .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(port)).orElse(false))
      .findFirst();
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // Already gone, or a file Chromium still held: the OS cleans the temporary folder.
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void quietly(Action action) {
    try {
      action.run();
    } catch (Exception e) {
      // Closing: the first failure of the test is the one to report.
    }
  }
}
