package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's {@code chromedriver} (no browser
 * download). Without them the browser tests are skipped, unless {@code
 * KEYWARD_BROWSER_TESTS=require} (as CI sets it), which fails them instead.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start(Path profileParent) throws java.io.IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && "require".equals(System.getenv("KEYWARD_BROWSER_TESTS"))) {
      fail("chromium and chromium-driver are not installed, and KEYWARD_BROWSER_TESTS=require");
    }
    Assumptions.assumeTrue(present, "apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1280,800",
        "--user-data-dir=" + Files.createTempDirectory(profileParent, "chromium-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption(
        "prefs", Map.of("download.default_directory", profileParent.toString()));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver);
  }

  /**
   * Loads {@code url} and waits (at most 30 s) until the page shown before is gone. When the
   * browser already shows that URL (a redirect, a form's answer at the same path), chromedriver can
   * return before the new document replaces the old, identical one, and what is found next belongs
   * to the old one ("Node with given id does not belong to the document").
   */
  void open(String url) {
    WebElement before = driver.findElement(By.tagName("html"));
    driver.get(url);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * Fails on any error or warning the pages logged to the browser console since the last call.
   * Chromium also logs the HTTP status of a page the console answers with 4xx on purpose (a refused
   * sign-in, 401; a refused change, 403): with {@code expectedStatus} that one line is allowed,
   * nothing else.
   */
  void assertNoConsoleErrors(String where, int... expectedStatus) {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    assertThat(entries)
        .as("browser console on " + where)
        .noneMatch(
            e ->
                e.getLevel().intValue() >= Level.WARNING.intValue()
                    && !expected(e, expectedStatus));
  }

  private static boolean expected(LogEntry e, int... statuses) {
    for (int status : statuses) {
      if (e.getMessage()
          .endsWith(
              "Failed to load resource: the server responded with a status of "
                  + status
                  + " ("
                  + reason(status)
                  + ")")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      default -> "";
    };
  }

  void screenshot(Path file) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
