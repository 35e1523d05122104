package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver, for the console's
 * browser tests (docs/console.md). Without chromium and chromium-driver the tests are skipped,
 * unless {@code KEYWARD_BROWSER_TESTS=require} (as `.ci/run` sets) or {@code CI=true}: then they
 * fail. Every page load is checked for JavaScript errors (CSP violations included).
 */
public final class ConsoleBrowser implements AutoCloseable {
  public static final Dimension DESKTOP = new Dimension(1280, 800);
  public static final Dimension PHONE = new Dimension(390, 844);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final URI base;

  private ConsoleBrowser(ChromeDriver driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser for the console of the authority at {@code base}. */
  public static ConsoleBrowser open(URI base) {
    return open(base, null);
  }

  /**
   * A browser for the console of the authority at {@code base} that saves what it downloads into
   * {@code downloads} (null: the browser's default).
   */
  public static ConsoleBrowser open(URI base, Path downloads) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String why =
          "headless Chromium and its driver are not installed (apt-get install chromium-driver)";
      if ("require".equals(System.getenv("KEYWARD_BROWSER_TESTS"))
          || "true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; .ci/run installs them");
      }
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // No sandbox as root in a container; nothing fetched from the network.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "download.default_directory",
              downloads.toAbsolutePath().toString(),
              "download.prompt_for_download",
              false));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(DESKTOP);
    return new ConsoleBrowser(driver, base);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens a console path ({@code /console/keys}), waits until the page it was on is gone, and
   * checks the new one loaded without errors. When the browser already shows that URL (a form's
   * answer at the same path), chromedriver can return before the new document replaces the old one,
   * and what is found next belongs to the old one (a CI run failed typing into it: "Node with given
   * id does not belong to the document").
   */
  public void go(String path) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.get(base.resolve(path).toString());
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    assertNoJavaScriptErrors();
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text(String css) {
    return find(css).getText();
  }

  public void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  /**
   * Submits with the button, waits until the page it was on is gone (so that what is read next is
   * the answer's page, not the old one: a page that answers with itself, a key's page after
   * blocking it, has the same elements) and checks the next page loaded without errors.
   */
  public void click(String css) {
    follow(find(css));
  }

  /**
   * Clicks a link or button already found and waits, as {@link #click}, for the next page: without
   * the wait, what is typed next can reach the old page's document while it is being replaced.
   */
  public void follow(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    assertNoJavaScriptErrors();
  }

  /** Clicks a button whose answer is a file to save: the page stays where it is. */
  public void clickForDownload(String css) {
    find(css).click();
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public void signIn(String token, String name) {
    go("/console/sign-in");
    type("#token", token);
    type("#name", name);
    click("form.card button[type=submit]");
  }

  /**
   * Fails on any error the page logged: script errors, CSP refusals, failed loads of its assets. A
   * page's own error status (a 401 sign-in refusal, a 404 key, a 422 refusal answered to a form) is
   * the page's answer, not an error of the page: Chromium logs it as a failed load of the page's
   * URL. It is recognised by the URL, a console page (not under {@code /console/assets/}), rather
   * than by comparing it with the current URL, which a form's answer may not have become yet when
   * the log is read.
   */
  public void assertNoJavaScriptErrors() {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !pageStatus(m))
            .toList();
    assertThat(errors).as("browser console on " + driver.getCurrentUrl()).isEmpty();
  }

  /** Whether a console line is Chromium's note of a console page answered with an error status. */
  private boolean pageStatus(String message) {
    int space = message.indexOf(' ');
    // 4xx only: a console page that failed with a 5xx is an error whatever page it was
    if (space < 0
        || !message.contains("Failed to load resource: the server responded with a status of 4")) {
      return false;
    }
    URI url = URI.create(message.substring(0, space));
    return url.getPath().startsWith("/console")
        && !url.getPath().startsWith("/console/assets/")
        && url.getPort() == URI.create(driver.getCurrentUrl()).getPort();
  }

  /** The page at this size: nothing wider than the window but the tables' own scroll boxes. */
  public void resize(Dimension size) {
    driver.manage().window().setSize(size);
    Number overflow =
        (Number)
            script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow.intValue()).as("horizontal overflow at " + size).isLessThanOrEqualTo(0);
  }

  public void screenshot(Path png) {
    try {
      Files.createDirectories(png.getParent());
      Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
