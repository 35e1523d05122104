package dev.keyward.authority.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.AuthorityConfig;
import dev.keyward.authority.AuthorityServer;
import dev.keyward.core.phone.DigitGroups;
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
  private AuthorityServer server;
  private ConsoleBrowser browser;
  private String partial;

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
    browser = ConsoleBrowser.open(server.uri());
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

    browser.go("/console/keys");
    browser.type("#q", partial.substring(1).toLowerCase());
    browser.click("form[role=search] button");
    List<WebElement> found = browser.all("#keys tbody tr");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getText()).contains(partial).contains("RETAIL");
    AccessibilityCheck.check(browser);
    shoot(browser, "keys");

    found.get(0).findElement(org.openqa.selenium.By.tagName("a")).click();
    browser.assertNoJavaScriptErrors();
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
    browser.go("/console");
    assertThat(browser.all("svg.chart")).hasSize(2);
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
    browser.go("/console/activation");
    AccessibilityCheck.check(browser);
    shoot(browser, "activation-center");
  }

  @Test
  @Order(5)
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
