package dev.keyward.compliance;

import static dev.keyward.compliance.Inputs.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EssentialsComplianceTest {

  private static ComplianceReport report(int users, int devices) {
    return Inputs.report(
        "hosts:\n"
            + host("small", 1, 8, "ServerEssentials", 2022, 0)
            + "access: {users: "
            + users
            + ", devices: "
            + devices
            + "}\n");
  }

  @ParameterizedTest(name = "{0} users, {1} devices -> compliant {2}")
  @CsvSource({
    "0, 0, true",
    "25, 50, true",
    "26, 0, false",
    "26, 50, false",
    "0, 51, false",
    "25, 51, false",
    "24, 49, true"
  })
  void limits(int users, int devices, boolean compliant) {
    ComplianceReport report = report(users, devices);

    assertThat(report.compliant()).isEqualTo(compliant);
    assertThat(report.breaches().isEmpty()).isEqualTo(compliant);
    // whatever the counts, Essentials needs no CAL and no core license, and no pack fixes it
    assertThat(report.cal().required()).isZero();
    assertThat(report.hosts().get(0).requiredCoreLicenses()).isZero();
    assertThat(report.purchase()).isEmpty();
  }

  @Test
  void aBreachNamesTheLimitAndRecommendsStandard() {
    ComplianceReport report = report(26, 51);

    assertThat(report.breaches())
        .containsExactly(
            new LimitBreach("small", "users", 25, 26), new LimitBreach("small", "devices", 50, 51));
    assertThat(report.linesOf(Rule.ESSENTIALS))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.text())
                    .contains("26 users > 25")
                    .contains("51 devices > 50")
                    .contains("move it to ServerStandard")
                    .contains("16 core licenses"));
  }

  @Test
  void essentialsNextToAStandardHostDoesNotRemoveTheCalRequirement() {
    ComplianceReport report =
        Inputs.report(
            "hosts:\n"
                + host("small", 1, 8, "ServerEssentials", 2022, 0)
                + host("std", 1, 8, "ServerStandard", 2019, 0)
                + "access: {users: 20, devices: 0}\n"
                + "entitlements:\n"
                + "  - {kind: cores, edition: ServerStandard, version: \"2019\", packs16: 1}\n");

    assertThat(report.cal().required()).isEqualTo(20);
    // the Essentials host is not accessed-with-CALs: the version comes from the Standard host
    assertThat(report.cal().version()).contains(ServerVersion.of(2019));
    assertThat(report.breaches()).isEmpty();
  }
}
