package dev.keyward.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Computes a {@link ComplianceReport} from an input: per-host core requirements, the pooled
 * allocation of core licenses, Essentials limits, Windows Server and RDS CALs, and the cheapest
 * purchase closing every shortfall. Pure: the same input always gives the same report, lines
 * included.
 */
public final class ComplianceReporter {
  private ComplianceReporter() {}

  public static ComplianceReport report(ComplianceInput input) {
    List<ReportLine> lines = new ArrayList<>();
    List<Host> perCore = input.hosts().stream().filter(h -> h.edition().licensedPerCore()).toList();

    for (Host host : perCore) {
      explainRequirement(host, lines);
    }
    explainHeld(input.coreEntitlements(), lines);
    CoreAllocation.Result allocation = CoreAllocation.allocate(perCore, input.coreEntitlements());
    lines.addAll(allocation.lines());
    explainUncoverable(allocation, lines);

    List<LimitBreach> breaches = new ArrayList<>();
    for (Host host : input.hosts()) {
      if (host.edition() == ServerEdition.ESSENTIALS) {
        breaches.addAll(EssentialsRules.check(host, input.access(), lines));
      }
    }

    CalCompliance cal =
        CalRules.evaluate(
            CalKind.SERVER, input.access(), perCore, input.calEntitlements(CalKind.SERVER), lines);
    // Which hosts run Remote Desktop Services is not in the input: any of them may, so the newest
    // host sets the RDS CAL version.
    CalCompliance rds =
        CalRules.evaluate(
            CalKind.RDS, input.rds(), input.hosts(), input.calEntitlements(CalKind.RDS), lines);

    List<HostCompliance> hosts = hostsInInputOrder(input.hosts(), allocation.hosts());
    List<Purchase> purchase =
        PurchasePlanner.plan(input, perCore, allocation.hosts(), List.of(cal, rds), lines);

    boolean compliant =
        hosts.stream().allMatch(h -> h.shortfall() == 0)
            && cal.shortfall() == 0
            && rds.shortfall() == 0
            && breaches.isEmpty();
    lines.add(verdict(compliant, hosts, cal, rds, breaches));
    return new ComplianceReport(compliant, hosts, cal, rds, breaches, purchase, lines);
  }

  private static void explainRequirement(Host host, List<ReportLine> lines) {
    CoreRequirement requirement = CoreRules.requirement(host);
    int minimum = host.processors() * CoreRules.MIN_PER_PROCESSOR;
    String processors = host.processors() == 1 ? "processor" : "processors";
    lines.add(
        line(
            Rule.CORE_MINIMUMS,
            "%s: %d %s x %d cores = %d cores; minimum 8 per processor (%d x 8 = %d) and 16 per"
                + " server, in steps of 2 -> %d core licenses per coverage",
            host.name(),
            host.processors(),
            processors,
            host.coresPerProcessor(),
            host.physicalCores(),
            host.processors(),
            minimum,
            requirement.licensesPerCoverage()));
    if (host.edition() == ServerEdition.STANDARD) {
      lines.add(
          line(
              Rule.STANDARD_VMS,
              "%s: %d VMs on Standard need %d %s (2 OSEs each; the physical OSE that only hosts"
                  + " them is not counted) -> %d x %d = %d",
              host.name(),
              host.vms(),
              requirement.coverages(),
              requirement.coverages() == 1 ? "coverage" : "coverages",
              requirement.coverages(),
              requirement.licensesPerCoverage(),
              requirement.required()));
    } else {
      lines.add(
          line(
              Rule.DATACENTER_VMS,
              "%s: %d VMs on Datacenter need one coverage -> %d",
              host.name(),
              host.vms(),
              requirement.required()));
    }
  }

  private static void explainHeld(List<CoreEntitlement> held, List<ReportLine> lines) {
    Map<String, long[]> pools = new TreeMap<>();
    for (CoreEntitlement entitlement : held) {
      long[] packs =
          pools.computeIfAbsent(
              entitlement.edition().id() + " " + entitlement.version(), k -> new long[2]);
      packs[0] += entitlement.packs16();
      packs[1] += entitlement.packs2();
    }
    pools.forEach(
        (pool, packs) ->
            lines.add(
                line(
                    Rule.ENTITLEMENTS,
                    "held: %s: %d x 16-core + %d x 2-core = %d core licenses",
                    pool,
                    packs[0],
                    packs[1],
                    16 * packs[0] + 2 * packs[1])));
  }

  /**
   * For each short host, says why licenses left over do not help, so an auditor does not wonder why
   * a spare pool was not used.
   */
  private static void explainUncoverable(CoreAllocation.Result allocation, List<ReportLine> lines) {
    Map<ServerEdition, NavigableMap<ServerVersion, Long>> left = allocation.leftover().remaining();
    for (HostCompliance host : allocation.hosts()) {
      if (host.shortfall() == 0) {
        continue;
      }
      left.getOrDefault(host.edition(), new TreeMap<>())
          .headMap(host.version(), false)
          .forEach(
              (version, count) -> {
                if (count > 0) {
                  lines.add(
                      line(
                          Rule.DOWNGRADE,
                          "%s: %d %s %s licenses left do not cover it: version %s is older"
                              + " than %s",
                          host.name(),
                          count,
                          host.edition().id(),
                          version,
                          version,
                          host.version()));
                }
              });
      if (host.edition() == ServerEdition.DATACENTER) {
        long standard =
            left.getOrDefault(ServerEdition.STANDARD, new TreeMap<>()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        if (standard > 0) {
          lines.add(
              line(
                  Rule.DOWN_EDITION,
                  "%s: %d ServerStandard licenses left do not cover it: a Standard license"
                      + " never covers a Datacenter host",
                  host.name(),
                  standard));
        }
      }
    }
    left.forEach(
        (edition, pools) ->
            pools.forEach(
                (version, count) -> {
                  if (count > 0) {
                    lines.add(
                        line(
                            Rule.ALLOCATION,
                            "unused: %d %s %s core licenses",
                            count,
                            edition.id(),
                            version));
                  }
                }));
  }

  private static List<HostCompliance> hostsInInputOrder(
      List<Host> hosts, List<HostCompliance> perCore) {
    List<HostCompliance> all = new ArrayList<>();
    int next = 0;
    for (Host host : hosts) {
      if (host.edition().licensedPerCore()) {
        all.add(perCore.get(next++));
      } else {
        all.add(
            new HostCompliance(
                host.name(), host.edition(), host.version(), host.edition(), 0, 0, List.of()));
      }
    }
    return all;
  }

  private static ReportLine verdict(
      boolean compliant,
      List<HostCompliance> hosts,
      CalCompliance cal,
      CalCompliance rds,
      List<LimitBreach> breaches) {
    long shortHosts = hosts.stream().filter(h -> h.shortfall() > 0).count();
    return line(
        Rule.VERDICT,
        "%s: %d of %d hosts short of core licenses, CAL shortfall %d, RDS CAL shortfall %d, %d"
            + " limits broken",
        compliant ? "compliant" : "not compliant",
        shortHosts,
        hosts.size(),
        cal.shortfall(),
        rds.shortfall(),
        breaches.size());
  }

  private static ReportLine line(Rule rule, String format, Object... args) {
    return new ReportLine(rule, String.format(format, args));
  }
}
