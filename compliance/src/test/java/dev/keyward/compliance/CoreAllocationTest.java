package dev.keyward.compliance;

import static dev.keyward.compliance.Inputs.host;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-host requirements and the assignment of pooled core licenses, through whole reports. */
class CoreAllocationTest {

  private static ComplianceReport report(String hosts, String entitlements) {
    return Inputs.report(
        "hosts:\n"
            + hosts
            + "access: {users: 0, devices: 0}\nentitlements:\n"
            + (entitlements.isEmpty() ? "  []\n" : entitlements));
  }

  private static String cores(String edition, int version, int packs16, int packs2) {
    return String.format(
        "  - {kind: cores, edition: %s, version: \"%d\", packs16: %d, packs2: %d}%n",
        edition, version, packs16, packs2);
  }

  @ParameterizedTest(name = "{0} x {1} {2} with {3} VMs requires {4}")
  @CsvSource({
    "1, 4, ServerStandard, 0, 16",
    "2, 6, ServerStandard, 0, 16",
    "2, 10, ServerStandard, 1, 20",
    "1, 17, ServerStandard, 2, 18",
    "1, 16, ServerStandard, 3, 32",
    "2, 16, ServerDatacenter, 40, 32",
    "2, 12, ServerStandard, 5, 72",
    "2, 12, ServerStandardCor, 6, 72",
    "2, 12, ServerStandard, 7, 96"
  })
  void requiredCoreLicenses(int processors, int cores, String edition, int vms, int required) {
    ComplianceReport report = report(host("h", processors, cores, edition, 2019, vms), "");

    HostCompliance host = report.hosts().get(0);
    assertThat(host.requiredCoreLicenses()).isEqualTo(required);
    assertThat(host.coveredCoreLicenses()).isZero();
    assertThat(host.shortfall()).isEqualTo(required);
    assertThat(report.compliant()).isFalse();
  }

  @Test
  void exactlyEnoughIsCompliantAndTwoLessIsNot() {
    String host = host("h", 1, 16, "ServerStandard", 2019, 3);

    assertThat(report(host, cores("ServerStandard", 2019, 2, 0)).compliant()).isTrue();
    ComplianceReport short2 = report(host, cores("ServerStandard", 2019, 1, 7));
    assertThat(short2.compliant()).isFalse();
    assertThat(short2.hosts().get(0).shortfall()).isEqualTo(2);
  }

  @Test
  void newerLicensesCoverAnOlderHostByDowngrade() {
    ComplianceReport report =
        report(host("h", 1, 16, "ServerStandard", 2019, 2), cores("ServerStandard", 2022, 1, 0));

    assertThat(report.compliant()).isTrue();
    assertThat(report.hosts().get(0).assignments())
        .containsExactly(new CoreAssignment(ServerEdition.STANDARD, ServerVersion.of(2022), 16));
    assertThat(report.linesOf(Rule.DOWNGRADE))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).contains("2022").contains("2019"));
  }

  @Test
  void olderLicensesDoNotCoverANewerHost() {
    ComplianceReport report =
        report(host("h", 1, 16, "ServerStandard", 2022, 2), cores("ServerStandard", 2019, 1, 0));

    assertThat(report.compliant()).isFalse();
    assertThat(report.hosts().get(0).coveredCoreLicenses()).isZero();
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2022 16-core", 1));
    assertThat(report.linesOf(Rule.DOWNGRADE))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).contains("2019 is older than 2022"));
  }

  @Test
  void standardLicensesNeverCoverADatacenterHost() {
    ComplianceReport report =
        report(host("dc", 1, 16, "ServerDatacenter", 2019, 0), cores("ServerStandard", 2025, 4, 0));

    assertThat(report.hosts().get(0).shortfall()).isEqualTo(16);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerDatacenter 2019 16-core", 1));
    assertThat(report.linesOf(Rule.DOWN_EDITION))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).contains("never covers a Datacenter host"));
  }

  @Test
  void datacenterLicensesCoverAWholeStandardHostOnDatacenterTerms() {
    // 6 VMs on Standard would need 3 coverages (48); Datacenter terms need one (16).
    ComplianceReport report =
        report(
            host("std", 1, 16, "ServerStandard", 2019, 6), cores("ServerDatacenter", 2022, 1, 0));

    HostCompliance host = report.hosts().get(0);
    assertThat(report.compliant()).isTrue();
    assertThat(host.licensedAs()).isEqualTo(ServerEdition.DATACENTER);
    assertThat(host.requiredCoreLicenses()).isEqualTo(16);
    assertThat(report.linesOf(Rule.DOWN_EDITION))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).contains("would need 48"));
  }

  @Test
  void datacenterLeftoverGoesToTheStandardHostItSavesMostOn() {
    // Both need one 16-license coverage on Datacenter terms; on Standard terms "busy" (6 VMs)
    // needs 48 and "quiet" 16, so the leftover goes to "busy" although "quiet" is listed first.
    ComplianceReport report =
        report(
            host("quiet", 1, 16, "ServerStandard", 2019, 0)
                + host("busy", 1, 16, "ServerStandard", 2019, 6),
            cores("ServerDatacenter", 2019, 1, 0));

    assertThat(report.hosts())
        .extracting(HostCompliance::licensedAs, HostCompliance::shortfall)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ServerEdition.STANDARD, 16),
            org.assertj.core.groups.Tuple.tuple(ServerEdition.DATACENTER, 0));
  }

  @Test
  void datacenterLicensesAreNotSplitAcrossEditionsOnOneHost() {
    // 8 Datacenter licenses cannot complete a 16-core Standard host: it stays on Standard terms.
    ComplianceReport report =
        report(
            host("std", 1, 16, "ServerStandard", 2019, 2),
            cores("ServerDatacenter", 2022, 0, 4) + cores("ServerStandard", 2019, 0, 4));

    HostCompliance host = report.hosts().get(0);
    assertThat(host.licensedAs()).isEqualTo(ServerEdition.STANDARD);
    assertThat(host.coveredCoreLicenses()).isEqualTo(8);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2019 2-core", 4));
  }

  @Test
  void datacenterHostsAreServedBeforeStandardHostsGetTheLeftover() {
    // Listed first, the Standard host would take the 16 Datacenter licenses if order were input
    // order; the Datacenter host, which nothing else can cover, gets them.
    ComplianceReport report =
        report(
            host("std", 1, 16, "ServerStandard", 2022, 0)
                + host("dc", 1, 16, "ServerDatacenter", 2019, 4),
            cores("ServerDatacenter", 2022, 1, 0));

    assertThat(report.hosts())
        .extracting(HostCompliance::name, HostCompliance::licensedAs, HostCompliance::shortfall)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("std", ServerEdition.STANDARD, 16),
            org.assertj.core.groups.Tuple.tuple("dc", ServerEdition.DATACENTER, 0));
  }

  @Test
  void entitlementsOfOneEditionAndVersionArePooledAcrossHosts() {
    // two entitlements (16 + 8 x 2) pooled: 32 licenses for two 16-core hosts
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerStandard", 2019, 0)
                + host("b", 2, 4, "ServerStandard", 2019, 1),
            cores("ServerStandard", 2019, 1, 0) + cores("ServerStandard", 2019, 0, 8));

    assertThat(report.compliant()).isTrue();
    assertThat(report.linesOf(Rule.ENTITLEMENTS))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).contains("1 x 16-core + 8 x 2-core = 32"));
  }

  @Test
  void theNewestLicensesGoToTheNewestHostAndTheOlderHostIsBoughtForAtItsVersion() {
    // Either host could take the only 2022 pack; the 2022 host, which no 2019 pack could cover,
    // gets it, so the purchase is at the older host's version.
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerStandard", 2019, 0)
                + host("b", 1, 16, "ServerStandard", 2022, 0),
            cores("ServerStandard", 2022, 1, 0));

    assertThat(report.hosts()).extracting(HostCompliance::shortfall).containsExactly(16, 0);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2019 16-core", 1));
  }

  @Test
  void eachHostGetsThePoolOfItsOwnVersionWhenThereIsOne() {
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerStandard", 2019, 0)
                + host("b", 1, 16, "ServerStandard", 2022, 0),
            cores("ServerStandard", 2022, 1, 0) + cores("ServerStandard", 2019, 1, 0));

    assertThat(report.compliant()).isTrue();
    assertThat(report.hosts())
        .extracting(h -> h.assignments().get(0).version().year())
        .containsExactly(2019, 2022);
  }

  @Test
  void aHostDrawsFromTheOldestPoolThatMayCoverIt() {
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerStandard", 2019, 0),
            cores("ServerStandard", 2025, 1, 0)
                + cores("ServerStandard", 2022, 0, 4)
                + cores("ServerStandard", 2019, 0, 2));

    assertThat(report.hosts().get(0).assignments())
        .containsExactly(
            new CoreAssignment(ServerEdition.STANDARD, ServerVersion.of(2019), 4),
            new CoreAssignment(ServerEdition.STANDARD, ServerVersion.of(2022), 8),
            new CoreAssignment(ServerEdition.STANDARD, ServerVersion.of(2025), 4));
    assertThat(report.linesOf(Rule.ALLOCATION))
        .anySatisfy(
            line ->
                assertThat(line.text()).isEqualTo("unused: 12 ServerStandard 2025 core licenses"));
  }

  @Test
  void theSameInputGivesTheSameReport() {
    String hosts =
        host("a", 2, 8, "ServerStandard", 2019, 5)
            + host("b", 1, 20, "ServerDatacenter", 2022, 9)
            + host("c", 1, 12, "ServerStandard", 2022, 1);
    String held = cores("ServerDatacenter", 2025, 2, 3) + cores("ServerStandard", 2022, 1, 1);

    assertThat(report(hosts, held)).isEqualTo(report(hosts, held));
  }

  @Test
  void theRequirementLinesStateTheNumbers() {
    ComplianceReport report = report(host("hv1", 2, 12, "ServerStandard", 2019, 5), "");

    assertThat(report.linesOf(Rule.CORE_MINIMUMS))
        .extracting(ReportLine::text)
        .containsExactly(
            "hv1: 2 processors x 12 cores = 24 cores; minimum 8 per processor (2 x 8 = 16) and 16"
                + " per server, in steps of 2 -> 24 core licenses per coverage");
    assertThat(report.linesOf(Rule.STANDARD_VMS))
        .extracting(ReportLine::text)
        .singleElement()
        .satisfies(
            text ->
                assertThat(text)
                    .contains("5 VMs on Standard need 3 coverages")
                    .endsWith("3 x 24 = 72"));
  }

  @Test
  void everyLineNamesARuleWithAStatement() {
    ComplianceReport report =
        report(host("a", 1, 16, "ServerDatacenter", 2022, 40), cores("ServerStandard", 2019, 1, 0));

    assertThat(report.lines()).isNotEmpty();
    List<ReportLine> lines = report.lines();
    assertThat(lines)
        .allSatisfy(line -> assertThat(line.toString()).contains(line.rule().statement()));
    assertThat(report.linesOf(Rule.DATACENTER_VMS))
        .extracting(ReportLine::text)
        .containsExactly("a: 40 VMs on Datacenter need one coverage -> 16");
  }
}
