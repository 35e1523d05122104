package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MachineFileProperties {

  @Property
  void whatIsWrittenReadsBackIdentically(
      @ForAll("machines") MachineFacts facts, @ForAll("profiles") Optional<LabProfile> profile) {
    String text = MachineFile.write(facts, profile);

    MachineFileReading reading = MachineFile.read(text, "round-trip.yaml");

    assertThat(reading).isEqualTo(new MachineFileReading.Loaded(new MachineFile(facts, profile)));
  }

  @Property
  void everyLabMachineRoundTrips(@ForAll LabProfile profile, @ForAll long seed) {
    MachineFile file =
        new MachineFile(profile.newMachine(new SplittableRandom(seed)), Optional.of(profile));

    assertThat(MachineFile.read(file.write(), "lab.yaml"))
        .isEqualTo(new MachineFileReading.Loaded(file));
  }

  @Property
  void anyTextGivesAnOutcomeNeverAnException(@ForAll String text) {
    assertThat(MachineFile.read(text, "any.yaml")).isNotNull();
  }

  @Property
  void aDamagedFileGivesAnOutcomeNeverAnException(
      @ForAll LabProfile profile, @ForAll long seed, @ForAll("cuts") double cut) {
    String text =
        MachineFile.write(profile.newMachine(new SplittableRandom(seed)), Optional.empty());
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
  Arbitrary<Optional<LabProfile>> profiles() {
    return Arbitraries.of(LabProfile.class).optional();
  }
}
