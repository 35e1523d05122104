package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceReportJsonTest {
  private static Map<String, Object> jsonOf(String file) throws IOException {
    Path path = Path.of("..", "examples", "compliance", file);
    ParseOutcome outcome = ComplianceInput.parse(Files.readString(path), file);
    ComplianceReport report = ComplianceReporter.report(((ParseOutcome.Accepted) outcome).input());
    // Through text and back: what a script reading `--json` sees.
    return Json.readObject(Json.write(ComplianceReportJson.toJson(report))).orElseThrow();
  }

  @Test
  void theSpecFieldsArePresentForSeed000() throws IOException {
    Map<String, Object> json = jsonOf("seed-000.yaml");
    assertThat(json.get("compliant")).isEqualTo(true);
    assertThat(json.get("purchase")).isEqualTo(List.of());
    Map<?, ?> host = (Map<?, ?>) ((List<?>) json.get("hosts")).get(0);
    assertThat(host.get("requiredCoreLicenses")).isEqualTo(16);
    assertThat(host.get("coveredCoreLicenses")).isEqualTo(16);
    Map<?, ?> cal = (Map<?, ?>) json.get("cal");
    assertThat(cal.get("shortfall")).isEqualTo(0);
    assertThat(cal.get("required")).isEqualTo(cal.get("covered"));
    assertThat((List<?>) json.get("lines"))
        .allSatisfy(line -> assertThat(((Map<?, ?>) line).get("statement")).isNotNull());
  }

  @Test
  void aThirdVmPurchaseIsOneSixteenCorePack() throws IOException {
    Map<String, Object> json = jsonOf("seed-000-third-vm.yaml");
    assertThat(json.get("compliant")).isEqualTo(false);
    assertThat(json.get("purchase"))
        .isEqualTo(List.of(Map.of("pack", "ServerStandard 2019 16-core", "quantity", 1)));
  }
}
