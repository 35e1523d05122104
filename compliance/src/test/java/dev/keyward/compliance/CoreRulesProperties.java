package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CoreRulesProperties {

  @Property
  void everyCoreAndBothMinimumsAreLicensedInStepsOfTwo(
      @ForAll @IntRange(min = 1, max = 64) int processors,
      @ForAll @IntRange(min = 1, max = 512) int cores) {
    int licenses = CoreRules.licensesPerCoverage(processors, cores);

    assertThat(licenses)
        .isGreaterThanOrEqualTo(processors * cores)
        .isGreaterThanOrEqualTo(8 * processors)
        .isGreaterThanOrEqualTo(16);
    assertThat(licenses % 2).isZero();
  }

  @Property
  void twoFewerLicensesWouldBreakARule(
      @ForAll @IntRange(min = 1, max = 64) int processors,
      @ForAll @IntRange(min = 1, max = 512) int cores) {
    int fewer = CoreRules.licensesPerCoverage(processors, cores) - 2;

    boolean breaksARule = fewer < processors * cores || fewer < 8 * processors || fewer < 16;
    assertThat(breaksARule).as("%d licenses would still satisfy every rule", fewer).isTrue();
  }

  @Property
  void standardCoveragesAreTheFewestThatAllowTheVms(
      @ForAll @IntRange(min = 0, max = 10_000) int vms) {
    int coverages = CoreRules.coveragesNeeded(ServerEdition.STANDARD, vms);

    assertThat(2 * coverages).isGreaterThanOrEqualTo(vms);
    assertThat(coverages == 1 || 2 * (coverages - 1) < vms).isTrue();
  }
}
