package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in examples of seed 000 ("do I need to buy CALs?" with a 16-core 2019 Standard pack
 * and 2022 Device CALs), read from the repository's examples folder so the files users run are the
 * files tested.
 */
class SeedExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "compliance");

  private static ComplianceReport reportOf(String file) throws IOException {
    ParseOutcome outcome = ComplianceInput.parse(Files.readString(EXAMPLES.resolve(file)), file);
    assertThat(outcome).as("%s", outcome).isInstanceOf(ParseOutcome.Accepted.class);
    return ComplianceReporter.report(((ParseOutcome.Accepted) outcome).input());
  }

  @Test
  void seed000IsCompliantWithNothingToBuy() throws IOException {
    ComplianceReport report = reportOf("seed-000.yaml");

    assertThat(report.compliant()).isTrue();
    assertThat(report.purchase()).isEmpty();
    assertThat(report.hosts())
        .singleElement()
        .satisfies(
            host -> {
              assertThat(host.requiredCoreLicenses()).isEqualTo(16);
              assertThat(host.coveredCoreLicenses()).isEqualTo(16);
            });
    // no CAL to buy: the 2022 Device CALs cover the 2019 server
    assertThat(report.cal().type()).contains(CalType.DEVICE);
    assertThat(report.cal().version()).contains(ServerVersion.of(2019));
    assertThat(report.cal().shortfall()).isZero();
    assertThat(report.cal().covered()).isEqualTo(report.cal().required()).isPositive();
  }

  @Test
  void aThirdVmAsksForExactlyOneMore16CorePack() throws IOException {
    ComplianceReport report = reportOf("seed-000-third-vm.yaml");

    assertThat(report.compliant()).isFalse();
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2019 16-core", 1));
    assertThat(report.hosts().get(0).requiredCoreLicenses()).isEqualTo(32);
    assertThat(report.cal().shortfall()).isZero();
  }
}
