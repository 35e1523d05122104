package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.KeywardClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The site console in real headless Chromium, against a running volume host that real volume
 * clients activated against: sign-in, the machines and their count, adding a MAK machine from its
 * /dlv output, a change without the CSRF token. Screenshots of the main pages go to docs/console/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteConsoleBrowserTest {
  static final int CLIENTS = 5;

  ConsoleSite site;
  Browser browser;
  Path dir;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    browser = Browser.start(dir);
    site = new ConsoleSite(dir, CLIENTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
  }

  String url(String path) {
    return site.host.url().resolve(path).toString();
  }

  WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  void signIn(String token) {
    browser.driver.get(url("/console/sign-in"));
    find("#token").sendKeys(token);
    find("form button[type=submit]").click();
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedAndTheRightOneOpensTheMachinesPage() throws Exception {
    browser.driver.get(url("/console/machines"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
    Screenshots.take(browser, "site-sign-in");
    signIn("kwc_not-the-token");
    assertThat(find(".error").getText()).contains("0xC0DE0048").contains("Remedy");
    assertThat(browser.driver.manage().getCookieNamed(SiteConsole.COOKIE)).isNull();
    browser.assertNoConsoleErrors("the refused sign-in", 401);

    signIn(site.token());
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/machines");
    var cookie = browser.driver.manage().getCookieNamed(SiteConsole.COOKIE);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    browser.assertNoConsoleErrors("the machines page");
  }

  /** Signs in unless the browser has a session already. */
  void session() throws java.io.IOException {
    browser.driver.get(url("/console/machines"));
    if (browser.driver.getCurrentUrl().endsWith("/sign-in")) {
      signIn(site.token());
    }
  }

  @Test
  @Order(2)
  void theMachinesPageListsEveryClientOfTheHostWithTheCount() throws Exception {
    session();
    Screenshots.take(browser, "site-machines");
    for (KeywardClient c : site.clients) {
      String cmid = c.status().cmid();
      WebElement row = find("tr[data-cmid='" + cmid + "']");
      assertThat(row.findElement(By.cssSelector(".status")).getText())
          .isEqualTo("Licensed (volume)");
    }
    assertThat(browser.driver.findElements(By.cssSelector("table.machines tbody tr")))
        .hasSize(CLIENTS);
    WebElement server = find("#counts tr[data-family='server']");
    assertThat(server.findElement(By.cssSelector(".count")).getText())
        .isEqualTo(String.valueOf(CLIENTS));
    assertThat(server.getText()).contains("reached");
    Screenshots.take(browser, "site-machines");
    browser.assertNoConsoleErrors("the machines page");
  }

  @Test
  @Order(3)
  void aChangeWithoutTheCsrfTokenIsRefusedInTheBrowser() throws Exception {
    session();
    browser.driver.get(url("/console/add-machine"));
    browser.driver.executeScript(
        "document.querySelector('main input[name=csrf]').remove();"
            + "document.querySelector('#dlv').removeAttribute('required');");
    find("main form button[type=submit]").click();
    assertThat(find(".error").getText()).contains("0xC0DE004A");
    assertThat(new SiteMachines(site.host.files().dir().resolve("site-machines.json")).all())
        .isEmpty();
    browser.assertNoConsoleErrors("the refused change", 403);
  }

  @Test
  @Order(4)
  void noPageAnswersWithoutASessionInTheBrowser() {
    browser.driver.manage().deleteAllCookies();
    List<Route> routes = RouteTable.routes();
    for (Route r : routes) {
      if (r.method().equals("GET") && !r.open()) {
        browser.driver.get(url(r.path()));
        assertThat(browser.driver.getCurrentUrl()).as(r.path()).endsWith("/console/sign-in");
        assertThat(find("h1").getText()).as(r.path()).isEqualTo("Sign in");
      }
    }
    browser.assertNoConsoleErrors("the sign-in redirects");
  }
}
