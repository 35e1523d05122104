package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HardwareIdentityProperties {

  @Property
  void identityIsDeterministicPerProduct(
      @ForAll("machines") MachineFacts machine, @ForAll("productIds") String product) {
    MachineFacts copy =
        new MachineFacts(machine.components(), machine.oemMarker(), machine.simulated());

    assertThat(HardwareIdentity.of(copy, product)).isEqualTo(HardwareIdentity.of(machine, product));
  }

  @Property
  void everyComponentHashDiffersAcrossProducts(
      @ForAll("machines") MachineFacts machine,
      @ForAll("productIds") String one,
      @ForAll("productIds") String other) {
    Assume.that(!one.equals(other));

    HardwareIdentity forOne = HardwareIdentity.of(machine, one);
    HardwareIdentity forOther = HardwareIdentity.of(machine, other);

    // Every component, absent ones too: two vendors cannot link their customers' machines.
    assertThat(forOne.differencesFrom(forOther)).containsExactlyInAnyOrder(Component.values());
  }

  @Property
  void changingOneComponentChangesExactlyItsHash(
      @ForAll("machines") MachineFacts machine,
      @ForAll Component component,
      @ForAll("values") String newValue) {
    Assume.that(!machine.component(component).equals(Optional.of(newValue)));

    HardwareIdentity before = HardwareIdentity.of(machine, "p");
    HardwareIdentity after = HardwareIdentity.of(machine.with(component, newValue), "p");

    assertThat(before.differencesFrom(after)).containsExactly(component);
  }

  @Provide
  Arbitrary<MachineFacts> machines() {
    return MachineArbitraries.machines();
  }

  @Provide
  Arbitrary<String> productIds() {
    return MachineArbitraries.productIds();
  }

  @Provide
  Arbitrary<String> values() {
    return MachineArbitraries.values();
  }
}
