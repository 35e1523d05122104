package dev.keyward.compliance;

/**
 * How many core licenses a per-core host needs, with the numbers it came from.
 *
 * @param physicalCores processors x cores per processor
 * @param licensesPerCoverage licenses that cover every core once (after the minimums)
 * @param coverages how many times the cores must be covered (Standard stacks for VMs)
 * @param required licensesPerCoverage x coverages
 */
public record CoreRequirement(
    int physicalCores, int licensesPerCoverage, int coverages, int required) {
  public CoreRequirement {
    if (licensesPerCoverage < CoreRules.MIN_PER_SERVER
        || coverages < 1
        || required != licensesPerCoverage * coverages) {
      throw new IllegalArgumentException("inconsistent core requirement");
    }
  }
}
