package dev.keyward.volumehost.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.client.KeywardClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site console in real headless Chromium, against a running volume host that real volume
 * clients activated against: sign-in, the machines and their count, adding a MAK machine from its
 * /dlv output, a change without the CSRF token. Screenshots of the main pages go to docs/console/.
 *
 * <p>Longer than a class should be, on purpose: the steps share one site (an authority, a volume
 * host and five activated clients, seconds to set up) and one browser, each building on the last
 * (the MAK machine added is the one proxy-activated; the clock moved last).
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

  /**
   * Clicks a form's submit button and waits (at most 30 s) until the browser shows the page it
   * answered, so that nothing is read from the page before.
   */
  void submit(String button) {
    WebElement before = find("html");
    find(button).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.stalenessOf(before));
  }

  void signIn(String token) {
    // Often the browser shows the sign-in page already (a redirect, a refused sign-in): open waits
    // for the new document.
    browser.open(url("/console/sign-in"));
    find("#token").sendKeys(token);
    submit("form button[type=submit]");
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedAndTheRightOneOpensTheMachinesPage() throws Exception {
    browser.open(url("/console/machines"));
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
    browser.open(url("/console/machines"));
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
    browser.open(url("/console/add-machine"));
    browser.driver.executeScript(
        "document.querySelector('main input[name=csrf]').remove();"
            + "document.querySelector('#dlv').removeAttribute('required');");
    submit("main form button[type=submit]");
    assertThat(find(".error").getText()).contains("0xC0DE0041");
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
        browser.open(url(r.path()));
        assertThat(browser.driver.getCurrentUrl()).as(r.path()).endsWith("/console/sign-in");
        assertThat(find("h1").getText()).as(r.path()).isEqualTo("Sign in");
      }
    }
    browser.assertNoConsoleErrors("the sign-in redirects");
  }

  @Test
  @Order(5)
  void uploadingADlvOutputAddsAMakMachineAndABadFileIsRefusedWithItsCode() throws Exception {
    session();
    mak = site.makMachine("mak-01");
    Path good = dir.resolve("mak-01-dlv.json");
    Files.writeString(good, ConsoleSite.dlvJson(mak.status()));
    Path bad = dir.resolve("not-dlv.json");
    Files.writeString(bad, "{\"product\": \"winserver\", \"edition\": \"Nope\"}");

    browser.open(url("/console/add-machine"));
    find("#dlv").sendKeys(bad.toString());
    submit("main form button[type=submit]");
    assertThat(find(".error").getText())
        .contains("0xC0DE0009")
        .contains("Remedy")
        .contains("Nothing was added");
    assertThat(machines()).isEmpty();
    Screenshots.take(browser, "site-add-machine-refused");
    Accessibility.check(browser.driver, "the refused upload");
    browser.assertNoConsoleErrors("the refused upload", 400);

    find("#name").sendKeys("mak-01");
    find("#dlv").sendKeys(good.toString());
    submit("main form button[type=submit]");
    assertThat(find(".notice").getText()).contains("Added mak-01");
    assertThat(machines()).extracting(SiteMachine::channel).containsExactly("VOLUME_MAK");

    browser.open(url("/console/machines"));
    WebElement row = find("tr[data-cmid='" + mak.status().cmid() + "']");
    assertThat(row.getText()).contains("mak-01").contains("VOLUME_MAK");
    assertThat(browser.driver.findElements(By.cssSelector("table.machines tbody tr")))
        .hasSize(CLIENTS + 1);
    browser.assertNoConsoleErrors("the upload");
  }

  KeywardClient mak;

  List<SiteMachine> machines() {
    return new SiteMachines(site.host.files().dir().resolve("site-machines.json")).all();
  }

  @Test
  @Order(6)
  void aProxyRequestFromTheConsoleIsAnsweredAndTheResponseNamesTheMachine() throws Exception {
    session();
    browser.open(url("/console/proxy"));
    String cmid = mak.status().cmid();
    find("#m-" + cmid).click();
    Screenshots.take(browser, "site-proxy");
    // the browser would save the file; the test fetches the same form with the session's cookie
    String cookie = browser.driver.manage().getCookieNamed(SiteConsole.COOKIE).getValue();
    ConsoleHttp http = new ConsoleHttp(site.host.url());
    var request =
        http.post(
            "/console/proxy/request",
            java.util.Optional.of(cookie),
            java.util.Map.of("csrf", http.csrf(cookie), "cmid", cmid));
    assertThat(request.statusCode()).as(request.body()).isEqualTo(200);
    assertThat(request.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("attachment");
    var read = dev.keyward.core.phone.ProxyRequest.read(request.body());
    assertThat(read).isInstanceOf(dev.keyward.core.phone.ProxyFileReading.Read.class);

    String response = site.answerProxy(request.body());
    Path responseFile = dir.resolve("proxy-response.json");
    Files.writeString(responseFile, response);
    browser.open(url("/console/proxy"));
    find("#response").sendKeys(responseFile.toString());
    submit("form[action='/console/proxy/response'] button");
    WebElement table = find("#matches");
    assertThat(table.getText()).contains("mak-01").contains(cmid).contains("Confirmation ID ready");
    Screenshots.take(browser, "site-proxy-response");
    Accessibility.check(browser.driver, "the proxy response");
    browser.assertNoConsoleErrors("the proxy page");

    // the machine applies its own answer from the same file
    var applied = mak.phone().applyResponse(response);
    assertThat(applied.info().status().state())
        .isEqualTo(dev.keyward.core.license.LicenseState.LICENSED);
  }

  @Test
  @Order(7)
  void theEvidencePackHoldsTheUploadedDlvAndVerifies() throws Exception {
    session();
    browser.open(url("/console/evidence"));
    assertThat(find("#evidence").getText()).contains("dlv-" + mak.status().cmid() + ".json");
    Screenshots.take(browser, "site-evidence");
    browser.assertNoConsoleErrors("the evidence page");
    String cookie = browser.driver.manage().getCookieNamed(SiteConsole.COOKIE).getValue();
    var pack = new ConsoleHttp(site.host.url()).getBytes("/console/evidence/pack.zip", cookie);
    assertThat(pack.statusCode()).isEqualTo(200);
    Path zip = dir.resolve("pack.zip");
    Files.write(zip, pack.body());
    assertThat(dev.keyward.client.EvidenceStore.verify(zip))
        .isInstanceOf(dev.keyward.core.evidence.PackCheck.Intact.class);
  }

  static final List<String> PAGES =
      List.of("machines", "expiring", "events", "add-machine", "proxy", "evidence");

  @Test
  @Order(0)
  void thePagesCheckedBelowAreEveryPageOfTheRouteTable() {
    // every signed-in GET route that answers a page (not a redirect, not a download)
    List<String> pages =
        RouteTable.routes().stream()
            .filter(r -> r.method().equals("GET") && !r.open())
            .map(Route::path)
            .filter(p -> !p.equals("/console") && !p.equals("/console/") && !p.endsWith(".zip"))
            .map(p -> p.substring("/console/".length()))
            .toList();
    assertThat(PAGES).containsExactlyInAnyOrderElementsOf(pages);
  }

  @Test
  @Order(8)
  void everyPageWorksAt1280x800AndOnAPhoneWithoutScriptErrorsAndPassesTheAccessibilityChecks()
      throws Exception {
    session();
    for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
      browser.size(size[0], size[1]);
      for (String page : PAGES) {
        browser.open(url("/console/" + page));
        String where = page + " at " + size[0] + "x" + size[1];
        assertThat(find("h1").isDisplayed()).as(where).isTrue();
        if (size[0] < 500 && (page.equals("machines") || page.equals("proxy"))) {
          Screenshots.take(browser, "site-" + page + "-phone");
        }
        if (size[0] > 500 && (page.equals("expiring") || page.equals("events"))) {
          Screenshots.take(browser, "site-" + page);
        }
        Accessibility.check(browser.driver, where);
        browser.assertNoConsoleErrors(where);
      }
    }
    browser.size(1280, 800);
    browser.driver.manage().deleteAllCookies();
    browser.open(url("/console/sign-in"));
    Accessibility.check(browser.driver, "sign-in");
    browser.assertNoConsoleErrors("sign-in");
  }

  private static final java.time.format.DateTimeFormatter SHOWN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  private static java.time.Instant shown(WebElement row, String column) {
    String text = row.findElement(By.cssSelector("[data-label='" + column + "']")).getText();
    return java.time.Instant.from(SHOWN.parse(text));
  }

  @Test
  @Order(9)
  void nextRenewalExpiringAndEventsFollowTheClientsRequests() throws Exception {
    session();
    browser.open(url("/console/machines"));
    for (KeywardClient c : site.clients) {
      WebElement row = find("table.machines tr[data-cmid='" + c.status().cmid() + "']");
      java.time.Instant last = shown(row, "Last request");
      // granted at its last request: renewed 7 days later, valid 180 (SPEC §11)
      assertThat(shown(row, "Next renewal")).isEqualTo(last.plus(Duration.ofDays(7)));
      assertThat(shown(row, "Expires")).isEqualTo(last.plus(Duration.ofDays(180)));
    }
    browser.open(url("/console/expiring"));
    for (KeywardClient c : site.clients) {
      assertThat(
              browser.driver.findElements(
                  By.cssSelector("tr[data-cmid='" + c.status().cmid() + "']")))
          .as("fresh volume clients do not expire soon")
          .isEmpty();
    }
    browser.open(url("/console/events"));
    List<WebElement> events = browser.driver.findElements(By.cssSelector("#events tbody tr"));
    for (KeywardClient c : site.clients) {
      assertThat(events)
          .anySatisfy(e -> assertThat(e.getText()).contains("12290").contains(c.status().cmid()));
    }

    // the clients stop renewing: 155 days on, each ends within 30 days
    site.clock.advance(Duration.ofDays(155));
    session();
    browser.open(url("/console/expiring"));
    for (KeywardClient c : site.clients) {
      WebElement row = find("tr[data-cmid='" + c.status().cmid() + "']");
      assertThat(row.findElement(By.cssSelector(".status")).getText())
          .isEqualTo("Licensed (volume)");
    }
    assertThat(browser.driver.findElements(By.id("none-expiring"))).isEmpty();
    Accessibility.check(browser.driver, "expiring");
    browser.assertNoConsoleErrors("the expiring page");
    // and once past the 180 days, they are shown as ended
    site.clock.advance(Duration.ofDays(30));
    session();
    browser.open(url("/console/expiring"));
    for (KeywardClient c : site.clients) {
      WebElement row = find("tr[data-cmid='" + c.status().cmid() + "']");
      assertThat(row.findElement(By.cssSelector(".status")).getText())
          .startsWith("Activation ended");
    }
    browser.assertNoConsoleErrors("the expiring page");
  }
}
