package dev.keyward.compliance;

import static dev.keyward.compliance.Inputs.host;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows Server CALs and RDS CALs, through whole reports (core licenses held in full). */
class CalComplianceTest {

  private static ComplianceReport report(
      String hosts, String access, String rds, String entitlements) {
    return Inputs.report(
        "hosts:\n"
            + hosts
            + "access: "
            + access
            + "\nrds: "
            + rds
            + "\nentitlements:\n"
            + "  - {kind: cores, edition: ServerDatacenter, version: \"2025\", packs16: 10}\n"
            + entitlements);
  }

  private static String cal(String kind, String type, int version, int quantity) {
    return String.format(
        "  - {kind: %s, type: %s, version: \"%d\", quantity: %d}%n", kind, type, version, quantity);
  }

  private static final String HOST_2019 = host("srv", 1, 16, "ServerStandard", 2019, 0);
  private static final String HOST_2022 = host("srv22", 1, 16, "ServerStandard", 2022, 0);
  private static final String NO_RDS = "{users: 0, devices: 0}";

  @Test
  void deviceCals2022CoverA2019Server() {
    ComplianceReport report =
        report(HOST_2019, "{users: 0, devices: 25}", NO_RDS, cal("cal", "device", 2022, 25));

    assertThat(report.compliant()).isTrue();
    assertThat(report.cal())
        .isEqualTo(
            new CalCompliance(
                CalKind.SERVER,
                Optional.of(CalType.DEVICE),
                Optional.of(ServerVersion.of(2019)),
                25,
                25));
    assertThat(report.purchase()).isEmpty();
  }

  @Test
  void cals2019DoNotCoverA2022Server() {
    ComplianceReport report =
        report(HOST_2022, "{users: 0, devices: 25}", NO_RDS, cal("cal", "device", 2019, 25));

    assertThat(report.compliant()).isFalse();
    assertThat(report.cal().covered()).isZero();
    assertThat(report.cal().shortfall()).isEqualTo(25);
    assertThat(report.purchase()).containsExactly(new Purchase("Device CAL 2022", 25));
    assertThat(report.linesOf(Rule.CAL_VERSION))
        .anySatisfy(
            line ->
                assertThat(line.text()).contains("do not count: version 2019 does not cover 2022"));
  }

  @Test
  void theHighestServerVersionAccessedSetsTheCalVersion() {
    ComplianceReport report =
        report(
            HOST_2019 + HOST_2022,
            "{users: 10, devices: 0}",
            NO_RDS,
            cal("cal", "user", 2019, 10) + cal("cal", "user", 2022, 4));

    assertThat(report.cal().version()).contains(ServerVersion.of(2022));
    assertThat(report.cal().covered()).isEqualTo(4);
    assertThat(report.purchase()).containsExactly(new Purchase("User CAL 2022", 6));
  }

  @ParameterizedTest(
      name = "users {0}, devices {1}, held {2} x {3} -> {4}, required {5}, short {6}")
  @CsvSource({
    // the type with the smaller shortfall
    "120, 80, device, 50, DEVICE, 80, 30",
    "120, 80, user, 100, USER, 120, 20",
    "120, 80, none, 0, DEVICE, 80, 80",
    "10, 80, none, 0, USER, 10, 10",
    // a 0 count means access is not counted that way
    "0, 25, user, 25, DEVICE, 25, 25",
    "25, 0, device, 25, USER, 25, 25",
    // a shortfall tie: the type held most, then Device
    "30, 30, user, 40, USER, 30, 0",
    "30, 30, none, 0, DEVICE, 30, 30"
  })
  void licensesAccessByTheTypeThatLeavesTheSmallerShortfall(
      int users,
      int devices,
      String heldType,
      int heldQuantity,
      CalType expected,
      int required,
      int shortfall) {
    String held = heldType.equals("none") ? "" : cal("cal", heldType, 2022, heldQuantity);

    ComplianceReport report =
        report(HOST_2019, "{users: " + users + ", devices: " + devices + "}", NO_RDS, held);

    assertThat(report.cal().type()).contains(expected);
    assertThat(report.cal().required()).isEqualTo(required);
    assertThat(report.cal().shortfall()).isEqualTo(shortfall);
  }

  @Test
  void calsOfTheOtherTypeAreShownButNotCounted() {
    ComplianceReport report =
        report(
            HOST_2019,
            "{users: 100, devices: 50}",
            NO_RDS,
            cal("cal", "device", 2022, 40) + cal("cal", "user", 2022, 30));

    assertThat(report.cal().type()).contains(CalType.DEVICE);
    assertThat(report.cal().covered()).isEqualTo(40);
    assertThat(report.linesOf(Rule.CAL_COUNT))
        .anySatisfy(line -> assertThat(line.text()).contains("30 User CAL 2022 not counted"));
  }

  @Test
  void noAccessOrNoHostNeedsNoCal() {
    assertThat(report(HOST_2019, "{users: 0, devices: 0}", NO_RDS, "").cal())
        .isEqualTo(CalCompliance.notRequired(CalKind.SERVER));
    assertThat(report("  []\n", "{users: 10, devices: 10}", NO_RDS, "").cal().required()).isZero();
  }

  @Test
  void rdsNeedsRdsCalsAndWindowsServerCalsDoNotCount() {
    ComplianceReport report =
        report(
            HOST_2022,
            "{users: 10, devices: 0}",
            "{users: 10, devices: 0}",
            cal("cal", "user", 2022, 20));

    assertThat(report.cal().shortfall()).isZero();
    assertThat(report.rds().kind()).isEqualTo(CalKind.RDS);
    assertThat(report.rds().required()).isEqualTo(10);
    assertThat(report.rds().covered()).isZero();
    assertThat(report.compliant()).isFalse();
    assertThat(report.purchase()).containsExactly(new Purchase("RDS User CAL 2022", 10));
  }

  @Test
  void rdsCalsFollowTheVersionRule() {
    String held = cal("cal", "device", 2025, 5) + cal("rdscal", "device", 2022, 5);

    ComplianceReport covered =
        report(HOST_2019, "{users: 0, devices: 5}", "{users: 0, devices: 5}", held);
    ComplianceReport tooOld =
        report(
            host("new", 1, 16, "ServerStandard", 2025, 0),
            "{users: 0, devices: 5}",
            "{users: 0, devices: 5}",
            held);

    assertThat(covered.compliant()).isTrue();
    assertThat(covered.rds().covered()).isEqualTo(5);
    assertThat(tooOld.rds().shortfall()).isEqualTo(5);
    assertThat(tooOld.purchase()).containsExactly(new Purchase("RDS Device CAL 2025", 5));
  }

  @Test
  void rdsCalsDoNotCoverWindowsServerAccess() {
    ComplianceReport report =
        report(HOST_2019, "{users: 0, devices: 5}", NO_RDS, cal("rdscal", "device", 2022, 5));

    assertThat(report.cal().shortfall()).isEqualTo(5);
    assertThat(report.rds()).isEqualTo(CalCompliance.notRequired(CalKind.RDS));
  }
}
