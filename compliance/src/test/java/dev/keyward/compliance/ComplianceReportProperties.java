package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ComplianceReportProperties {

  @Property(tries = 500)
  void buyingThePurchaseLeavesNothingShort(@ForAll("inventories") ComplianceInput input) {
    ComplianceReport report = ComplianceReporter.report(input);

    ComplianceReport after = ComplianceReporter.report(withPurchase(input, report.purchase()));

    assertThat(after.hosts()).allSatisfy(host -> assertThat(host.shortfall()).isZero());
    assertThat(after.cal().shortfall()).isZero();
    assertThat(after.rds().shortfall()).isZero();
    assertThat(after.purchase()).isEmpty();
    // only an Essentials limit, which no pack raises, can keep it out of compliance
    assertThat(after.compliant()).isEqualTo(report.breaches().isEmpty());
    assertThat(after.breaches()).isEqualTo(report.breaches());
  }

  @Property(tries = 300)
  void everyPackOfThePurchaseIsNeeded(@ForAll("inventories") ComplianceInput input) {
    List<Purchase> purchase = ComplianceReporter.report(input).purchase();

    for (int i = 0; i < purchase.size(); i++) {
      List<Purchase> oneLess = new ArrayList<>(purchase);
      Purchase line = purchase.get(i);
      if (line.quantity() == 1) {
        oneLess.remove(i);
      } else {
        oneLess.set(i, new Purchase(line.pack(), line.quantity() - 1));
      }
      ComplianceReport after = ComplianceReporter.report(withPurchase(input, oneLess));
      boolean nothingShort =
          after.hosts().stream().allMatch(h -> h.shortfall() == 0)
              && after.cal().shortfall() == 0
              && after.rds().shortfall() == 0;
      assertThat(nothingShort).as("one %s less still leaves nothing short", line.pack()).isFalse();
    }
  }

  @Property(tries = 500)
  void assignmentsRespectCoverageRequirementsAndWhatIsHeld(
      @ForAll("inventories") ComplianceInput input) {
    ComplianceReport report = ComplianceReporter.report(input);

    Map<String, Long> assigned = new HashMap<>();
    for (int i = 0; i < input.hosts().size(); i++) {
      Host host = input.hosts().get(i);
      HostCompliance position = report.hosts().get(i);
      assertThat(position.name()).isEqualTo(host.name());
      if (!host.edition().licensedPerCore()) {
        assertThat(position.licensedAs()).isEqualTo(ServerEdition.ESSENTIALS);
        assertThat(position.requiredCoreLicenses()).isZero();
        assertThat(position.assignments()).isEmpty();
        continue;
      }
      assertThat(position.licensedAs())
          .isIn(
              host.edition(),
              host.edition() == ServerEdition.STANDARD ? ServerEdition.DATACENTER : host.edition());
      assertThat(position.requiredCoreLicenses())
          .isEqualTo(CoreRules.requirement(host, position.licensedAs()).required());
      assertThat(position.coveredCoreLicenses())
          .isEqualTo(position.assignments().stream().mapToInt(CoreAssignment::licenses).sum());
      for (CoreAssignment assignment : position.assignments()) {
        assertThat(assignment.edition()).isEqualTo(position.licensedAs());
        assertThat(
                CoverageRules.coreLicenseCovers(
                    assignment.edition(), assignment.version(), host.edition(), host.version()))
            .as("%s covers %s", assignment, host)
            .isTrue();
        assigned.merge(
            assignment.edition() + " " + assignment.version(),
            (long) assignment.licenses(),
            Long::sum);
      }
    }
    Map<String, Long> held = new HashMap<>();
    for (CoreEntitlement entitlement : input.coreEntitlements()) {
      held.merge(
          entitlement.edition() + " " + entitlement.version(),
          entitlement.coreLicenses(),
          Long::sum);
    }
    assigned.forEach(
        (pool, count) -> assertThat(count).as(pool).isLessThanOrEqualTo(held.get(pool)));
  }

  @Property(tries = 300)
  void theVerdictFollowsTheNumbers(@ForAll("inventories") ComplianceInput input) {
    ComplianceReport report = ComplianceReporter.report(input);

    boolean nothingShort =
        report.hosts().stream().allMatch(h -> h.shortfall() == 0)
            && report.cal().shortfall() == 0
            && report.rds().shortfall() == 0;
    assertThat(report.compliant()).isEqualTo(nothingShort && report.breaches().isEmpty());
    assertThat(report.linesOf(Rule.VERDICT)).hasSize(1);
    assertThat(ComplianceReporter.report(input)).isEqualTo(report);
  }

  // --- generators --------------------------------------------------------------------------

  private static final List<Integer> VERSIONS = List.of(2019, 2022, 2025);

  @Provide
  Arbitrary<ComplianceInput> inventories() {
    Arbitrary<List<Host>> hosts =
        host().list().ofMinSize(0).ofMaxSize(5).map(ComplianceReportProperties::named);
    Arbitrary<List<Entitlement>> entitlements =
        Arbitraries.oneOf(coreEntitlement(), calEntitlement()).list().ofMaxSize(6);
    Arbitrary<AccessCounts> access = counts(60); // crosses the Essentials limits (25, 50)
    Arbitrary<AccessCounts> rds =
        Arbitraries.oneOf(Arbitraries.just(AccessCounts.NONE), counts(15));
    Arbitrary<PackPrices> prices =
        Arbitraries.oneOf(
            Arbitraries.just(PackPrices.EQUAL_PER_CORE),
            Combinators.combine(packPrice(), packPrice())
                .as(
                    (standard, datacenter) ->
                        new PackPrices(
                            Map.of(
                                ServerEdition.STANDARD, standard,
                                ServerEdition.DATACENTER, datacenter))));
    return Combinators.combine(hosts, access, rds, entitlements, prices).as(ComplianceInput::new);
  }

  private static Arbitrary<PackPrice> packPrice() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 12))
        .as(PackPrice::of);
  }

  private static Arbitrary<Host> host() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 24),
            Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(ServerEdition.STANDARD)),
                Tuple.of(4, Arbitraries.just(ServerEdition.DATACENTER)),
                Tuple.of(1, Arbitraries.just(ServerEdition.ESSENTIALS))),
            Arbitraries.of(VERSIONS),
            Arbitraries.integers().between(0, 12))
        .as(
            (processors, cores, edition, version, vms) ->
                new Host("h", processors, cores, edition, ServerVersion.of(version), vms));
  }

  private static List<Host> named(List<Host> hosts) {
    List<Host> named = new ArrayList<>();
    for (Host host : hosts) {
      named.add(
          new Host(
              "h" + named.size(),
              host.processors(),
              host.coresPerProcessor(),
              host.edition(),
              host.version(),
              host.vms()));
    }
    return named;
  }

  private static Arbitrary<Entitlement> coreEntitlement() {
    return Combinators.combine(
            Arbitraries.of(ServerEdition.STANDARD, ServerEdition.DATACENTER),
            Arbitraries.of(VERSIONS),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 12))
        .as(
            (edition, version, p16, p2) ->
                new CoreEntitlement(edition, ServerVersion.of(version), p16, p2));
  }

  private static Arbitrary<Entitlement> calEntitlement() {
    return Combinators.combine(
            Arbitraries.of(CalKind.class),
            Arbitraries.of(CalType.class),
            Arbitraries.of(VERSIONS),
            Arbitraries.integers().between(0, 40))
        .as(
            (kind, type, version, quantity) ->
                new CalEntitlement(kind, type, ServerVersion.of(version), quantity));
  }

  private static Arbitrary<AccessCounts> counts(int max) {
    return Combinators.combine(
            Arbitraries.integers().between(0, max), Arbitraries.integers().between(0, max))
        .as(AccessCounts::new);
  }

  // --- purchases back into entitlements ------------------------------------------------------

  private static ComplianceInput withPurchase(ComplianceInput input, List<Purchase> purchase) {
    List<Entitlement> entitlements = new ArrayList<>(input.entitlements());
    for (Purchase line : purchase) {
      entitlements.add(asEntitlement(line));
    }
    return new ComplianceInput(
        input.hosts(), input.access(), input.rds(), entitlements, input.prices());
  }

  /**
   * Reads a pack name the way a buyer would: "ServerStandard 2019 16-core", "RDS User CAL 2022".
   */
  private static Entitlement asEntitlement(Purchase line) {
    String[] words = line.pack().split(" ");
    int quantity = Math.toIntExact(line.quantity());
    if (words[words.length - 1].endsWith("-core")) {
      ServerEdition edition = ServerEdition.fromId(words[0]).orElseThrow();
      ServerVersion version = ServerVersion.parse(words[1]).orElseThrow();
      return words[2].equals("16-core")
          ? new CoreEntitlement(edition, version, quantity, 0)
          : new CoreEntitlement(edition, version, 0, quantity);
    }
    boolean rds = words[0].equals("RDS");
    CalType type = CalType.fromName(words[rds ? 1 : 0]).orElseThrow();
    ServerVersion version = ServerVersion.parse(words[words.length - 1]).orElseThrow();
    return new CalEntitlement(rds ? CalKind.RDS : CalKind.SERVER, type, version, quantity);
  }
}
