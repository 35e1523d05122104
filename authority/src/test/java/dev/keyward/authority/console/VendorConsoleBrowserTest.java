package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.phone.DigitGroups;
import dev.keyward.core.phone.ProxyFileReading;
import dev.keyward.core.phone.ProxyRequest;
import dev.keyward.core.phone.ProxyResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The vendor console in real headless Chromium: sign-in, a batch issued, a key found by its partial
 * key and blocked with a reason, the block in the audit log with the actor; every page free of
 * script errors, accessible, at 1280×800 and at a phone's width, photographed for docs/console.md.
 *
 * <p>Longer than a class should be, on purpose: the steps are one agent's session in one browser
 * against one authority, each building on the last (the keys issued, the block, the errors
 * counted), which separate classes would have to set up again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorConsoleBrowserTest {
  /**
   * The screenshots of docs/console.md: renewed when the tests run with KEYWARD_SCREENSHOTS=1 (a
   * plain test run leaves the committed pictures alone), into target/ otherwise.
   */
  static final Path SHOTS =
      "1".equals(System.getenv("KEYWARD_SCREENSHOTS"))
          ? Path.of("..", "docs", "console")
          : Path.of("target", "screenshots");

  @TempDir static Path data;
  @TempDir static Path downloads;
  private AuthorityServer server;
  private ConsoleBrowser browser;
  private String partial;
  private String issuedKey;

  @BeforeAll
  void start() {
    server =
        AuthorityServer.start(
            AuthorityConfig.builder()
                .dataDir(data)
                .port(0)
                .noRateLimits()
                .allowSimulatedMachines(true)
                .build());
    browser = ConsoleBrowser.open(server.uri(), downloads);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  static void shoot(ConsoleBrowser browser, String name) {
    if (Files.isDirectory(SHOTS.getParent()) || SHOTS.startsWith("target")) {
      browser.script(
          "document.activeElement && document.activeElement.blur(); window.scrollTo(0,0);");
      browser.screenshot(SHOTS.resolve(name + ".png"));
    }
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefused_theRightOneSignsIn() {
    browser.signIn("wrong-token", "agent.martin");
    assertThat(browser.path()).isEqualTo("/console/sign-in");
    assertThat(browser.text(".problem")).contains("0xC0DE0008").contains("not valid");
    AccessibilityCheck.check(browser);
    shoot(browser, "sign-in");
    browser.signIn(server.adminToken(), "agent.martin");
    assertThat(browser.path()).isEqualTo("/console");
    assertThat(browser.text(".actor")).isEqualTo("console:agent.martin");
  }

  @Test
  @Order(2)
  void issueThree_findOneByPartialKey_blockIt_seeItInTheAuditLog() {
    browser.go("/console/keys");
    browser
        .driver()
        .findElement(org.openqa.selenium.By.cssSelector("#issue-version option[value='2022']"))
        .click();
    browser
        .driver()
        .findElement(
            org.openqa.selenium.By.cssSelector("#issue-edition option[value='ServerStandard']"))
        .click();
    browser
        .driver()
        .findElement(org.openqa.selenium.By.cssSelector("#issue-channel option[value='RETAIL']"))
        .click();
    browser.type("#count", "3");
    browser.click("#issue");
    List<WebElement> rows = browser.all("#issued tbody tr");
    assertThat(rows).hasSize(3);
    assertThat(browser.all("#issued code.key"))
        .allSatisfy(k -> assertThat(k.getText()).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}"));
    partial = rows.get(1).findElements(org.openqa.selenium.By.tagName("td")).get(1).getText();
    issuedKey = rows.get(1).findElement(org.openqa.selenium.By.cssSelector("code.key")).getText();

    browser.go("/console/keys");
    browser.type("#q", partial.substring(1).toLowerCase());
    browser.click("form[role=search] button");
    List<WebElement> found = browser.all("#keys tbody tr");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getText()).contains(partial).contains("RETAIL");
    AccessibilityCheck.check(browser);
    shoot(browser, "keys");

    browser.follow(found.get(0).findElement(org.openqa.selenium.By.tagName("a")));
    browser.type("#block-reason", "ticket 4711: key posted on a forum");
    browser.click("#block");
    assertThat(browser.text("#status")).isEqualTo("Blocked");
    assertThat(browser.text(".notice")).contains("blocked");
    assertThat(browser.text("#history")).contains("keys.block").contains("console:agent.martin");
    AccessibilityCheck.check(browser);
    shoot(browser, "key");

    browser.go("/console/audit?action=keys.block");
    assertThat(browser.text("#chain")).startsWith("Chain verified");
    List<WebElement> entries = browser.all("#audit tbody tr");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getText())
        .contains("console:agent.martin")
        .contains("keys.block")
        .contains(partial)
        .contains("ticket 4711: key posted on a forum");
    AccessibilityCheck.check(browser);
    shoot(browser, "audit");
  }

  @Test
  @Order(3)
  void theDashboardDrawsTheLast30Days() {
    // errors answered by the API are counted for the chart: two refused admin tokens, one bad body
    ConsoleHttp api = new ConsoleHttp(server.uri());
    api.post("/v1/admin/keys", java.util.Map.of("version", "2022"));
    api.post("/v1/admin/keys", java.util.Map.of("version", "2022"));
    // activations to draw: a multiple activation key's pool 4/5 used, a retail key on one machine
    String csrf = api.signIn(server.adminToken(), "agent.phone");
    String[] mak = api.issueOneMak(csrf, 5);
    for (int m = 0; m < 4; m++) {
      assertThat(api.phone(csrf, mak[0], "ServerStandard", 40 + m).statusCode()).isEqualTo(200);
    }
    String retail = api.issue(csrf, "RETAIL", 1, "text").body().strip();
    assertThat(api.phone(csrf, retail, "ServerStandard", 50).statusCode()).isEqualTo(200);
    browser.go("/console");
    assertThat(browser.all("svg.chart")).hasSize(2);
    assertThat(browser.text("#activations-title")).endsWith(": 5");
    assertThat(browser.text("#act-h + figure .legend"))
        .contains("RETAIL: 1")
        .contains("VOLUME_MAK: 4");
    assertThat(browser.text("#pool-h + .scroll")).contains(mak[2]).contains("4 of 5");
    assertThat(browser.text("#errors-title")).endsWith(": 2");
    assertThat(browser.text("#err-h + figure .legend")).contains("0xC0DE0008: 2");
    assertThat(browser.text("#blk-h + .scroll")).contains(partial).contains("ticket 4711");
    AccessibilityCheck.check(browser);
    shoot(browser, "dashboard");
  }

  @Test
  @Order(4)
  void theCheckDigitScriptAgreesWithCore() {
    browser.go("/console/activation");
    Random random = new Random(14);
    List<Object> cases = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String prefix = String.format("%06d", random.nextInt(1_000_000));
      int group = 1 + random.nextInt(20);
      for (int d = 0; d < 10; d++) {
        cases.add(List.of(group, prefix + d));
        expected.add(DigitGroups.isValidGroup(group, prefix + d));
      }
    }
    cases.add(List.of(3, "12345"));
    expected.add(false);
    cases.add(List.of(1, "12a4567"));
    expected.add(false);
    @SuppressWarnings("unchecked")
    List<Boolean> actual =
        (List<Boolean>)
            browser.script(
                "return arguments[0].map(c => window.KeywardIid.validGroup(c[0], c[1]));", cases);
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).contains(true); // the cases include valid groups

    // as typed: a wrong group is marked, a right one passes
    browser.type("#g2", "1234567");
    String state = browser.text("#g2-state");
    boolean valid = DigitGroups.isValidGroup(2, "1234567");
    assertThat(state).isEqualTo(valid ? "OK" : "Check digit wrong: read group 2 again");
    assertThat(browser.find("#g2").getAttribute("aria-invalid"))
        .isEqualTo(valid ? "false" : "true");

    // a whole installation ID pasted into the first field is spread over the nine groups
    browser.go("/console/activation");
    String iid = ConsoleIids.of(issuedKey, "2022", "ServerStandard", 7).text();
    browser.script(
        "const g = document.getElementById('g1'); g.value = arguments[0];"
            + " g.dispatchEvent(new Event('input', {bubbles: true}));",
        iid);
    String[] groups = iid.split("-");
    for (int g = 1; g <= groups.length; g++) {
      assertThat(browser.find("#g" + g).getAttribute("value")).isEqualTo(groups[g - 1]);
      assertThat(browser.text("#g" + g + "-state")).as("group " + g).isEqualTo("OK");
    }
    browser.assertNoJavaScriptErrors();
    browser.go("/console/activation");
    AccessibilityCheck.check(browser);
    shoot(browser, "activation-center");
  }

  /** Waits (at most 30 s) for the browser to finish saving a file of that name. */
  private static Path downloaded(String name) throws InterruptedException {
    Path file = downloads.resolve(name);
    for (int i = 0; i < 300 && !Files.isRegularFile(file); i++) {
      Thread.sleep(100);
    }
    assertThat(file).as("downloaded " + name).isRegularFile();
    return file;
  }

  @Test
  @Order(5)
  void aProxyRequestFileUploadedGivesTheSignedResponseFile() throws Exception {
    ConsoleHttp api = new ConsoleHttp(server.uri());
    String csrf = api.signIn(server.adminToken(), "agent.keys");
    String[] mak = api.issueOneMak(csrf, 1);
    ProxyRequest request = ProxyRequest.empty();
    for (int m = 0; m < 2; m++) {
      String iid = ConsoleIids.of(mak[0], "2022", "ServerStandard", 500 + m).text();
      request =
          request.with(
              new ProxyRequest.Entry(
                  "site12-srv" + m, "winserver", iid, java.util.Optional.empty(), false));
    }
    Path file = data.resolve("site12.request.json");
    Files.writeString(file, request.write());

    browser.go("/console/activation");
    browser.find("#request").sendKeys(file.toAbsolutePath().toString());
    browser.type("#proxy-reason", "site 12 has no internet");
    browser.clickForDownload("#proxy");
    String text = Files.readString(downloaded("site12.response.json"));
    browser.assertNoJavaScriptErrors();
    var read = ProxyResponse.read(text);
    assertThat(read).isInstanceOf(ProxyFileReading.Read.class);
    ProxyResponse response = ((ProxyFileReading.Read<ProxyResponse>) read).file();
    assertThat(response.checkSignature(server.trustedKeys()))
        .isInstanceOf(ProxyResponse.SignatureCheck.Valid.class);
    // the pool holds one: the first machine gets its confirmation ID, the second the refusal
    assertThat(response.entries()).hasSize(2);
    assertThat(response.entries().get(0).cid()).isPresent();
    assertThat(response.entries().get(1).error().orElseThrow().error().hex())
        .isEqualTo("0xC004C020");

    // the granted machine is in the audit log with the agent, the reason and its name
    browser.go("/console/audit?action=proxy.confirm");
    List<WebElement> entries = browser.all("#audit tbody tr");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getText())
        .contains("console:agent.martin")
        .contains("site 12 has no internet")
        .contains("site12-srv0")
        .contains(mak[2]);
  }

  /**
   * Every page of the route table, one by one, signed in: loads without a browser console error and
   * passes the accessibility checks (so a page added later is checked too).
   */
  @Test
  @Order(6)
  void everyPageOfTheRouteTableIsFreeOfScriptErrorsAndAccessible() {
    browser.go("/console/keys?q=" + partial);
    String id = browser.find("#keys tbody tr code").getText();
    List<String> pages =
        server.routes().stream()
            .filter(r -> r.method() == io.javalin.http.HandlerType.GET)
            .filter(r -> r.access() == dev.keyward.authority.http.Route.Access.CONSOLE_SESSION)
            .map(r -> r.path().replace("{key}", id))
            .toList();
    assertThat(pages).contains("/console", "/console/keys/" + id, "/console/audit");
    for (String page : pages) {
      browser.go(page);
      assertThat(browser.path()).as(page).isEqualTo(page);
      AccessibilityCheck.check(browser);
    }
    // an error page (an unknown key) and the sign-in page too
    browser.go("/console/keys/pk-zzzzzzzzzzzzzzzzzzzz");
    assertThat(browser.text(".problem")).contains("Remedy");
    AccessibilityCheck.check(browser);
    browser.go("/console/sign-in");
    AccessibilityCheck.check(browser);
  }

  @Test
  @Order(7)
  void everyPageFitsAPhone() {
    for (String page :
        List.of("/console", "/console/keys", "/console/activation", "/console/audit")) {
      browser.resize(ConsoleBrowser.DESKTOP);
      browser.go(page);
      browser.resize(ConsoleBrowser.PHONE);
      AccessibilityCheck.check(browser);
    }
    browser.go("/console/keys");
    shoot(browser, "keys-phone");
    browser.resize(ConsoleBrowser.DESKTOP);
  }
}
