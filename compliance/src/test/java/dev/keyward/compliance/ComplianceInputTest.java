package dev.keyward.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.error.Failure;
import dev.keyward.core.yaml.SourceProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceInputTest {

  private static List<SourceProblem> problems(String yaml, String file) {
    ParseOutcome outcome = ComplianceInput.parse(yaml, file);
    assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
    return ((ParseOutcome.Rejected) outcome).problems();
  }

  @Test
  void readsTheSpecExample() {
    ComplianceInput input = Inputs.parse(Inputs.resource("spec-example.yaml"));

    assertThat(input.hosts())
        .containsExactly(new Host("hv1", 2, 12, ServerEdition.STANDARD, ServerVersion.of(2019), 5));
    assertThat(input.access()).isEqualTo(new AccessCounts(120, 80));
    assertThat(input.rds()).isEqualTo(AccessCounts.NONE);
    assertThat(input.entitlements())
        .containsExactly(
            new CoreEntitlement(ServerEdition.STANDARD, ServerVersion.of(2022), 1, 0),
            new CalEntitlement(CalKind.SERVER, CalType.DEVICE, ServerVersion.of(2022), 50));
    assertThat(input.prices()).isEqualTo(PackPrices.EQUAL_PER_CORE);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "ServerStandard, STANDARD",
    "ServerStandardCor, STANDARD",
    "ServerDatacenter, DATACENTER",
    "ServerDatacenterCor, DATACENTER",
    "ServerEssentials, ESSENTIALS"
  })
  void acceptsTheEditionsAndTheirServerCoreIds(String id, ServerEdition expected) {
    ComplianceInput input =
        Inputs.parse(
            "hosts:\n  - {name: a, processors: 1, coresPerProcessor: 8, edition: "
                + id
                + ", version: 2022, vms: 0}\naccess: {users: 1, devices: 1}\n");

    assertThat(input.hosts().get(0).edition()).isEqualTo(expected);
    assertThat(input.hosts().get(0).version()).isEqualTo(ServerVersion.of(2022));
  }

  @Test
  void readsRdsCalsUserCalsAndOptionalSections() {
    ComplianceInput input =
        Inputs.parse(
            """
            hosts: []
            access: {users: 3, devices: 0}
            entitlements:
              - {kind: cal, type: User, version: "2019", quantity: 3}
              - {kind: rdscal, type: device, version: "2025", quantity: 2}
              - {kind: cores, edition: ServerDatacenterCor, version: "2025", packs2: 4}
            """);

    assertThat(input.rds()).isEqualTo(AccessCounts.NONE);
    assertThat(input.entitlements())
        .containsExactly(
            new CalEntitlement(CalKind.SERVER, CalType.USER, ServerVersion.of(2019), 3),
            new CalEntitlement(CalKind.RDS, CalType.DEVICE, ServerVersion.of(2025), 2),
            new CoreEntitlement(ServerEdition.DATACENTER, ServerVersion.of(2025), 0, 4));
  }

  @Test
  void readsPricesAndDerivesAMissingPackAtTheSamePricePerCore() {
    ComplianceInput input =
        Inputs.parse(
            """
            hosts: []
            access: {users: 0, devices: 0}
            prices:
              ServerStandard: {packs16: 800, packs2: 120.50}
              ServerDatacenterCor: {packs16: 4800}
            """);

    assertThat(input.prices().of(ServerEdition.STANDARD))
        .isEqualTo(new PackPrice(new BigDecimal("800"), new BigDecimal("120.50")));
    PackPrice datacenter = input.prices().of(ServerEdition.DATACENTER);
    assertThat(datacenter.sixteenCore()).isEqualByComparingTo("4800");
    assertThat(datacenter.twoCore()).isEqualByComparingTo("600");
  }

  @Test
  void reportsEveryProblemWithFileLineAndField() {
    List<SourceProblem> problems =
        problems(Inputs.resource("every-field-wrong.yaml"), "every-field-wrong.yaml");

    assertThat(problems).allMatch(p -> p.file().equals("every-field-wrong.yaml"));
    assertThat(problems)
        .extracting(SourceProblem::line, SourceProblem::field)
        .containsExactlyInAnyOrder(
            tuple(2, "hosts[0].coresPerProcessor"),
            tuple(4, "hosts[0].coresPerProccesor"),
            tuple(8, "hosts[1].processors"),
            tuple(8, "hosts[1].edition"),
            tuple(9, "hosts[2].edition"),
            tuple(9, "hosts[2].version"),
            tuple(9, "hosts[2].vms"),
            tuple(10, "hosts[3].coresPerProcessor"),
            tuple(10, "hosts[3].vms"),
            tuple(1, "access"),
            tuple(11, "rds.devices"),
            tuple(13, "entitlements[0].edition"),
            tuple(14, "entitlements[1].packs16"),
            tuple(15, "entitlements[2].type"),
            tuple(16, "entitlements[3].kind"),
            tuple(17, "entitlements[4].edition"),
            tuple(19, "prices.ServerStandard.packs16"),
            tuple(20, "prices.ServerEssentials"),
            tuple(21, "colour"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hosts[0].coresPerProcessor | missing; it is required",
        "hosts[0].coresPerProccesor | unknown field; expected name, processors, coresPerProcessor",
        "hosts[1].processors | expected a whole number from 1 to 64, got \"0\"",
        "hosts[1].edition | unknown edition \"ServerFoundation\"",
        "hosts[2].edition | evaluation edition",
        "hosts[2].version | expected a version year such as \"2019\", got \"19\"",
        "hosts[3].coresPerProcessor | got \"12.5\"",
        "entitlements[0].edition | licensed per server",
        "entitlements[2].type | unknown CAL type \"seat\"; expected user or device",
        "entitlements[3].kind | expected cores, cal or rdscal",
        "prices.ServerStandard.packs16 | expected a price greater than 0, got \"0\"",
      })
  void problemsSayWhatIsExpected(String field, String message) {
    List<SourceProblem> problems =
        problems(Inputs.resource("every-field-wrong.yaml"), "every-field-wrong.yaml");

    assertThat(problems)
        .filteredOn(p -> p.field().equals(field))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains(message));
  }

  @Test
  void aDuplicateHostNameIsAProblem() {
    List<SourceProblem> problems =
        problems(
            """
            hosts:
              - {name: hv1, processors: 1, coresPerProcessor: 8, edition: ServerStandard, version: "2019", vms: 0}
              - {name: hv1, processors: 1, coresPerProcessor: 8, edition: ServerStandard, version: "2019", vms: 0}
            access: {users: 1, devices: 1}
            """,
            "dup.yaml");

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.field()).isEqualTo("hosts[1].name");
              assertThat(p.message()).contains("hosts[0]");
            });
  }

  @Test
  void aFieldGivenTwiceIsAProblem() {
    List<SourceProblem> problems =
        problems(
            "hosts: []\naccess: {users: 1, devices: 1}\naccess: {users: 2, devices: 2}\n", "f");

    assertThat(problems)
        .extracting(SourceProblem::line, SourceProblem::field)
        .containsExactly(tuple(3, "access"));
  }

  @Test
  void brokenYamlNamesTheLine() {
    List<SourceProblem> problems =
        problems(Inputs.resource("broken-syntax.yaml"), "broken-syntax.yaml");

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).startsWith("not valid YAML");
            });
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | the file is empty",
        "'# only a comment' | the file is empty",
        "'- a\n- b' | expected a mapping of fields, got a list",
        "'hosts: 3\naccess: {users: 1, devices: 1}' | expected a list, got \"3\"",
        "'hosts: []\naccess: {users: 1}' | missing; it is required",
        "'hosts: []\naccess:\n' | missing; it is required",
      })
  void documentLevelProblems(String yaml, String message) {
    assertThat(problems(yaml, "x.yaml")).anySatisfy(p -> assertThat(p.message()).contains(message));
  }

  @Test
  void aProblemReadsLikeACompilerMessageAndBecomesAFailure() {
    SourceProblem problem = new SourceProblem("inv.yaml", 3, "hosts[0].vms", "expected a number");

    assertThat(problem).hasToString("inv.yaml:3: hosts[0].vms: expected a number");
    Failure failure = new ParseOutcome.Rejected(List.of(problem)).failure();
    assertThat(failure.error()).isEqualTo(ErrorCode.INPUT_FILE_INVALID);
    assertThat(failure.detail()).isEqualTo(problem.toString());
  }
}
