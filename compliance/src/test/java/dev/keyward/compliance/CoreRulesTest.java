package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreRulesTest {

  @ParameterizedTest(name = "{0} x {1} cores -> {2} core licenses")
  @CsvSource({
    // the cases of the issue
    "1, 4, 16",
    "2, 6, 16",
    "2, 10, 20",
    "1, 17, 18",
    // boundaries of the per-server minimum (16) and the per-processor minimum (8)
    "1, 1, 16",
    "1, 15, 16",
    "1, 16, 16",
    "1, 18, 18",
    "1, 19, 20",
    "2, 8, 16",
    "2, 9, 18",
    "3, 4, 24",
    "4, 2, 32",
    "3, 9, 28",
    "2, 16, 32",
    "2, 12, 24"
  })
  void licensesPerCoverage(int processors, int coresPerProcessor, int expected) {
    assertThat(CoreRules.licensesPerCoverage(processors, coresPerProcessor)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} with {1} VMs -> {2} coverages")
  @CsvSource({
    "STANDARD, 0, 1",
    "STANDARD, 1, 1",
    "STANDARD, 2, 1",
    "STANDARD, 3, 2",
    "STANDARD, 4, 2",
    "STANDARD, 5, 3",
    "STANDARD, 40, 20",
    "DATACENTER, 0, 1",
    "DATACENTER, 3, 1",
    "DATACENTER, 40, 1"
  })
  void coveragesNeeded(ServerEdition edition, int vms, int expected) {
    assertThat(CoreRules.coveragesNeeded(edition, vms)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} x {1} {2} with {3} VMs -> {4}")
  @CsvSource({
    "1, 16, STANDARD, 3, 32",
    "1, 16, STANDARD, 2, 16",
    "2, 16, DATACENTER, 40, 32",
    "2, 12, STANDARD, 5, 72",
    "1, 17, STANDARD, 4, 36"
  })
  void requirement(int processors, int cores, ServerEdition edition, int vms, int expected) {
    Host host = new Host("h", processors, cores, edition, ServerVersion.of(2019), vms);

    CoreRequirement requirement = CoreRules.requirement(host);

    assertThat(requirement.required()).isEqualTo(expected);
    assertThat(requirement.physicalCores()).isEqualTo(processors * cores);
  }

  @ParameterizedTest(name = "a Standard host with {0} VMs on Datacenter terms needs {1}")
  @CsvSource({"0, 16", "2, 16", "9, 16"})
  void standardHostOnDatacenterTermsNeedsOneCoverage(int vms, int expected) {
    Host host = new Host("h", 1, 16, ServerEdition.STANDARD, ServerVersion.of(2019), vms);

    assertThat(CoreRules.requirement(host, ServerEdition.DATACENTER).required())
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void essentialsIsNotLicensedPerCore() {
    assertThatThrownBy(() -> CoreRules.coveragesNeeded(ServerEdition.ESSENTIALS, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
