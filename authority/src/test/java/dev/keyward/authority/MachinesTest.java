package dev.keyward.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.core.hardware.HardwareIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachinesTest {
  private static HardwareIdentity machine() {
    return Machines.fromJson(Harness.write(Machine.random().components()));
  }

  @Test
  void theStoredTextIsReadDirectlyAndAsJacksonReadsIt() {
    for (int i = 0; i < 50; i++) {
      HardwareIdentity m = machine();
      String stored = Machines.toJson(m);
      assertThat(stored).isEqualTo(dev.keyward.core.json.Json.write(Machines.toMap(m)));
      assertThat(Machines.fromCanonical(stored)).isEqualTo(m);
      assertThat(Machines.fromJson(stored)).isEqualTo(m);
    }
  }

  @Test
  void anActivationsMachineIsReadOnceAndAgainWhenItsTextDiffers() {
    HardwareIdentity a = machine();
    HardwareIdentity b = machine();
    assertThat(Machines.ofActivation("act-test", Machines.toJson(a)))
        .isEqualTo(dev.keyward.core.channel.MachineHardware.of(a));
    assertThat(Machines.ofActivation("act-test", Machines.toJson(a)))
        .isSameAs(Machines.ofActivation("act-test", Machines.toJson(a)));
    assertThat(Machines.ofActivation("act-test", Machines.toJson(b)))
        .isEqualTo(dev.keyward.core.channel.MachineHardware.of(b));
  }

  @Test
  void aGrantedMachineIsKnownByItsActivationIdWithoutItsText() {
    HardwareIdentity m = machine();
    String id = "act-known-" + System.nanoTime();
    assertThat(Machines.knownActivation(id)).isNull();
    var hardware = dev.keyward.core.channel.MachineHardware.of(m);
    Machines.rememberActivation(id, Machines.toJson(m), hardware);
    assertThat(Machines.knownActivation(id)).isSameAs(hardware);
    // read with its stored text, it is the same machine, not read again
    assertThat(Machines.ofActivation(id, Machines.toJson(m))).isSameAs(hardware);
  }

  @Test
  void otherTextIsReadWithJacksonOrRefused() {
    HardwareIdentity m = machine();
    String stored = Machines.toJson(m);
    String spaced = stored.replace(",", ", ").replace(":", ": ");
    Map<String, Object> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    reordered.putAll(Machines.toMap(m));
    String backwards = Harness.write(reordered);
    for (String other : new String[] {spaced, backwards}) {
      assertThat(Machines.fromCanonical(other)).isNull();
      assertThat(Machines.fromJson(other)).isEqualTo(m);
    }
    for (String broken :
        new String[] {
          "", "{}", stored.substring(0, stored.length() - 1), stored + " ", stored.toUpperCase()
        }) {
      assertThat(Machines.fromCanonical(broken)).as(broken).isNull();
    }
    assertThatThrownBy(() -> Machines.fromJson("not json"))
        .isInstanceOf(IllegalStateException.class);
  }
}
