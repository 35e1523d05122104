package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.authority.console.AccessibilityCheck;
import dev.keyward.authority.console.ConsoleBrowser;
import dev.keyward.machines.LabProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003 told through the vendor console: a machine of the CLI shows its installation ID, a
 * support agent types it group by group into the activation center page in headless Chromium, reads
 * the confirmation ID back, and the machine activates with it.
 */
class ConsolePhoneCliTest {
  @TempDir Path dir;

  @Test
  void anAgentConfirmsTheMachinesInstallationIdOnTheActivationCenterPage() {
    try (Site site = new Site(dir, 1403);
        ConsoleBrowser browser = ConsoleBrowser.open(site.authority.uri())) {
      String key = site.issue("2022", "ServerStandard", "RETAIL");
      SiteMachine machine = site.machine(LabProfile.PHYSICAL_SERVER).init("2022", "ServerStandard");
      machine.ok("slmgr", "/ipk", key);
      String iid = machine.iid();
      List<String> groups = List.of(iid.split("-"));
      assertThat(groups).hasSize(9);

      browser.signIn(site.authority.adminToken(), "agent.dupont");
      browser.go("/console/activation");
      for (int g = 1; g <= groups.size(); g++) {
        browser.find("#g" + g).sendKeys(groups.get(g - 1));
        assertThat(browser.text("#g" + g + "-state")).as("group " + g).isEqualTo("OK");
      }
      browser.type("#phone-reason", "ticket 3: SRV-NEW-01 has no internet");
      browser.click("#confirm");
      assertThat(browser.text("#cid")).contains("Granted.");
      String cid = browser.find("#cid-text").getAttribute("value");
      assertThat(cid).matches("\\d{7}(-\\d{7})+");
      assertThat(browser.all(".cid-groups li")).hasSize(cid.split("-").length);
      AccessibilityCheck.check(browser);
      // docs/console.md's picture, renewed only on request: a plain test run leaves docs/ alone
      Path shots = Path.of("..", "docs", "console");
      if ("1".equals(System.getenv("KEYWARD_SCREENSHOTS"))
          && Files.isDirectory(shots.getParent())) {
        browser.script("window.scrollTo(0,0); document.activeElement.blur();");
        browser.screenshot(shots.resolve("activation-center-cid.png"));
      }

      assertThat(machine.ok("slmgr", "/atp", cid).out()).contains("Product activated successfully");
      assertThat(machine.dli()).containsEntry("licenseStatus", "Licensed");

      // the agent, the reason and the installation ID are in the audit log
      browser.go("/console/audit?action=phone.confirm");
      assertThat(browser.text("#audit tbody tr"))
          .contains("console:agent.dupont")
          .contains("ticket 3: SRV-NEW-01 has no internet")
          .contains(iid);
      // the same channel rules: a second machine for the same retail key is refused, with the code
      SiteMachine other = site.machine(LabProfile.HYPERV_VM).init("2022", "ServerStandard");
      other.ok("slmgr", "/ipk", key);
      browser.go("/console/activation");
      List<String> second = List.of(other.iid().split("-"));
      for (int g = 1; g <= second.size(); g++) {
        browser.find("#g" + g).sendKeys(second.get(g - 1));
      }
      browser.type("#phone-reason", "ticket 5: a second server");
      browser.click("#confirm");
      assertThat(browser.text(".problem")).contains("0xC004C008").contains("Remedy");
    }
  }
}
