package dev.keyward.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.MachineFile;
import dev.keyward.core.hardware.MachineFileReading;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every lab machine survives core's machine file, profile name and all. */
class LabMachineFileProperties {

  @Property
  void everyLabMachineRoundTrips(@ForAll LabProfile profile, @ForAll long seed) {
    MachineFile file =
        new MachineFile(
            profile.newMachine(new SplittableRandom(seed)), Optional.of(profile.profileName()));

    assertThat(MachineFile.read(file.write(), "lab.yaml", LabProfile.names()))
        .isEqualTo(new MachineFileReading.Loaded(file));
  }

  @Property
  void aDamagedFileGivesAnOutcomeNeverAnException(
      @ForAll LabProfile profile, @ForAll long seed, @ForAll("cuts") double cut) {
    String text =
        MachineFile.write(profile.newMachine(new SplittableRandom(seed)), Optional.empty());
    String damaged = text.substring(0, (int) (text.length() * cut)) + "\n  x: [\n";

    MachineFileReading reading = MachineFile.read(damaged, "damaged.yaml", LabProfile.names());

    assertThat(reading).isInstanceOf(MachineFileReading.Rejected.class);
  }

  @Provide
  Arbitrary<Double> cuts() {
    return Arbitraries.doubles().between(0, 1);
  }
}
