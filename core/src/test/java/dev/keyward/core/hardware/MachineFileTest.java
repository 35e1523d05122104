package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.error.ErrorCode;
import dev.keyward.core.yaml.SourceProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineFileTest {
  /** The profile names the lab's machines module gives a reader (LabProfile.names()). */
  private static final List<String> PROFILES =
      List.of("physical-server", "vmware-vm", "proxmox-vm", "hyperv-vm");

  @Test
  void readsAYamlMachine() {
    String yaml =
        """
        # srv1, before the move
        profile: vmware-vm
        simulated: true
        oemMarker: VMWARE-SLP
        components:
          uuid: 9B1A4D56-1100-3322-4455-66778899AABB
          serial: "VMware-56 4d 1a 9b 00 11 22 33-44 55 66 77 88 99 aa bb"
          ram: "16 GiB"
          nic: 00:50:56:AB:CD:EF
          disk: null
        """;

    MachineFile file = loaded(MachineFile.read(yaml, "srv1.yaml", PROFILES));

    assertThat(file.profile()).contains("vmware-vm");
    assertThat(file.facts().simulated()).isTrue();
    assertThat(file.facts().oemMarker()).contains("VMWARE-SLP");
    assertThat(file.facts().components())
        .isEqualTo(
            Map.of(
                Component.UUID, "9B1A4D56-1100-3322-4455-66778899AABB",
                Component.SERIAL, "VMware-56 4d 1a 9b 00 11 22 33-44 55 66 77 88 99 aa bb",
                Component.RAM, "16 GiB",
                Component.NIC, "00:50:56:AB:CD:EF"));
  }

  @Test
  void readsAJsonMachine() {
    String json =
        """
        {"components": {"cpu": "AMD EPYC 7543 32-Core Processor [178BFBFF00A00F11]",
                        "volume": "A4B2-19F3"},
         "simulated": false}
        """;

    MachineFile file = loaded(MachineFile.read(json, "m.json"));

    assertThat(file.facts())
        .isEqualTo(
            new MachineFacts(
                Map.of(
                    Component.CPU, "AMD EPYC 7543 32-Core Processor [178BFBFF00A00F11]",
                    Component.VOLUME, "A4B2-19F3"),
                Optional.empty(),
                false));
    assertThat(file.profile()).isEmpty();
  }

  @Test
  void aFileIsSimulatedUnlessItSaysOtherwise() {
    MachineFile file = loaded(MachineFile.read("components: {}\n", "m.yaml"));

    assertThat(file.facts().simulated()).isTrue();
    assertThat(file.facts().components()).isEmpty();
  }

  @Test
  void everyMistakeIsListedWithItsLine() {
    String yaml =
        """
        profile: kvm
        simulated: yes please
        colour: blue
        components:
          uuid: 9B1A4D56-1100-3322-4455-66778899AABB
          mac: 00:50:56:AB:CD:EF
          ram: 16
          cpu: [Xeon]
          disk: ""
          uuid: again
        """;

    List<SourceProblem> problems = rejected(MachineFile.read(yaml, "bad.yaml", PROFILES));

    assertThat(problems).extracting(SourceProblem::line).containsExactly(1, 2, 3, 6, 7, 8, 9, 10);
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("bad.yaml"));
    assertThat(problems.get(0).message()).contains("unknown profile 'kvm'").contains("proxmox-vm");
    assertThat(problems.get(1).message()).contains("simulated").contains("true or false");
    assertThat(problems.get(2).message()).contains("unknown key 'colour'");
    assertThat(problems.get(3).message())
        .contains("unknown component 'mac'")
        .contains(Component.allNames());
    assertThat(problems.get(4).message()).contains("ram").contains("integer 16").contains("\"16\"");
    assertThat(problems.get(5).message()).contains("cpu").contains("a list");
    assertThat(problems.get(6).message()).contains("disk").contains("empty");
    assertThat(problems.get(7).message()).contains("duplicate key 'uuid'").contains("line 5");
    assertThat(problems.get(3).toString()).startsWith("bad.yaml:6:3: ");
  }

  @Test
  void aProfileIsANameTheReaderKnows() {
    String text = "profile: vmware-vm\ncomponents: {}\n";

    assertThat(loaded(MachineFile.read(text, "m.yaml", List.of("vmware-vm"))).profile())
        .contains("vmware-vm");
    assertThat(rejected(MachineFile.read(text, "m.yaml", List.of("hyperv-vm"))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected one of hyperv-vm"));
    // core makes no machines, so a reader given no names refuses every profile
    assertThat(rejected(MachineFile.read(text, "m.yaml")))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("m.yaml:1:10: unknown profile"));
  }

  @Test
  void aMissingComponentsSectionIsAMistake() {
    List<SourceProblem> problems = rejected(MachineFile.read("simulated: true\n", "m.yaml"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message()).contains("missing components:");
            });
  }

  @Test
  void componentsMustBeAMapping() {
    List<SourceProblem> problems =
        rejected(MachineFile.read("simulated: true\ncomponents:\n  - uuid\n", "m.yaml"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("components: must map").contains("a list");
            });
  }

  @Test
  void theWholeFileMustBeAMapping() {
    List<SourceProblem> problems = rejected(MachineFile.read("- uuid\n- serial\n", "m.yaml"));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("a list"));
  }

  @Test
  void syntaxErrorsAreProblemsWithTheirLineNotExceptions() {
    List<SourceProblem> yaml =
        rejected(MachineFile.read("components:\n  uuid: \"unterminated\n", "m.yaml"));
    List<SourceProblem> json =
        rejected(MachineFile.read("{\"components\": {\"uuid\": 1,}\n", "m.json"));

    assertThat(yaml)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).startsWith("not valid YAML or JSON");
              assertThat(p.line()).isGreaterThanOrEqualTo(2);
            });
    assertThat(json).isNotEmpty();
  }

  @Test
  void anEmptyFileIsAMistake() {
    assertThat(rejected(MachineFile.read("", "m.yaml")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("empty"));
    assertThat(rejected(MachineFile.read("# only a comment\n", "m.yaml"))).hasSize(1);
    assertThat(rejected(MachineFile.read(null, "m.yaml"))).hasSize(1);
  }

  @Test
  void rejectionsBecomeABadRequestListingEveryProblem() {
    MachineFileReading reading = MachineFile.read("components:\n  mac: x\n  ram: 8\n", "m.yaml");

    MachineFileReading.Rejected rejected = (MachineFileReading.Rejected) reading;
    assertThat(rejected.failure().error()).isEqualTo(ErrorCode.INPUT_FILE_INVALID);
    assertThat(rejected.failure().detail()).contains("m.yaml:2:3:").contains("m.yaml:3:8:");
  }

  @Test
  void writesQuotedValuesSoSerialsNeverTurnIntoNumbers() {
    MachineFacts facts =
        new MachineFacts(
            Map.of(Component.SERIAL, "0012345", Component.NIC, "00:50:56:00:00:01"),
            Optional.of("true"),
            true);

    String text = MachineFile.write(facts, Optional.of("physical-server"));

    assertThat(text)
        .isEqualTo(
            """
            profile: physical-server
            simulated: true
            oemMarker: "true"
            components:
              serial: "0012345"
              nic: "00:50:56:00:00:01"
            """);
    assertThat(loaded(MachineFile.read(text, "m.yaml", PROFILES)).facts()).isEqualTo(facts);
  }

  @Test
  void textOutsideTheBasicPlaneSurvivesTheRoundTrip() {
    MachineFacts facts =
        new MachineFacts(
            Map.of(Component.DISPLAY, "GPU \uD83D\uDE00 \u2028 \uFEFF"), Optional.empty(), false);

    MachineFile file = new MachineFile(facts, Optional.empty());

    assertThat(loaded(MachineFile.read(file.write(), "m.yaml"))).isEqualTo(file);
  }

  @Test
  void aDomainIsReadWrittenAndChecked() {
    MachineFacts facts =
        new MachineFacts(Map.of(Component.SERIAL, "0012345"), Optional.empty(), true);
    MachineFile file = new MachineFile(facts, Optional.empty(), Optional.of("contoso.lan"));

    assertThat(loaded(MachineFile.read(file.write(), "m.yaml"))).isEqualTo(file);
    assertThat(
            loaded(MachineFile.read("domain: Contoso.LAN.\ncomponents: {serial: \"1\"}\n", "m"))
                .domain())
        .contains("contoso.lan");
    assertThat(rejected(MachineFile.read("domain: \"not a domain\"\ncomponents: {}\n", "m")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not a DNS domain name"));
  }

  @Test
  void aGuestsHostChannelIsReadWrittenAndChecked() {
    MachineFacts facts =
        new MachineFacts(Map.of(Component.SERIAL, "0012345"), Optional.empty(), true);
    for (String channel : List.of("unix:/run/keyward/vm-host.sock", "127.0.0.1:7010")) {
      MachineFile file =
          new MachineFile(facts, Optional.empty(), Optional.empty(), Optional.of(channel));
      assertThat(loaded(MachineFile.read(file.write(), "m.yaml"))).isEqualTo(file);
    }
    for (String bad :
        List.of("\"somewhere\"", "\"unix:\"", "\"127.0.0.1\"", "\"127.0.0.1:0\"", "7010")) {
      assertThat(rejected(MachineFile.read("vmHost: " + bad + "\ncomponents: {}\n", "m")))
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("vmHost"));
    }
  }

  private static MachineFile loaded(MachineFileReading reading) {
    assertThat(reading).isInstanceOf(MachineFileReading.Loaded.class);
    return ((MachineFileReading.Loaded) reading).file();
  }

  private static List<SourceProblem> rejected(MachineFileReading reading) {
    assertThat(reading).isInstanceOf(MachineFileReading.Rejected.class);
    return ((MachineFileReading.Rejected) reading).problems();
  }
}
