package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MachineFileProperties {

  private static final List<String> PROFILES =
      List.of("physical-server", "vmware-vm", "proxmox-vm", "hyperv-vm");

  @Property
  void whatIsWrittenReadsBackIdentically(
      @ForAll("machines") MachineFacts facts, @ForAll("profiles") Optional<String> profile) {
    String text = MachineFile.write(facts, profile);

    MachineFileReading reading = MachineFile.read(text, "round-trip.yaml", PROFILES);

    assertThat(reading).isEqualTo(new MachineFileReading.Loaded(new MachineFile(facts, profile)));
  }

  @Property
  void anyTextGivesAnOutcomeNeverAnException(@ForAll String text) {
    assertThat(MachineFile.read(text, "any.yaml")).isNotNull();
  }

  @Property
  void aDamagedFileGivesAnOutcomeNeverAnException(
      @ForAll("machines") MachineFacts facts, @ForAll("cuts") double cut) {
    String text = MachineFile.write(facts, Optional.empty());
    String damaged = text.substring(0, (int) (text.length() * cut)) + "\n  x: [\n";

    MachineFileReading reading = MachineFile.read(damaged, "damaged.yaml");

    assertThat(reading).isInstanceOf(MachineFileReading.Rejected.class);
  }

  @Provide
  Arbitrary<Double> cuts() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<MachineFacts> machines() {
    return MachineArbitraries.machines();
  }

  @Provide
  Arbitrary<Optional<String>> profiles() {
    return Arbitraries.of(PROFILES).optional();
  }
}
