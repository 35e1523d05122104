package dev.keyward.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComponentTest {

  @Test
  void theTenComponentsHaveTheNamesOfTheSpec() {
    assertThat(Arrays.stream(Component.values()).map(Component::fileName))
        .containsExactly(
            "uuid",
            "serial",
            "baseboard",
            "cpu",
            "ram",
            "disk",
            "controller",
            "nic",
            "display",
            "volume");
  }

  @Test
  void everyNameLooksUpItsComponent() {
    for (Component component : Component.values()) {
      assertThat(Component.byName(component.fileName())).contains(component);
    }
  }

  @Test
  void lookupIsExact() {
    assertThat(Component.byName("UUID")).isEmpty();
    assertThat(Component.byName("mac")).isEmpty();
    assertThat(Component.byName(" nic")).isEmpty();
  }

  @Test
  void allNamesListsThemInOrder() {
    assertThat(Component.allNames())
        .isEqualTo("uuid, serial, baseboard, cpu, ram, disk, controller, nic, display, volume");
  }
}
