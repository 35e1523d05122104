package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageRulesTest {

  @ParameterizedTest(name = "{0} {1} licenses cover a {2} {3} host: {4}")
  @CsvSource({
    "STANDARD, 2019, STANDARD, 2019, true",
    "STANDARD, 2022, STANDARD, 2019, true",
    "STANDARD, 2025, STANDARD, 2019, true",
    "STANDARD, 2019, STANDARD, 2022, false",
    "STANDARD, 2022, STANDARD, 2025, false",
    "DATACENTER, 2022, DATACENTER, 2019, true",
    "DATACENTER, 2019, DATACENTER, 2022, false",
    "DATACENTER, 2022, STANDARD, 2022, true",
    "DATACENTER, 2022, STANDARD, 2019, true",
    "DATACENTER, 2019, STANDARD, 2022, false",
    "STANDARD, 2025, DATACENTER, 2019, false",
    "STANDARD, 2019, DATACENTER, 2019, false",
    "STANDARD, 2019, ESSENTIALS, 2019, false",
    "DATACENTER, 2025, ESSENTIALS, 2019, false"
  })
  void coreLicenses(
      ServerEdition licenseEdition,
      int licenseVersion,
      ServerEdition hostEdition,
      int hostVersion,
      boolean covers) {
    assertThat(
            CoverageRules.coreLicenseCovers(
                licenseEdition,
                ServerVersion.of(licenseVersion),
                hostEdition,
                ServerVersion.of(hostVersion)))
        .isEqualTo(covers);
  }

  @ParameterizedTest(name = "a {0} CAL covers a {1} server: {2}")
  @CsvSource({
    "2022, 2019, true",
    "2019, 2022, false",
    "2022, 2022, true",
    "2025, 2019, true",
    "2019, 2025, false"
  })
  void cals(int calVersion, int serverVersion, boolean covers) {
    assertThat(
            CoverageRules.calCovers(ServerVersion.of(calVersion), ServerVersion.of(serverVersion)))
        .isEqualTo(covers);
  }
}
