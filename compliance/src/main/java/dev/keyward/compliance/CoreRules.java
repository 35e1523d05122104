package dev.keyward.compliance;

/**
 * The per-core rules of Standard and Datacenter: every physical core is licensed, with at least 8
 * licenses per processor and 16 per server, in steps of 2 (licenses are sold in 2-core and 16-core
 * packs).
 */
public final class CoreRules {
  public static final int MIN_PER_PROCESSOR = 8;
  public static final int MIN_PER_SERVER = 16;
  public static final int STEP = 2;
  public static final int OSES_PER_STANDARD_COVERAGE = 2;

  private CoreRules() {}

  /** Licenses that cover every core of the host once: 1 x 4 -> 16, 2 x 10 -> 20, 1 x 17 -> 18. */
  public static int licensesPerCoverage(int processors, int coresPerProcessor) {
    if (processors < 1 || coresPerProcessor < 1) {
      throw new IllegalArgumentException("processors and cores must be >= 1");
    }
    int perServer =
        Math.max(processors * Math.max(coresPerProcessor, MIN_PER_PROCESSOR), MIN_PER_SERVER);
    return roundUpToStep(perServer);
  }

  /**
   * Full coverages a host needs for its VMs. Datacenter: one, whatever the VM count. Standard: each
   * coverage allows 2 OSEs, so N VMs need ceil(N/2) coverages, and a host without VMs one.
   *
   * <p>Our reading: the physical OSE that only runs the virtualisation role for those VMs does not
   * count as an OSE of its own, so 2 VMs need one coverage, not two. A physical OSE that also runs
   * workloads is not modelled (the input has no field for it).
   */
  public static int coveragesNeeded(ServerEdition edition, int vms) {
    if (vms < 0) {
      throw new IllegalArgumentException("vms must be >= 0");
    }
    return switch (edition) {
      case DATACENTER -> 1;
      case STANDARD -> Math.max(1, ceilDiv(vms, OSES_PER_STANDARD_COVERAGE));
      case ESSENTIALS ->
          throw new IllegalArgumentException("Essentials is licensed per server, not per core");
    };
  }

  /** The requirement of a host licensed under {@code edition}'s terms (its own, or Datacenter). */
  public static CoreRequirement requirement(Host host, ServerEdition terms) {
    int perCoverage = licensesPerCoverage(host.processors(), host.coresPerProcessor());
    int coverages = coveragesNeeded(terms, host.vms());
    return new CoreRequirement(
        host.physicalCores(), perCoverage, coverages, perCoverage * coverages);
  }

  public static CoreRequirement requirement(Host host) {
    return requirement(host, host.edition());
  }

  static int roundUpToStep(int licenses) {
    return ceilDiv(licenses, STEP) * STEP;
  }

  static int ceilDiv(int dividend, int divisor) {
    return Math.floorDiv(dividend + divisor - 1, divisor);
  }
}
