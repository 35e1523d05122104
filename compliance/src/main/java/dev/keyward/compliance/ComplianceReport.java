package dev.keyward.compliance;

import java.util.List;
import java.util.Objects;

/**
 * What is required, what is covered, the shortfall and the cheapest packs that close it, each line
 * with the rule behind it (SPEC section 13).
 *
 * @param compliant every host, CAL and RDS CAL requirement covered and no limit broken
 * @param breaches limits no purchase fixes (Essentials users and devices)
 * @param purchase the cheapest packs closing every shortfall; empty when nothing is short
 * @param lines the evidence, in reading order
 */
public record ComplianceReport(
    boolean compliant,
    List<HostCompliance> hosts,
    CalCompliance cal,
    CalCompliance rds,
    List<LimitBreach> breaches,
    List<Purchase> purchase,
    List<ReportLine> lines) {
  public ComplianceReport {
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(cal, "cal");
    Objects.requireNonNull(rds, "rds");
    breaches = List.copyOf(breaches);
    purchase = List.copyOf(purchase);
    lines = List.copyOf(lines);
  }

  /** The lines a rule produced, in report order. */
  public List<ReportLine> linesOf(Rule rule) {
    return lines.stream().filter(line -> line.rule() == rule).toList();
  }
}
