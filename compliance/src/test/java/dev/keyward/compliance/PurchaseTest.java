package dev.keyward.compliance;

import static dev.keyward.compliance.Inputs.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurchaseTest {

  private static ComplianceReport report(String hosts, String rest) {
    return Inputs.report("hosts:\n" + hosts + "access: {users: 0, devices: 0}\n" + rest);
  }

  @Test
  void shortfall18IsOneSixteenAndOneTwo() {
    ComplianceReport report = report(host("h", 1, 18, "ServerStandard", 2022, 0), "");

    assertThat(report.purchase())
        .containsExactly(
            new Purchase("ServerStandard 2022 16-core", 1),
            new Purchase("ServerStandard 2022 2-core", 1));
  }

  @Test
  void shortfall14IsSevenTwoCorePacksAtEqualPricePerCore() {
    ComplianceReport report =
        report(
            host("h", 1, 16, "ServerStandard", 2022, 0),
            "entitlements:\n  - {kind: cores, edition: ServerStandard, version: \"2022\", packs2: 1}\n");

    assertThat(report.hosts().get(0).shortfall()).isEqualTo(14);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2022 2-core", 7));
    assertThat(report.linesOf(Rule.CHEAPEST_PACKS))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.text())
                    .contains("14 core licenses short (h 2022: 14)")
                    .contains("0 x 16-core + 7 x 2-core of 2022 = 14 licenses for 14"));
  }

  @Test
  void configuredPricesChangeTheChoice() {
    ComplianceReport report =
        report(
            host("h", 1, 16, "ServerStandard", 2022, 0),
            """
            entitlements:
              - {kind: cores, edition: ServerStandard, version: "2022", packs2: 1}
            prices:
              ServerStandard: {packs16: 700, packs2: 100}
            """);

    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2022 16-core", 1));
  }

  @Test
  void shortfallsOfOneEditionAndVersionArePooled() {
    // 8 + 8 short on two hosts: one 16-core pack, not two sets of 2-core packs
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerDatacenter", 2019, 0)
                + host("b", 1, 16, "ServerDatacenter", 2019, 0),
            "entitlements:\n  - {kind: cores, edition: ServerDatacenter, version: \"2019\", packs2: 8}\n");

    assertThat(report.hosts()).extracting(HostCompliance::shortfall).containsExactly(0, 16);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerDatacenter 2019 16-core", 1));
  }

  @Test
  void eachEditionIsBoughtAtItsNewestShortVersion() {
    ComplianceReport report =
        report(
            host("a", 1, 16, "ServerStandard", 2019, 0)
                + host("b", 1, 16, "ServerStandard", 2022, 0)
                + host("c", 1, 16, "ServerDatacenter", 2019, 0),
            "");

    assertThat(report.purchase())
        .containsExactly(
            new Purchase("ServerDatacenter 2019 16-core", 1),
            new Purchase("ServerStandard 2022 16-core", 2));
    assertThat(report.linesOf(Rule.DOWNGRADE))
        .anySatisfy(
            line -> assertThat(line.text()).contains("bought at 2022, the newest version short"));
  }

  @Test
  void newerPacksRoundedUpCoverOlderHostsInsteadOfBuyingPerVersion() {
    // per version: 24 at 2022 -> 1 x 16 + 4 x 2 (18) and 8 at 2019 -> 4 x 2 (8) = 26;
    // together: 32 -> 2 x 16 (20)
    ComplianceReport report =
        report(
            host("old", 1, 8, "ServerStandard", 2019, 0)
                + host("new", 1, 24, "ServerStandard", 2022, 0),
            """
            entitlements:
              - {kind: cores, edition: ServerStandard, version: "2019", packs2: 4}
            prices:
              ServerStandard: {packs16: 10, packs2: 2}
            """);

    assertThat(report.hosts()).extracting(HostCompliance::shortfall).containsExactly(8, 24);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerStandard 2022 16-core", 2));
  }

  @Test
  void datacenterPacksLeftOverMaySaveAStandardPurchase() {
    // The Datacenter host is short 18; with 2-core packs dear, two 16-core packs (20) beat one of
    // each (30). Their 14 spare plus the 2 spare 2019 Datacenter licenses cover the Standard host
    // (16 cores) on Datacenter terms, so no Standard pack is bought for its 4 VMs.
    ComplianceReport report =
        report(
            host("dc", 1, 18, "ServerDatacenter", 2022, 0)
                + host("std", 1, 16, "ServerStandard", 2019, 4),
            """
            entitlements:
              - {kind: cores, edition: ServerDatacenter, version: "2019", packs2: 1}
            prices:
              ServerDatacenter: {packs16: 10, packs2: 20}
            """);

    assertThat(report.hosts()).extracting(HostCompliance::shortfall).containsExactly(18, 32);
    assertThat(report.purchase()).containsExactly(new Purchase("ServerDatacenter 2022 16-core", 2));
    assertThat(report.linesOf(Rule.DOWN_EDITION))
        .anySatisfy(
            line ->
                assertThat(line.text())
                    .startsWith("std: with the Datacenter packs above")
                    .contains("no Standard pack is bought"));
  }

  @Test
  void nothingShortBuysNothing() {
    ComplianceReport report =
        report(
            host("h", 1, 16, "ServerStandard", 2019, 0),
            "entitlements:\n  - {kind: cores, edition: ServerStandard, version: \"2019\", packs16: 1}\n");

    assertThat(report.compliant()).isTrue();
    assertThat(report.purchase()).isEmpty();
    assertThat(report.linesOf(Rule.CHEAPEST_PACKS)).isEmpty();
    assertThat(report.linesOf(Rule.VERDICT))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).startsWith("compliant"));
  }
}
