package dev.keyward.compliance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cheapest packs that close every shortfall.
 *
 * <p>Core packs are chosen per edition, for the edition's total shortfall, and bought at the newest
 * version short in that edition. A newer licence covers older hosts of the edition (downgrade) and
 * costs the same here (prices are per edition), so one set of packs at the newest version is never
 * dearer than sets per version: a 2022 shortfall of 24 and a 2019 one of 8 are two 16-core 2022
 * packs, not a 16-core, four 2-core and four more 2-core packs. After the allocation, whoever is
 * short can use any licence of a version at least their own, so the total is all that matters.
 *
 * <p>Datacenter packs are chosen first: what they leave over (packs come in steps of 2 and 16) may
 * cover a whole Standard host on Datacenter terms, so the Standard shortfall is taken from the
 * allocation rerun with the Datacenter packs bought.
 *
 * <p>CALs and RDS CALs are bought one per missing user or device, at the version the requirement
 * names (the lowest that covers every server accessed).
 */
final class PurchasePlanner {
  private final ComplianceInput input;
  private final List<Host> perCore;
  private final List<ReportLine> lines;
  private final List<Purchase> purchases = new ArrayList<>();

  private PurchasePlanner(ComplianceInput input, List<Host> perCore, List<ReportLine> lines) {
    this.input = input;
    this.perCore = perCore;
    this.lines = lines;
  }

  static List<Purchase> plan(
      ComplianceInput input,
      List<Host> perCore,
      List<HostCompliance> allocated,
      List<CalCompliance> access,
      List<ReportLine> lines) {
    PurchasePlanner planner = new PurchasePlanner(input, perCore, lines);
    List<CoreEntitlement> bought = planner.buyCores(ServerEdition.DATACENTER, allocated);
    List<HostCompliance> standardPositions = allocated;
    if (!bought.isEmpty() && hasShort(allocated, ServerEdition.STANDARD)) {
      List<CoreEntitlement> withBought = new ArrayList<>(input.coreEntitlements());
      withBought.addAll(bought);
      standardPositions = CoreAllocation.allocate(perCore, withBought).hosts();
      planner.explainSwitched(allocated, standardPositions);
    }
    planner.buyCores(ServerEdition.STANDARD, standardPositions);
    for (CalCompliance cal : access) {
      planner.buyCals(cal);
    }
    return List.copyOf(planner.purchases);
  }

  private static boolean hasShort(List<HostCompliance> hosts, ServerEdition edition) {
    return hosts.stream().anyMatch(h -> h.licensedAs() == edition && h.shortfall() > 0);
  }

  private List<CoreEntitlement> buyCores(ServerEdition edition, List<HostCompliance> positions) {
    List<HostCompliance> shortHosts =
        positions.stream().filter(h -> h.licensedAs() == edition && h.shortfall() > 0).toList();
    if (shortHosts.isEmpty()) {
      return List.of();
    }
    long shortfall = shortHosts.stream().mapToLong(HostCompliance::shortfall).sum();
    ServerVersion newest =
        shortHosts.stream().map(HostCompliance::version).max(Comparator.naturalOrder()).get();
    PackPrice price = input.prices().of(edition);
    PackChoice choice = CheapestPacks.cheapest(shortfall, price);
    if (choice.sixteenCorePacks() > 0) {
      purchases.add(
          new Purchase(Purchase.corePack(edition, newest, 16), choice.sixteenCorePacks()));
    }
    if (choice.twoCorePacks() > 0) {
      purchases.add(new Purchase(Purchase.corePack(edition, newest, 2), choice.twoCorePacks()));
    }
    List<String> who =
        shortHosts.stream().map(h -> h.name() + " " + h.version() + ": " + h.shortfall()).toList();
    lines.add(
        new ReportLine(
            Rule.CHEAPEST_PACKS,
            String.format(
                "%s: %d core licenses short (%s) -> %d x 16-core + %d x 2-core of %s = %d licenses"
                    + " for %s (a 16-core pack at %s, a 2-core pack at %s)",
                edition.id(),
                shortfall,
                String.join(", ", who),
                choice.sixteenCorePacks(),
                choice.twoCorePacks(),
                newest,
                choice.coreLicenses(),
                plain(choice.price()),
                plain(price.sixteenCore()),
                plain(price.twoCore()))));
    if (shortHosts.stream().anyMatch(h -> !h.version().equals(newest))) {
      lines.add(
          new ReportLine(
              Rule.DOWNGRADE,
              String.format(
                  "%s packs are bought at %s, the newest version short: they cover the older hosts"
                      + " too, at the same price",
                  edition.id(), newest)));
    }
    List<CoreEntitlement> bought = new ArrayList<>();
    if (choice.packs() > 0) {
      bought.add(
          new CoreEntitlement(
              edition,
              newest,
              Math.toIntExact(choice.sixteenCorePacks()),
              Math.toIntExact(choice.twoCorePacks())));
    }
    return bought;
  }

  private void explainSwitched(List<HostCompliance> before, List<HostCompliance> after) {
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).licensedAs() != after.get(i).licensedAs()) {
        lines.add(
            new ReportLine(
                Rule.DOWN_EDITION,
                String.format(
                    "%s: with the Datacenter packs above, the Datacenter licenses left over cover it"
                        + " on Datacenter terms (%d), so no Standard pack is bought for it",
                    after.get(i).name(), after.get(i).requiredCoreLicenses())));
      }
    }
  }

  private void buyCals(CalCompliance cal) {
    if (cal.shortfall() == 0) {
      return;
    }
    String pack = cal.kind().packName(cal.type().orElseThrow(), cal.version().orElseThrow());
    purchases.add(new Purchase(pack, cal.shortfall()));
    lines.add(
        new ReportLine(
            cal.kind() == CalKind.SERVER ? Rule.CAL_COUNT : Rule.RDS_CAL,
            String.format(
                "%s: %d short -> %d x %s",
                cal.kind().label(), cal.shortfall(), cal.shortfall(), pack)));
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
