package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ComplianceReportHtmlTest {
  private static ComplianceReport reportOf(String yaml) {
    ParseOutcome outcome = ComplianceInput.parse(yaml, "inventory.yaml");
    assertThat(outcome).isInstanceOf(ParseOutcome.Accepted.class);
    return ComplianceReporter.report(((ParseOutcome.Accepted) outcome).input());
  }

  @Test
  void thePageHasTheTablesTheChartAndThePurchase() throws IOException {
    String yaml =
        Files.readString(Path.of("..", "examples", "compliance", "seed-000-third-vm.yaml"));
    String html = ComplianceReportHtml.render(reportOf(yaml), "seed-000-third-vm.yaml");
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("id=\"verdict\">Not compliant")
        .contains("<table id=\"hosts\">")
        .contains("<svg id=\"chart\"")
        .contains("<td>ServerStandard 2019 16-core</td><td class=\"n\">1</td>")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void namesFromTheInventoryAreEscaped() throws IOException {
    String yaml =
        Files.readString(Path.of("..", "examples", "compliance", "seed-000.yaml"))
            .replaceFirst("name: [^,}\\n]+", "name: \"<script>alert(1)</script>\"");
    String html = ComplianceReportHtml.render(reportOf(yaml), "x&y");
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("x&amp;y");
  }
}
