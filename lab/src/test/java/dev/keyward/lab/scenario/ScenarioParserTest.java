package dev.keyward.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.catalog.Channel;
import dev.keyward.core.hardware.Component;
import dev.keyward.core.yaml.SourceProblem;
import dev.keyward.machines.LabProfile;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioParserTest {
  /** The SPEC §14 example plus one of every other step. Line numbers matter below. */
  private static final String SPEC_EXAMPLE =
      """
      name: evaluation expired, converted, activated
      catalog: builtin:winserver
      keys:
        std2019: {version: "2019", edition: ServerStandard, channel: RETAIL}
        mak: {version: "2019", edition: ServerStandard, channel: VOLUME_MAK, pool: 3}
      machines:
        srv1: {profile: vmware-vm, version: "2019", edition: ServerStandardEval}
      steps:
        - {on: srv1, run: "slmgr /ipk {std2019}", expect: {error: "0x80070032"}}
        - {advance: 181d}
        - {on: srv1, run: "slmgr /dli", expect: {licenseStatus: Notification, reason: "0xC004FC07"}}
        - {on: srv1, run: "dism /online /Set-Edition:ServerStandard /ProductKey:{std2019} /AcceptEula"}
        - {on: srv1, run: restart}
        - {on: srv1, run: "slmgr /ato", expect: {ok: true}}
        - {on: srv1, run: "slmgr /xpr", expect: {licenseStatus: Licensed, expires: null}}
        - {migrate: srv1, to: proxmox-vm, keep: [uuid, serial]}
        - {clone: srv1, as: srv2}
        - {generalize: srv2}
        - {hardware: srv2, change: [nic, disk]}
        - {network: srv2, cut: authority}
        - {support: extend, key: mak, by: 2, reason: "pool exhausted after V2V"}
        - {on: srv2, run: "slmgr /skms kms1", pending: "volume activation host (not built yet)"}
      """;

  @Test
  void theSpecExampleReadsIntoTypedSteps() {
    Scenario s = read(SPEC_EXAMPLE);
    assertThat(s.name()).isEqualTo("evaluation expired, converted, activated");
    assertThat(s.keys().get("mak").channel()).isEqualTo(Channel.VOLUME_MAK);
    assertThat(s.keys().get("mak").pool()).hasValue(3);
    assertThat(s.machines().get("srv1").profile()).isEqualTo(LabProfile.VMWARE_VM);
    assertThat(s.steps()).hasSize(14);
    assertThat(s.steps().get(0))
        .isEqualTo(
            new Step.Run(
                9,
                "srv1",
                "slmgr /ipk {std2019}",
                new Expectation(java.util.Map.of("error", "0x80070032")),
                java.util.Optional.empty()));
    assertThat(s.steps().get(1))
        .isEqualTo(new Step.Advance(10, Duration.ofDays(181), java.util.Optional.empty()));
    assertThat(((Step.Run) s.steps().get(5)).expect().fields()).containsEntry("ok", true);
    assertThat(((Step.Run) s.steps().get(6)).expect().fields())
        .containsEntry("expires", null)
        .containsEntry("licenseStatus", "Licensed");
    assertThat(s.steps().get(7))
        .isInstanceOfSatisfying(
            Step.Migrate.class,
            m -> assertThat(m.keep()).isEqualTo(Set.of(Component.UUID, Component.SERIAL)));
    assertThat(s.steps().get(11))
        .isInstanceOfSatisfying(Step.Network.class, n -> assertThat(n.connected()).isFalse());
    assertThat(s.steps().get(12))
        .isInstanceOfSatisfying(Step.Support.class, n -> assertThat(n.by()).isEqualTo(2));
    assertThat(s.steps().get(13).pending()).contains("volume activation host (not built yet)");
  }

  @Test
  void restartIsAStepAndADowngradeKeyIsNamedForLaterSteps() {
    Scenario s =
        read(
            """
            name: downgrade
            keys:
              std2022: {version: "2022", edition: ServerStandard, channel: RETAIL}
            machines:
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {support: downgrade, key: std2022, version: "2019", as: std2019, reason: "rights"}
              - {on: srv1, run: "slmgr /ipk {std2019}"}
              - {restart: srv1, expect: {ok: true}}
            """);
    assertThat(s.steps().get(0))
        .isInstanceOfSatisfying(
            Step.Support.class,
            d -> {
              assertThat(d.version()).contains("2019");
              assertThat(d.as()).contains("std2019");
            });
    assertThat(s.steps().get(2))
        .isInstanceOfSatisfying(
            Step.Run.class,
            r -> {
              assertThat(r.command()).isEqualTo("restart");
              assertThat(r.machine()).isEqualTo("srv1");
            });
    ScenarioReading early =
        ScenarioParser.parse(
            """
            name: used before it is named
            keys:
              std2022: {version: "2022", edition: ServerStandard, channel: RETAIL}
            machines:
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {on: srv1, run: "slmgr /ipk {std2019}"}
              - {support: downgrade, key: std2022, version: "2019", reason: "rights"}
              - {support: downgrade, key: std2022, version: "2019", as: std2022, reason: "r"}
            """,
            "d.yaml");
    assertThat(((ScenarioReading.Rejected) early).problems())
        .extracting(SourceProblem::message)
        .anySatisfy(m -> assertThat(m).contains("no key named 'std2019'"))
        .anySatisfy(m -> assertThat(m).contains("downgrade needs as"))
        .anySatisfy(m -> assertThat(m).contains("'std2022' already exists"));
  }

  @Test
  void aPhoneSupportStepNamesAMachineAndTheReasonIsOptional() {
    Scenario s =
        read(
            """
            name: phone
            machines:
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {support: phone, on: srv1, reason: "no Internet", expect: {reissued: false}}
              - {support: phone, on: srv1}
              - {on: srv1, run: "slui 4"}
            """);
    assertThat(s.steps().get(0))
        .isEqualTo(
            new Step.Phone(
                5,
                "srv1",
                "no Internet",
                new Expectation(java.util.Map.of("reissued", false)),
                java.util.Optional.empty()));
    assertThat(((Step.Phone) s.steps().get(1)).reason())
        .isEqualTo("phone activation of srv1 (lab)");
    ScenarioReading wrong =
        ScenarioParser.parse(
            """
            name: phone mistakes
            keys:
              k: {version: "2019", edition: ServerStandard, channel: RETAIL}
            machines:
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {support: phone, on: srv9}
              - {support: phone, on: srv1, key: k}
              - {support: phone}
            """,
            "p.yaml");
    assertThat(((ScenarioReading.Rejected) wrong).problems())
        .extracting(p -> p.line() + ": " + p.field() + ": " + p.message())
        .anySatisfy(m -> assertThat(m).startsWith("7: ").contains("no machine named 'srv9'"))
        .anySatisfy(m -> assertThat(m).startsWith("8: ").contains("key"))
        .anySatisfy(m -> assertThat(m).startsWith("9: ").contains("on: missing"));
  }

  private static final String VOLUME =
      """
      name: volume
      machines:
        kms1: {profile: physical-server, version: "2019", edition: ServerStandard, domain: Contoso.LAN}
        c1: {profile: hyperv-vm, version: "2019", edition: ServerStandard, domain: contoso.lan, host: hv1}
        hv1: {profile: physical-server, version: "2019", edition: ServerDatacenter, directory: kms1}
      dns:
        - {name: _keyward._tcp.contoso.lan, target: kms1, port: 1688, priority: 0, weight: 100}
        - {name: _keyward._tcp.contoso.lan, target: kms2.contoso.lan, priority: 10}
      steps:
        - {network: c1, cut: kms1}
        - {network: c1, restore: kms1}
        - {network: c1, cut: authority}
      """;

  @Test
  void machinesCarryADomainAndTheFileListsSrvRecords() {
    Scenario s = read(VOLUME);
    assertThat(s.machines().get("kms1").domain()).contains("contoso.lan");
    assertThat(s.machines().get("c1").host()).contains("hv1");
    assertThat(s.machines().get("hv1").directory()).contains("kms1");
    assertThat(s.dns())
        .containsExactly(
            new DnsRecord("_keyward._tcp.contoso.lan", "kms1", 1688, 0, 100, 7),
            new DnsRecord("_keyward._tcp.contoso.lan", "kms2.contoso.lan", 1688, 10, 0, 8));
    assertThat(s.dns().get(0).targetsMachine()).isTrue();
    assertThat(s.steps())
        .containsExactly(
            new Step.Network(10, "c1", "kms1", false, java.util.Optional.empty()),
            new Step.Network(11, "c1", "kms1", true, java.util.Optional.empty()),
            new Step.Network(12, "c1", "authority", false, java.util.Optional.empty()));
  }

  @Test
  void aMachinesClockIsSkewedAheadOrBehindAndSetRight() {
    Scenario s =
        read(
            VOLUME.replace(
                "  - {network: c1, cut: authority}\n",
                "  - {clock: c1, skew: 5h}\n  - {clock: c1, skew: -30m}\n  - {clock: c1, skew: 0s}\n"));
    assertThat(s.steps().subList(2, 5))
        .extracting(st -> ((Step.Clock) st).skew())
        .containsExactly(Duration.ofHours(5), Duration.ofMinutes(-30), Duration.ZERO);
    ScenarioReading wrong =
        ScenarioParser.parse(
            VOLUME.replace("{network: c1, cut: authority}", "{clock: c1, skew: soon}"), "c.yaml");
    assertThat(((ScenarioReading.Rejected) wrong).problems())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(12);
              assertThat(p.message()).contains("not a clock skew");
            });
  }

  static Stream<Arguments> volumeMistakes() {
    return Stream.of(
        Arguments.of("domain: Contoso.LAN", "domain: contoso..lan", 3, "not a DNS domain name"),
        Arguments.of("host: hv1", "host: hv9", 4, "no machine named 'hv9'"),
        Arguments.of("host: hv1", "host: c1", 4, "cannot host itself"),
        Arguments.of("directory: kms1", "directory: corp", 5, "no machine named 'corp' serves"),
        Arguments.of(
            "name: _keyward._tcp.contoso.lan, target: kms1",
            "name: contoso.lan, target: kms1",
            7,
            "not an SRV record name"),
        Arguments.of("target: kms1,", "target: kms9,", 7, "neither a machine"),
        Arguments.of("port: 1688", "port: 70000", 7, "port"),
        Arguments.of("weight: 100", "weight: -1", 7, "weight"),
        Arguments.of("priority: 10", "prio: 10", 8, "unknown field"),
        Arguments.of("{network: c1, cut: kms1}", "{network: c1, cut: kms9}", 10, "neither"),
        Arguments.of("{network: c1, restore: kms1}", "{network: c1, restore: c1}", 11, "itself"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("volumeMistakes")
  void volumeMistakesAreReportedWithTheirLine(String from, String to, int line, String message) {
    assertThat(VOLUME).contains(from);
    ScenarioReading reading = ScenarioParser.parse(VOLUME.replace(from, to), "v.yaml");
    assertThat(reading).isInstanceOf(ScenarioReading.Rejected.class);
    assertThat(((ScenarioReading.Rejected) reading).problems())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.field() + ": " + p.message()).contains(message);
            });
    assertThat(((ScenarioReading.Rejected) reading).failure().error().hex())
        .isEqualTo("0xC0DE0009");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "unknown machine",
            "- {advance: 181d}",
            "- {on: srv9, run: \"slmgr /dli\"}",
            10,
            "no machine named 'srv9'"),
        mistake(
            "unknown key placeholder",
            "/ipk {std2019}",
            "/ipk {std2020}",
            9,
            "no key named 'std2020'"),
        mistake(
            "unknown profile", "to: proxmox-vm", "to: proxmox", 16, "unknown profile 'proxmox'"),
        mistake("bad duration", "advance: 181d", "advance: 181 days", 10, "not a duration"),
        mistake("unknown step", "- {generalize: srv2}", "- {reboot: srv2}", 18, "unknown step"),
        mistake("clone over an existing name", "as: srv2", "as: srv1", 17, "already exists"),
        mistake(
            "unknown component",
            "change: [nic, disk]",
            "change: [nic, gpu]",
            19,
            "unknown component 'gpu'"),
        mistake(
            "unknown channel", "channel: VOLUME_MAK", "channel: MAK", 5, "unknown channel 'MAK'"),
        mistake(
            "network without a direction", "cut: authority", "off: authority", 20, "unknown field"),
        mistake("extend without by", "by: 2, ", "", 21, "extend needs by"));
  }

  private static Arguments mistake(String name, String from, String to, int line, String message) {
    assertThat(SPEC_EXAMPLE).as(name).contains(from);
    return Arguments.of(name, SPEC_EXAMPLE.replace(from, to), line, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakesAreReportedWithTheirLine(String name, String text, int line, String message) {
    ScenarioReading reading = ScenarioParser.parse(text, "s.yaml");
    assertThat(reading).as(name).isInstanceOf(ScenarioReading.Rejected.class);
    List<SourceProblem> problems = ((ScenarioReading.Rejected) reading).problems();
    assertThat(problems)
        .as(name)
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void followAndTamperStepsReadWithTheirPlaceholdersAndMachines() {
    Scenario s =
        read(
            """
            name: follow
            keys:
              std2019: {version: "2019", edition: ServerStandard, channel: RETAIL}
            machines:
              old: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {tamper: srv1}
              - {follow: srv1, old: old, orElse: true, finding: 1, with: {KEY: "{std2019}"}, expect: {licenseStatus: Licensed}}
            """);
    assertThat(s.steps().get(0)).isEqualTo(new Step.Tamper(8, "srv1", java.util.Optional.empty()));
    Step.Follow f = (Step.Follow) s.steps().get(1);
    assertThat(f.machine()).isEqualTo("srv1");
    assertThat(f.old()).contains("old");
    assertThat(f.orElse()).isTrue();
    assertThat(f.finding()).isEqualTo(1);
    assertThat(f.with()).containsEntry("KEY", "{std2019}");
    ScenarioReading wrong =
        ScenarioParser.parse(
            """
            name: follow
            machines:
              srv1: {profile: hyperv-vm, version: "2019", edition: ServerStandard}
            steps:
              - {follow: srv9, with: {KEY: "{nokey}"}, colour: red}
            """,
            "f.yaml");
    assertThat(((ScenarioReading.Rejected) wrong).problems())
        .extracting(SourceProblem::message)
        .anySatisfy(m -> assertThat(m).contains("no machine named 'srv9'"))
        .anySatisfy(m -> assertThat(m).contains("no key named 'nokey'"))
        .anySatisfy(m -> assertThat(m).contains("unknown field; expected follow, with"));
  }

  @Test
  void aGuestMigratesToAnotherHostAndMistakesNameTheirLine() {
    Scenario s =
        read(
            """
            name: avma
            machines:
              hv1: {profile: physical-server, version: "2022", edition: ServerDatacenter}
              hv2: {profile: physical-server, version: "2022", edition: ServerStandard}
              vm1: {profile: hyperv-vm, version: "2019", edition: ServerStandard, host: hv1}
            steps:
              - {on: hv1, run: "vm-host start"}
              - {migrate: vm1, host: hv2}
            """);
    assertThat(s.steps().get(1))
        .isEqualTo(new Step.MigrateHost(8, "vm1", "hv2", java.util.Optional.empty()));
    ScenarioReading wrong =
        ScenarioParser.parse(
            """
            name: avma mistakes
            machines:
              hv1: {profile: physical-server, version: "2022", edition: ServerDatacenter}
              vm1: {profile: hyperv-vm, version: "2019", edition: ServerStandard, host: hv1}
            steps:
              - {migrate: vm1, host: hv9}
              - {migrate: vm1, host: hv1, keep: [uuid]}
            """,
            "m.yaml");
    assertThat(((ScenarioReading.Rejected) wrong).problems())
        .extracting(p -> p.line() + ": " + p.field() + ": " + p.message())
        .anySatisfy(m -> assertThat(m).startsWith("6: ").contains("no machine named 'hv9'"))
        .anySatisfy(m -> assertThat(m).startsWith("7: ").contains("keep"));
  }

  private static Scenario read(String text) {
    ScenarioReading reading = ScenarioParser.parse(text, "s.yaml");
    assertThat(reading).as("%s", reading).isInstanceOf(ScenarioReading.Read.class);
    return ((ScenarioReading.Read) reading).scenario();
  }
}
