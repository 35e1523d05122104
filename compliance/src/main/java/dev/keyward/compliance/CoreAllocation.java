package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Assigns pooled core licenses to hosts, deterministically, in three passes:
 *
 * <ol>
 *   <li>Datacenter hosts from Datacenter pools.
 *   <li>Datacenter licenses left over go to Standard hosts, each taken whole on Datacenter terms
 *       (one coverage) when enough is left for it. Leftovers have no other use, and each host they
 *       take frees Standard licenses for the others.
 *   <li>The other Standard hosts from Standard pools, partially when a pool runs out.
 * </ol>
 *
 * <p>Within a pass hosts go newest version first (ties: input order) and each draws from the oldest
 * pool that may cover it. The pools a host may use are nested by version (a 2019 host may use every
 * pool a 2022 host may, and more), so within an edition this covers as many licenses as any
 * assignment could; the order decides who is short: the newest licenses go to the newest hosts, and
 * a shortfall falls on the oldest hosts, where it is bought at their version. Buying each edition
 * and version's shortfall then covers every host (the Datacenter leftover of pass 2 is the same
 * before and after). Across passes the allocation is greedy, not a global optimum: in pass 2 the
 * Datacenter leftover goes to hosts in order (newest first, then the largest saving), not to the
 * best combination.
 */
final class CoreAllocation {
  record Result(List<HostCompliance> hosts, CorePools leftover, List<ReportLine> lines) {}

  private final List<Host> hosts;
  private final CorePools pools;
  private final Map<Integer, HostCompliance> byIndex = new LinkedHashMap<>();
  private final List<ReportLine> lines = new ArrayList<>();

  private CoreAllocation(List<Host> hosts, List<CoreEntitlement> entitlements) {
    this.hosts = hosts;
    this.pools = new CorePools(entitlements);
  }

  /** Allocates to the per-core hosts of {@code hosts}; Essentials hosts are left out. */
  static Result allocate(List<Host> hosts, List<CoreEntitlement> entitlements) {
    return new CoreAllocation(hosts, entitlements).run();
  }

  private Result run() {
    for (int index : order(ServerEdition.DATACENTER, inputOrder())) {
      assign(index, ServerEdition.DATACENTER);
    }
    for (int index : order(ServerEdition.STANDARD, largestSavingFirst())) {
      Host host = hosts.get(index);
      CoreRequirement onDatacenterTerms = CoreRules.requirement(host, ServerEdition.DATACENTER);
      if (pools.available(ServerEdition.DATACENTER, host.version())
          >= onDatacenterTerms.required()) {
        assign(index, ServerEdition.DATACENTER);
      }
    }
    for (int index : order(ServerEdition.STANDARD, inputOrder())) {
      if (!byIndex.containsKey(index)) {
        assign(index, ServerEdition.STANDARD);
      }
    }
    List<HostCompliance> inInputOrder =
        IntStream.range(0, hosts.size())
            .filter(byIndex::containsKey)
            .mapToObj(byIndex::get)
            .toList();
    return new Result(inInputOrder, pools, lines);
  }

  /** Covers the host with licenses of {@code terms}, the edition whose rules it is counted by. */
  private void assign(int index, ServerEdition terms) {
    Host host = hosts.get(index);
    CoreRequirement requirement = CoreRules.requirement(host, terms);
    List<CoreAssignment> taken = pools.take(terms, host.version(), requirement.required());
    int covered = taken.stream().mapToInt(CoreAssignment::licenses).sum();
    byIndex.put(
        index,
        new HostCompliance(
            host.name(),
            host.edition(),
            host.version(),
            terms,
            requirement.required(),
            covered,
            taken));
    explain(host, terms, requirement, taken, covered);
  }

  private void explain(
      Host host,
      ServerEdition terms,
      CoreRequirement requirement,
      List<CoreAssignment> taken,
      int covered) {
    if (terms != host.edition()) {
      CoreRequirement own = CoreRules.requirement(host);
      lines.add(
          new ReportLine(
              Rule.DOWN_EDITION,
              String.format(
                  "%s: Datacenter licenses left after the Datacenter hosts cover this %s %s host"
                      + " on Datacenter terms: one coverage of %d, unlimited VMs (on Standard"
                      + " terms its %d VMs would need %d)",
                  host.name(),
                  host.edition().id(),
                  host.version(),
                  requirement.required(),
                  host.vms(),
                  own.required())));
    }
    for (CoreAssignment assignment : taken) {
      if (!assignment.version().equals(host.version())) {
        lines.add(
            new ReportLine(
                Rule.DOWNGRADE,
                String.format(
                    "%s: %d %s %s licenses cover version %s by downgrade rights (%s >= %s)",
                    host.name(),
                    assignment.licenses(),
                    assignment.edition().id(),
                    assignment.version(),
                    host.version(),
                    assignment.version(),
                    host.version())));
      }
    }
    String from =
        taken.isEmpty()
            ? "no license that may cover it is left"
            : String.join(" + ", taken.stream().map(CoreAssignment::toString).toList());
    lines.add(
        new ReportLine(
            Rule.ALLOCATION,
            String.format(
                "%s: %s -> covered %d of %d, shortfall %d",
                host.name(),
                from,
                covered,
                requirement.required(),
                requirement.required() - covered)));
  }

  /** Indices of the hosts of {@code edition}: newest version first, then {@code then}. */
  private List<Integer> order(ServerEdition edition, Comparator<Integer> then) {
    Comparator<Integer> newestFirst =
        Comparator.comparing((Integer i) -> hosts.get(i).version()).reversed();
    return IntStream.range(0, hosts.size())
        .filter(i -> hosts.get(i).edition() == edition)
        .boxed()
        .sorted(newestFirst.thenComparing(then))
        .toList();
  }

  private static Comparator<Integer> inputOrder() {
    return Comparator.naturalOrder();
  }

  /**
   * Standard hosts whose Standard terms need the most beyond one coverage gain most from Datacenter
   * terms; ties in input order.
   */
  private Comparator<Integer> largestSavingFirst() {
    Comparator<Integer> saving =
        Comparator.comparingInt(
            i -> {
              CoreRequirement own = CoreRules.requirement(hosts.get(i));
              return own.required() - own.licensesPerCoverage();
            });
    return saving.reversed().thenComparing(inputOrder());
  }
}
