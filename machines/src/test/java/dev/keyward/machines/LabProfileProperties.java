package dev.keyward.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.core.hardware.Component;
import dev.keyward.core.hardware.ComponentValues;
import dev.keyward.core.hardware.HardwareIdentity;
import dev.keyward.core.hardware.MachineFacts;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LabProfileProperties {
  private static final Set<Component> REPLACED =
      EnumSet.of(
          Component.UUID, Component.SERIAL, Component.CONTROLLER, Component.NIC, Component.DISPLAY);

  @Property
  void theSameSeedMakesTheSameMachine(@ForAll LabProfile profile, @ForAll long seed) {
    assertThat(profile.newMachine(new SplittableRandom(seed)))
        .isEqualTo(profile.newMachine(new SplittableRandom(seed)));
  }

  @Property
  void everyMachineHasTheBasicsAndIsSimulated(@ForAll LabProfile profile, @ForAll long seed) {
    MachineFacts machine = profile.newMachine(new SplittableRandom(seed));

    assertThat(machine.simulated()).isTrue();
    assertThat(machine.components())
        .containsKeys(
            Component.UUID,
            Component.CPU,
            Component.RAM,
            Component.CONTROLLER,
            Component.NIC,
            Component.DISPLAY,
            Component.VOLUME);
    assertThat(machine.component(Component.UUID))
        .hasValueSatisfying(
            u -> assertThat(u).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}"));
    assertThat(machine.component(Component.NIC))
        .hasValueSatisfying(m -> assertThat(ComponentValues.mac(m)).contains(m));
    assertThat(machine.component(Component.RAM))
        .hasValueSatisfying(r -> assertThat(r).matches("\\d+ GiB"));
  }

  @Property
  void aMoveToAnotherPlatformChangesExactlyTheReplacedComponentsNotKept(
      @ForAll LabProfile source,
      @ForAll LabProfile target,
      @ForAll("keeps") Set<Component> keep,
      @ForAll long seed) {
    Assume.that(source != target);
    SplittableRandom random = new SplittableRandom(seed);
    MachineFacts before = source.newMachine(random);

    MachineFacts after = LabProfile.migrate(before, target, keep, random);

    Set<Component> expected = EnumSet.copyOf(REPLACED);
    expected.removeAll(keep);
    Set<Component> changed =
        HardwareIdentity.of(before, "p").differencesFrom(HardwareIdentity.of(after, "p"));
    assertThat(changed).isEqualTo(expected);
    assertThat(after.simulated()).isTrue();
  }

  @Property
  void aMoveKeepsWhatBelongsToTheGuestAndWhatIsKept(
      @ForAll LabProfile source,
      @ForAll LabProfile target,
      @ForAll("keeps") Set<Component> keep,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    MachineFacts before = source.newMachine(random);

    MachineFacts after = LabProfile.migrate(before, target, keep, random);

    for (Component component : Component.values()) {
      if (!REPLACED.contains(component) || keep.contains(component)) {
        assertThat(after.component(component))
            .as(component.fileName())
            .isEqualTo(before.component(component));
      }
    }
  }

  @Property
  void theMovedMachineHasTheTargetsDevicesAndFirmwareMarker(
      @ForAll LabProfile source, @ForAll LabProfile target, @ForAll long seed) {
    MachineFacts after =
        LabProfile.migrate(
            source.newMachine(new SplittableRandom(seed)),
            target,
            Set.of(),
            new SplittableRandom(seed + 1));

    // The same draws that made the target's devices in migrate make them here.
    MachineFacts fresh = target.newMachine(new SplittableRandom(seed + 1));
    for (Component component : REPLACED) {
      assertThat(after.component(component)).isEqualTo(fresh.component(component));
    }
    assertThat(after.oemMarker()).isEqualTo(fresh.oemMarker());
  }

  @Provide
  Arbitrary<Set<Component>> keeps() {
    return Arbitraries.of(Component.class).set();
  }
}
