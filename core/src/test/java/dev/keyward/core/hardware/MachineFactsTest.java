package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineFactsTest {

  @Test
  void aBlankValueIsNotAnAbsentComponent() {
    assertThatThrownBy(
            () -> new MachineFacts(Map.of(Component.DISK, "  "), Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disk");
    assertThatThrownBy(() -> new MachineFacts(Map.of(), Optional.of(""), false))
        .hasMessageContaining("oemMarker");
  }

  @Test
  void componentsAreCopiedSoLaterChangesToTheInputDoNotLeakIn() {
    Map<Component, String> input = new HashMap<>();
    input.put(Component.CPU, "Xeon");
    MachineFacts facts = new MachineFacts(input, Optional.empty(), false);
    input.put(Component.NIC, "00:50:56:00:00:01");

    assertThat(facts.components()).containsOnlyKeys(Component.CPU);
    assertThatThrownBy(() -> facts.components().put(Component.RAM, "8 GiB"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void componentsAreKeptInCanonicalOrder() {
    Map<Component, String> input = new HashMap<>();
    input.put(Component.VOLUME, "A4B2-19F3");
    input.put(Component.UUID, "9B1A4D56-1100-3322-4455-66778899AABB");
    input.put(Component.NIC, "00:50:56:00:00:01");

    MachineFacts facts = new MachineFacts(input, Optional.empty(), true);

    assertThat(facts.components().keySet())
        .containsExactly(Component.UUID, Component.NIC, Component.VOLUME);
  }

  @Test
  void withAndWithoutChangeOneComponentAndKeepTheRest() {
    MachineFacts facts =
        new MachineFacts(
            Map.of(Component.CPU, "Xeon", Component.RAM, "8 GiB"), Optional.of("DELL"), true);

    MachineFacts upgraded = facts.with(Component.RAM, "16 GiB").without(Component.CPU);

    assertThat(upgraded.components()).isEqualTo(Map.of(Component.RAM, "16 GiB"));
    assertThat(upgraded.oemMarker()).contains("DELL");
    assertThat(upgraded.simulated()).isTrue();
    assertThat(facts.component(Component.RAM)).contains("8 GiB");
    assertThat(upgraded.component(Component.CPU)).isEmpty();
  }
}
