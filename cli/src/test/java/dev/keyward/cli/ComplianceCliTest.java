package dev.keyward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward compliance report} on the checked-in seed 000 inventories. */
class ComplianceCliTest {
  static final Path EXAMPLES = Path.of("..", "examples", "compliance").toAbsolutePath().normalize();

  @TempDir Path dir;
  private CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir, Map.of(), Clock.systemUTC());
  }

  @Test
  void seed000IsCompliantWithNothingToBuy() {
    CliRunner.Result r =
        cli.run("compliance", "report", EXAMPLES.resolve("seed-000.yaml").toString(), "--json");
    assertThat(r.exit()).as("%s", r).isZero();
    Map<String, Object> json = r.json();
    assertThat(json.get("compliant")).isEqualTo(true);
    assertThat(json.get("purchase")).isEqualTo(List.of());
  }

  @Test
  void aThirdVmAsksForOneMoreSixteenCorePackInTextToo() {
    CliRunner.Result r =
        cli.run("compliance", "report", EXAMPLES.resolve("seed-000-third-vm.yaml").toString());
    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.out())
        .startsWith("NOT COMPLIANT")
        .contains("1 x ServerStandard 2019 16-core")
        .contains("rule: ");
  }

  @Test
  void aBrokenInventoryNamesTheLineAndExitsNonZero() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(EXAMPLES.resolve("seed-000.yaml"))
            .replace("processors: 1", "processors: one"));
    CliRunner.Result r = cli.run("--json", "compliance", "report", bad.toString());
    assertThat(r.exit()).isEqualTo(KeywardCli.REFUSED);
    assertThat(r.errorCode()).contains("0xC0DE0009");
    assertThat((String) r.error().get("message")).contains("processors");
  }

  @Test
  void theHtmlReportRendersInHeadlessChromium() throws Exception {
    Path html = dir.resolve("report.html");
    CliRunner.Result r =
        cli.run(
            "compliance",
            "report",
            EXAMPLES.resolve("seed-000-third-vm.yaml").toString(),
            "--html",
            html.toString());
    assertThat(r.exit()).as("%s", r).isZero();

    Chromium chromium = Chromium.required();
    Path png = dir.resolve("report.png");
    chromium.screenshot(html, png);
    // A blank or failed render is a few hundred bytes; the page with its tables is far larger.
    assertThat(Files.size(png)).isGreaterThan(10_000);

    String dom = chromium.dumpDom(html);
    assertThat(dom).contains("<table id=\"hosts\">").contains("<svg id=\"chart\"");
    String hostsTable =
        dom.substring(
            dom.indexOf("<table id=\"hosts\">"),
            dom.indexOf("</table>", dom.indexOf("<table id=\"hosts\">")));
    assertThat(hostsTable).contains("srv2019").contains(">32<").contains(">16<");
    assertThat(dom).contains("ServerStandard 2019 16-core");
  }
}
