package dev.keyward.compliance;

import java.util.List;
import java.util.Objects;

/**
 * What a compliance report is computed from: the inventory (hosts, who reaches them) and the
 * entitlements held, plus the prices used to pick the cheapest packs. The YAML form is the one of
 * SPEC section 13 with an optional {@code prices:} section:
 *
 * <pre>{@code
 * prices:
 *   ServerStandard: {packs16: 800, packs2: 100}
 *   ServerDatacenter: {packs16: 4800}      # packs2 left out: same price per core
 * }</pre>
 *
 * @param rds Remote Desktop Services users and devices ({@link AccessCounts#NONE} when absent)
 */
public record ComplianceInput(
    List<Host> hosts,
    AccessCounts access,
    AccessCounts rds,
    List<Entitlement> entitlements,
    PackPrices prices) {
  public ComplianceInput {
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(rds, "rds");
    entitlements = List.copyOf(entitlements);
    Objects.requireNonNull(prices, "prices");
  }

  /**
   * Reads an input file's text. Never throws on bad input: every problem found (not only the first)
   * comes back with the file name, the 1-based line and the field path.
   *
   * @param yaml the file's text
   * @param fileName how problems name the file
   */
  public static ParseOutcome parse(String yaml, String fileName) {
    return new ComplianceInputParser(fileName).parse(yaml);
  }

  public List<CoreEntitlement> coreEntitlements() {
    return entitlements.stream()
        .filter(CoreEntitlement.class::isInstance)
        .map(CoreEntitlement.class::cast)
        .toList();
  }

  public List<CalEntitlement> calEntitlements(CalKind kind) {
    return entitlements.stream()
        .filter(CalEntitlement.class::isInstance)
        .map(CalEntitlement.class::cast)
        .filter(cal -> cal.kind() == kind)
        .toList();
  }
}
